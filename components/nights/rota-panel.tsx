"use client";

import { useId, useState } from "react";
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

const KINDS: { value: TKind; label: string; description: string }[] = [
  {
    value: "alternate",
    label: "Take turns, whole nights",
    description: "One of you each night, in turn: the other sleeps right through.",
  },
  {
    value: "split",
    label: "Split every night",
    description: "One takes the first half, the other the second, every night.",
  },
  {
    value: "feed-then-handover",
    label: "Feed, then hand over",
    description: "The feeding parent takes the evening feeds, then hands over for the rest of the night.",
  },
  { value: "weekly", label: "Same every week", description: "Choose who has each night of the week." },
];

// day0 is Sunday (as the server expects); shown Monday first, like the calendar.
const WEEK = [
  [1, "Monday"],
  [2, "Tuesday"],
  [3, "Wednesday"],
  [4, "Thursday"],
  [5, "Friday"],
  [6, "Saturday"],
  [0, "Sunday"],
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
  return options.map((o) => (
    <option key={o.id} value={o.id}>
      {o.isMe ? `${o.name} (you)` : o.name}
    </option>
  ));
}

/** "Sam, then Alex": a night split between two people (value "first/second"). */
function SplitPairs({ options }: { options: TCaregiverOption[] }) {
  return options.flatMap((a) =>
    options
      .filter((b) => b.id !== a.id)
      .map((b) => (
        <option key={`${a.id}/${b.id}`} value={`${a.id}/${b.id}`}>
          {a.name}, then {b.name}
        </option>
      )),
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

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
  const id = useId();
  const [kind, setKind] = useState<TKind>("alternate");
  const { state, pending, formProps } = useAction(fillRotaAction);
  const kindErrors = fieldErrors(state, "kind");
  const people = options;
  const me = options.find((o) => o.isMe) ?? options[0];

  return (
    <details className={`card ${styles.rota}`} data-testid="rota-panel">
      <summary>
        <h2 className={styles.rotaTitle}>Fill the coming weeks from a rota</h2>
        <span className="muted small">
          Take turns, split nights, or a weekly pattern; each night says why it went to whom.
        </span>
      </summary>
      {!canFill ? (
        <p className={styles.rotaBody}>
          Only parents set the rota. Ask a parent if the coming nights need planning; you can still take and change your
          own shifts.
        </p>
      ) : (
        <form
          {...formProps}
          className={`form ${styles.rotaBody}`}
          noValidate
          aria-label="Fill the coming weeks from a rota"
        >
          <FormError message={formError(state, FIELDS)} />
          <input type="hidden" name="householdId" value={householdId} />

          <fieldset aria-describedby={kindErrors ? `${id}-kind-error` : undefined}>
            <legend>How do you want to share the nights?</legend>
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
                      <strong>{k.label}</strong>
                    </label>
                    <span className="muted" id={`${id}-${k.value}-desc`}>
                      {k.description}
                    </span>
                  </span>
                </div>
              ))}
            </div>
            <FieldError id={`${id}-kind-error`} messages={kindErrors} />
          </fieldset>

          {kind === "split" ? (
            <div className={styles.pair}>
              <TextField
                label="Hand over at"
                name="splitAt"
                type="time"
                defaultValue="01:00"
                required
                errors={fieldErrors(state, "splitAt")}
              />
              <SelectField
                label="First half"
                name="firstHalf"
                defaultValue="rotate"
                errors={fieldErrors(state, "firstHalf")}
              >
                <option value="rotate">Take turns</option>
                <People options={people} />
              </SelectField>
            </div>
          ) : null}

          {kind === "feed-then-handover" ? (
            <div className={styles.pair}>
              <SelectField
                label="Who feeds"
                name="feederId"
                defaultValue={me?.id}
                errors={fieldErrors(state, "feederId")}
              >
                <People options={people} />
              </SelectField>
              <TextField
                label="Feeds until"
                name="feedUntil"
                type="time"
                defaultValue="23:00"
                required
                errors={fieldErrors(state, "feedUntil")}
              />
            </div>
          ) : null}

          {kind === "weekly" ? (
            <fieldset>
              <legend>Who has each night</legend>
              <div className={styles.weekPattern}>
                {WEEK.map(([day, name], i) => (
                  <SelectField
                    key={day}
                    label={`${name} night`}
                    name={`day${day}`}
                    defaultValue={people[i % Math.max(people.length, 1)]?.id}
                    errors={fieldErrors(state, `day${day}`)}
                  >
                    <option value="">Whoever&apos;s turn it is</option>
                    <People options={people} />
                    <SplitPairs options={people} />
                  </SelectField>
                ))}
              </div>
              <TextField
                label="Split nights hand over at"
                name="splitAt"
                type="time"
                defaultValue="01:00"
                hint="Used by the nights you split between two people."
                errors={fieldErrors(state, "splitAt")}
              />
            </fieldset>
          ) : null}

          <div className={styles.datePair}>
            <TextField
              label="Starting from the night of"
              name="from"
              type="date"
              defaultValue={defaultFrom}
              required
              errors={fieldErrors(state, "from")}
            />
            <NumberField
              label="For how many weeks"
              name="weeks"
              min={1}
              max={12}
              defaultValue={2}
              required
              errors={fieldErrors(state, "weeks")}
            />
          </div>

          <fieldset>
            <legend>Keeping it fair</legend>
            <div className={styles.pair}>
              <NumberField
                label="Nights in a row, at most"
                name="maxConsecutive"
                min={1}
                max={7}
                defaultValue={2}
                required
                hint="For one person, unless no one else can."
                errors={fieldErrors(state, "maxConsecutive")}
              />
              <NumberField
                label="Balance over the last"
                name="fairnessWindow"
                min={7}
                max={90}
                defaultValue={30}
                required
                hint="Nights: whoever carried fewer goes first."
                errors={fieldErrors(state, "fairnessWindow")}
              />
            </div>
          </fieldset>

          <p className="hint">Shifts you set by hand are kept. Earlier rota shifts in these weeks are replaced.</p>
          <SubmitButton pending={pending} pendingLabel="Filling the nights…">
            Fill the nights
          </SubmitButton>
          <div role="status" data-testid="rota-result">
            {state?.ok ? (
              <Notice tone="success">
                <p>
                  Filled {plural(state.data.created, "shift", "shifts")}; kept {state.data.kept} you set by hand.
                  {state.data.replaced
                    ? ` Replaced ${plural(state.data.replaced, "earlier rota shift", "earlier rota shifts")}.`
                    : ""}
                </p>
                {state.data.unfilled ? (
                  <p>
                    {plural(state.data.unfilled, "stretch", "stretches")} couldn&apos;t be filled because no one was
                    free. Open those nights in the calendar to decide together.
                  </p>
                ) : null}
              </Notice>
            ) : null}
          </div>
        </form>
      )}
    </details>
  );
}
