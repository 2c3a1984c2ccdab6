"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { addPlanItemAction } from "@/lib/connect/actions";
import { FormError } from "@/components/ui/form-error";
import { NumberField, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { Notice } from "@/components/ui/notice";
import { useFormat } from "@/components/format-provider";
import { ISO_WEEKDAYS, PARTS, RECURRENCES } from "./format";
import styles from "./connect.module.css";

export type TActivityOption = { ref: string; name: string; builtin: boolean };
export type TPersonOption = { id: string; name: string; isMe: boolean };

const FIELDS = [
  "activity",
  "date",
  "partOfDay",
  "assigneeId",
  "recurrence",
  "weekdays",
  "intervalDays",
  "until",
  "note",
];

/** Add an activity to a day, for someone or either of you, once or repeating. */
export function AddToPlan({
  householdId,
  date,
  activities,
  people,
}: {
  householdId: string;
  date: string;
  activities: TActivityOption[];
  people: TPersonOption[];
}) {
  const t = useTranslations("connect.addToPlan");
  const tc = useTranslations("connect");
  const f = useFormat();
  const [recurrence, setRecurrence] = useState("once");
  const [added, setAdded] = useState<string | null>(null);
  const { state, pending, formProps } = useAction(addPlanItemAction, {
    onSuccess: (_data, form) => {
      const name = activities.find(
        (a) => a.ref === (form?.elements.namedItem("activity") as HTMLSelectElement | null)?.value,
      )?.name;
      setAdded(name ? t("added", { name }) : t("addedNoName"));
      form?.reset();
      setRecurrence("once");
    },
  });
  const builtins = activities.filter((a) => a.builtin);
  const own = activities.filter((a) => !a.builtin);

  return (
    <form {...formProps} className="form" aria-label={t("formLabel")} onChange={() => setAdded(null)}>
      <input type="hidden" name="householdId" value={householdId} />
      <SelectField
        label={t("activity")}
        name="activity"
        required
        errors={fieldErrors(state, "activity")}
        defaultValue=""
      >
        <option value="" disabled>
          {t("chooseActivity")}
        </option>
        <optgroup label={t("fromLibrary")}>
          {builtins.map((a) => (
            <option key={a.ref} value={a.ref}>
              {a.name}
            </option>
          ))}
        </optgroup>
        {own.length ? (
          <optgroup label={t("yourOwn")}>
            {own.map((a) => (
              <option key={a.ref} value={a.ref}>
                {a.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <TextField
        label={t("day")}
        name="date"
        type="date"
        className="input"
        defaultValue={date}
        key={date}
        required
        errors={fieldErrors(state, "date")}
      />
      <SelectField label={t("partOfDay")} name="partOfDay" defaultValue="any" errors={fieldErrors(state, "partOfDay")}>
        {PARTS.map((p) => (
          <option key={p} value={p}>
            {tc(`part.${p}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("who")} name="assigneeId" defaultValue="" errors={fieldErrors(state, "assigneeId")}>
        <option value="">{t("eitherOfUs")}</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.isMe ? t("me", { name: p.name }) : p.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("repeat")}
        name="recurrence"
        value={recurrence}
        onChange={(e) => setRecurrence(e.target.value)}
        errors={fieldErrors(state, "recurrence")}
      >
        {RECURRENCES.map((value) => (
          <option key={value} value={value}>
            {tc(`recurrence.${value}`)}
          </option>
        ))}
      </SelectField>
      {recurrence === "days" ? (
        <fieldset className="field">
          <legend className="field-label">{t("whichDays")}</legend>
          <div className={styles.weekdayPicks}>
            {ISO_WEEKDAYS.map((n) => (
              <label key={n}>
                <input type="checkbox" name="weekdays" value={n} />
                <span aria-hidden="true">{f.isoWeekdayName(n, "short")}</span>
                <span className="sr-only">{f.isoWeekdayName(n)}</span>
              </label>
            ))}
          </div>
          {fieldErrors(state, "weekdays") ? (
            <p className="field-error">{fieldErrors(state, "weekdays")!.join(" ")}</p>
          ) : null}
        </fieldset>
      ) : null}
      {recurrence === "every_n" ? (
        <NumberField
          label={t("everyHowMany")}
          name="intervalDays"
          min={1}
          max={60}
          defaultValue="2"
          errors={fieldErrors(state, "intervalDays")}
        />
      ) : null}
      {recurrence !== "once" ? (
        <TextField
          label={t("until")}
          hint={t("untilHint")}
          name="until"
          type="date"
          className="input"
          errors={fieldErrors(state, "until")}
        />
      ) : null}
      <TextField label={t("note")} name="note" maxLength={200} className="input" errors={fieldErrors(state, "note")} />
      <FormError message={formError(state, FIELDS)} testId="add-plan-error" />
      <SubmitButton pending={pending} pendingLabel={t("adding")}>
        {t("submit")}
      </SubmitButton>
      {added ? (
        <Notice tone="success" role="status" testId="add-plan-done">
          {added}
        </Notice>
      ) : (
        <div role="status" className="sr-only" />
      )}
    </form>
  );
}
