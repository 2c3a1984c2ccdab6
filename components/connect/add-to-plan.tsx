"use client";

import { useState } from "react";
import { addPlanItemAction } from "@/lib/connect/actions";
import { FormError } from "@/components/ui/form-error";
import { NumberField, SelectField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { Notice } from "@/components/ui/notice";
import { ISO_WEEKDAYS, PART_LABEL, PARTS, RECURRENCE_LABEL } from "./format";
import { useRefreshPlan } from "./queries";
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
  const [recurrence, setRecurrence] = useState("once");
  const [added, setAdded] = useState<string | null>(null);
  const refreshPlan = useRefreshPlan(householdId);
  const { state, pending, formProps } = useAction(addPlanItemAction, {
    onSuccess: (_data, form) => {
      const name = activities.find(
        (a) => a.ref === (form?.elements.namedItem("activity") as HTMLSelectElement | null)?.value,
      )?.name;
      setAdded(name ? `Added “${name}” to the plan.` : "Added to the plan.");
      form?.reset();
      setRecurrence("once");
      refreshPlan();
    },
  });
  const builtins = activities.filter((a) => a.builtin);
  const own = activities.filter((a) => !a.builtin);

  return (
    <form {...formProps} className="form" aria-label="Add to the plan" onChange={() => setAdded(null)}>
      <input type="hidden" name="householdId" value={householdId} />
      <SelectField label="Activity" name="activity" required errors={fieldErrors(state, "activity")} defaultValue="">
        <option value="" disabled>
          Choose an activity
        </option>
        <optgroup label="From the library">
          {builtins.map((a) => (
            <option key={a.ref} value={a.ref}>
              {a.name}
            </option>
          ))}
        </optgroup>
        {own.length ? (
          <optgroup label="Your own">
            {own.map((a) => (
              <option key={a.ref} value={a.ref}>
                {a.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>
      <TextField
        label="Day"
        name="date"
        type="date"
        className="input"
        defaultValue={date}
        key={date}
        required
        errors={fieldErrors(state, "date")}
      />
      <SelectField label="Part of the day" name="partOfDay" defaultValue="any" errors={fieldErrors(state, "partOfDay")}>
        {PARTS.map((p) => (
          <option key={p} value={p}>
            {PART_LABEL[p]}
          </option>
        ))}
      </SelectField>
      <SelectField label="Who" name="assigneeId" defaultValue="" errors={fieldErrors(state, "assigneeId")}>
        <option value="">Either of us</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.isMe ? `Me (${p.name})` : p.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Repeat"
        name="recurrence"
        value={recurrence}
        onChange={(e) => setRecurrence(e.target.value)}
        errors={fieldErrors(state, "recurrence")}
      >
        {Object.entries(RECURRENCE_LABEL).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      {recurrence === "days" ? (
        <fieldset className="field">
          <legend className="field-label">Which days</legend>
          <div className={styles.weekdayPicks}>
            {ISO_WEEKDAYS.map((d) => (
              <label key={d.n}>
                <input type="checkbox" name="weekdays" value={d.n} />
                <span aria-hidden="true">{d.short}</span>
                <span className="sr-only">{d.long}</span>
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
          label="Every how many days"
          name="intervalDays"
          min={1}
          max={60}
          defaultValue="2"
          errors={fieldErrors(state, "intervalDays")}
        />
      ) : null}
      {recurrence !== "once" ? (
        <TextField
          label="Last day (optional)"
          hint="Leave empty to keep it going."
          name="until"
          type="date"
          className="input"
          errors={fieldErrors(state, "until")}
        />
      ) : null}
      <TextField
        label="Note (optional)"
        name="note"
        maxLength={200}
        className="input"
        errors={fieldErrors(state, "note")}
      />
      <FormError message={formError(state, FIELDS)} testId="add-plan-error" />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add to the plan
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
