"use client";

import { ClockField } from "@/components/ui/clock-field";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { fillRotaAction } from "@/lib/nights/actions";
import { FieldError, NumberField, SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import type { TCaregiverOption } from "@/components/nights/shift-editor";
import type { ROTA_KINDS } from "@/lib/nights/rota-templates";
import styles from "@/components/nights/nights.module.css";

type TKind = (typeof ROTA_KINDS)[number];

/** The templates, with their message keys under nights.rota.kinds. */
const KINDS: { value: TKind; key: string }[] = [
  { value: "alternate", key: "alternate" },
  { value: "split", key: "split" },
  { value: "feed-then-handover", key: "feedThenHandover" },
  { value: "weekly", key: "weekly" },
];

// day0 is Sunday (as the server expects); shown Monday first, like the calendar.
const WEEK = [
  [1, "mon"],
  [2, "tue"],
  [3, "wed"],
  [4, "thu"],
  [5, "fri"],
  [6, "sat"],
  [0, "sun"],
] as const;

const FIELDS = [
  "kind",
  "from",
  "weeks",
  "splitAt",
  "firstHalf",
  "feederId",
  "feedUntil",
  "day0",
  "day1",
  "day2",
  "day3",
  "day4",
  "day5",
  "day6",
  "maxConsecutive",
  "fairnessWindow",
] as const;

function People({ options }: { options: TCaregiverOption[] }) {
  const t = useTranslations("nights");
  return options.map((o) => (
    <option key={o.id} value={o.id}>
      {o.isMe ? t("person.nameYou", { name: o.name }) : o.name}
    </option>
  ));
}

/** "Sam, then Alex": a night split between two people (value "first/second"). */
function SplitPairs({ options }: { options: TCaregiverOption[] }) {
  const t = useTranslations("nights");
  return options.flatMap((a) =>
    options
      .filter((b) => b.id !== a.id)
      .map((b) => (
        <option key={`${a.id}/${b.id}`} value={`${a.id}/${b.id}`}>
          {t("rota.splitPair", { first: a.name, second: b.name })}
        </option>
      )),
  );
}

/**
 * "Fill the coming weeks from a rota": a template, how many weeks, and the
 * fairness rules. Filling never overwrites shifts set by hand; the result says
 * what was kept. Parents only (canFillRota in lib/nights/rights.ts; the server checks too).
 */
export function RotaPanel({
  householdId,
  options,
  canFill,
  defaultFrom,
}: {
  householdId: string;
  options: TCaregiverOption[];
  /** canFillRota for the reader. */
  canFill: boolean;
  defaultFrom: string;
}) {
  const t = useTranslations("nights");
  const id = useId();
  const [kind, setKind] = useState<TKind>("alternate");
  const { state, pending, formProps } = useAction(fillRotaAction);
  const kindErrors = fieldErrors(state, "kind");
  const people = options;
  const me = options.find((o) => o.isMe) ?? options[0];

  return (
    <details className={`card ${styles.rota}`} data-testid="rota-panel">
      <summary>
        <h2 className={styles.rotaTitle}>{t("rota.title")}</h2>
        <span className="muted small">{t("rota.summary")}</span>
      </summary>
      {!canFill ? (
        <p className={styles.rotaBody}>{t("rota.parentsOnly")}</p>
      ) : (
        <form {...formProps} className={`form ${styles.rotaBody}`} noValidate aria-label={t("rota.title")}>
          <FormError message={formError(state, FIELDS)} />
          <input type="hidden" name="householdId" value={householdId} />

          <fieldset aria-describedby={kindErrors ? `${id}-kind-error` : undefined}>
            <legend>{t("rota.kindLegend")}</legend>
            <div className="choices">
              {KINDS.map((k) => (
                <div className="choice" key={k.value}>
                  <input
                    type="radio"
                    id={`${id}-${k.value}`}
                    name="kind"
                    value={k.value}
                    checked={kind === k.value}
                    onChange={() => setKind(k.value)}
                    aria-describedby={`${id}-${k.value}-desc`}
                  />
                  <span>
                    <label htmlFor={`${id}-${k.value}`} className="choice-label">
                      <strong>{t(`rota.kinds.${k.key}.label`)}</strong>
                    </label>
                    <span className="muted" id={`${id}-${k.value}-desc`}>
                      {t(`rota.kinds.${k.key}.description`)}
                    </span>
                  </span>
                </div>
              ))}
            </div>
            <FieldError id={`${id}-kind-error`} messages={kindErrors} />
          </fieldset>

          {kind === "split" ? (
            <div className={styles.pair}>
              <ClockField
                label={t("rota.splitAt")}
                name="splitAt"
                defaultValue="01:00"
                required
                errors={fieldErrors(state, "splitAt")}
              />
              <SelectField
                label={t("rota.firstHalf")}
                name="firstHalf"
                defaultValue="rotate"
                errors={fieldErrors(state, "firstHalf")}
              >
                <option value="rotate">{t("rota.takeTurns")}</option>
                <People options={people} />
              </SelectField>
            </div>
          ) : null}

          {kind === "feed-then-handover" ? (
            <div className={styles.pair}>
              <SelectField
                label={t("rota.feeder")}
                name="feederId"
                defaultValue={me?.id}
                errors={fieldErrors(state, "feederId")}
              >
                <People options={people} />
              </SelectField>
              <ClockField
                label={t("rota.feedUntil")}
                name="feedUntil"
                defaultValue="23:00"
                required
                errors={fieldErrors(state, "feedUntil")}
              />
            </div>
          ) : null}

          {kind === "weekly" ? (
            <fieldset>
              <legend>{t("rota.weeklyLegend")}</legend>
              <div className={styles.weekPattern}>
                {WEEK.map(([day, name], i) => (
                  <SelectField
                    key={day}
                    label={t(`rota.weekNights.${name}`)}
                    name={`day${day}`}
                    defaultValue={people[i % Math.max(people.length, 1)]?.id}
                    errors={fieldErrors(state, `day${day}`)}
                  >
                    <option value="">{t("rota.whoeversTurn")}</option>
                    <People options={people} />
                    <SplitPairs options={people} />
                  </SelectField>
                ))}
              </div>
              <ClockField
                label={t("rota.weeklySplitAt")}
                name="splitAt"
                defaultValue="01:00"
                hint={t("rota.weeklySplitAtHint")}
                errors={fieldErrors(state, "splitAt")}
              />
            </fieldset>
          ) : null}

          <div className={styles.datePair}>
            <TextField
              label={t("rota.from")}
              name="from"
              type="date"
              defaultValue={defaultFrom}
              required
              errors={fieldErrors(state, "from")}
            />
            <NumberField
              label={t("rota.weeks")}
              name="weeks"
              min={1}
              max={12}
              defaultValue={2}
              required
              errors={fieldErrors(state, "weeks")}
            />
          </div>

          <fieldset>
            <legend>{t("rota.fairLegend")}</legend>
            <div className={styles.pair}>
              <NumberField
                label={t("rota.maxConsecutive")}
                name="maxConsecutive"
                min={1}
                max={7}
                defaultValue={2}
                required
                hint={t("rota.maxConsecutiveHint")}
                errors={fieldErrors(state, "maxConsecutive")}
              />
              <NumberField
                label={t("rota.fairnessWindow")}
                name="fairnessWindow"
                min={7}
                max={90}
                defaultValue={30}
                required
                hint={t("rota.fairnessWindowHint")}
                errors={fieldErrors(state, "fairnessWindow")}
              />
            </div>
          </fieldset>

          <p className="hint">{t("rota.keptHint")}</p>
          <SubmitButton pending={pending} pendingLabel={t("rota.filling")}>
            {t("rota.fill")}
          </SubmitButton>
          <div role="status" data-testid="rota-result">
            {state?.ok ? (
              <Notice tone="success">
                <p>
                  {t("rota.result.filled", {
                    created: state.data.created,
                    kept: state.data.kept,
                    replaced: state.data.replaced,
                  })}
                </p>
                {state.data.unfilled ? <p>{t("rota.result.unfilled", { count: state.data.unfilled })}</p> : null}
              </Notice>
            ) : null}
          </div>
        </form>
      )}
    </details>
  );
}
