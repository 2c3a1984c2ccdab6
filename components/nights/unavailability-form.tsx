"use client";

import { useState } from "react";
import { addUnavailabilityAction, removeUnavailabilityAction } from "@/lib/nights/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { shortDay } from "@/lib/format";
import { type TCaregiverOption } from "@/components/nights/shift-editor";
import { ConfirmRemove } from "@/components/ui/confirm-remove";
import styles from "@/components/nights/nights.module.css";

const FIELDS = ["caregiverId", "from", "to", "fromTime", "toTime", "note"] as const;

/**
 * "I can't do these nights": whole days, or part of a day with times. Helpers
 * mark only their own; parents may mark it for anyone.
 */
export function UnavailabilityForm({
  householdId,
  options,
  defaultFrom,
}: {
  householdId: string;
  options: TCaregiverOption[];
  defaultFrom: string;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const { state, pending, formProps } = useAction(addUnavailabilityAction, {
    onSuccess: (_d, form) => {
      if (!form) return;
      const data = new FormData(form);
      const who = options.find((o) => o.id === data.get("caregiverId"));
      const from = String(data.get("from") ?? "");
      const to = String(data.get("to") ?? "");
      const days = from === to ? shortDay(from) : `${shortDay(from)} – ${shortDay(to)}`;
      setSaved(`Saved: ${who?.isMe ? "you can't" : `${who?.name ?? "they"} can't`} do ${days}.`);
      form.reset();
    },
  });
  const me = options.find((o) => o.isMe) ?? options[0];
  return (
    <form
      {...formProps}
      className="form"
      noValidate
      aria-label="I can't do these nights"
      onChange={() => setSaved(null)}
    >
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <SelectField
        label="Who can't"
        name="caregiverId"
        defaultValue={me?.id}
        errors={fieldErrors(state, "caregiverId")}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.isMe ? `${o.name} (you)` : o.name}
          </option>
        ))}
      </SelectField>
      <div className={styles.datePair}>
        <TextField
          label="First night"
          name="from"
          type="date"
          defaultValue={defaultFrom}
          required
          errors={fieldErrors(state, "from")}
        />
        <TextField
          label="Last night"
          name="to"
          type="date"
          defaultValue={defaultFrom}
          required
          errors={fieldErrors(state, "to")}
        />
      </div>
      <fieldset className={styles.optionalTimes}>
        <legend>Only part of the time? (optional)</legend>
        <p className="hint">
          Leave these empty for whole nights. For an early meeting, say from 05:00 on the first date until 09:00 on the
          last.
        </p>
        <div className={styles.pair}>
          <TextField label="From" name="fromTime" type="time" errors={fieldErrors(state, "fromTime")} />
          <TextField label="Until" name="toTime" type="time" errors={fieldErrors(state, "toTime")} />
        </div>
      </fieldset>
      <TextField
        label="Note (optional)"
        name="note"
        maxLength={140}
        autoComplete="off"
        hint="Like “work trip” or “early start”. Your household sees it."
        errors={fieldErrors(state, "note")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save
      </SubmitButton>
      <p role="status" className="small" data-testid="unavailable-status">
        {saved && state?.ok ? saved : ""}
      </p>
    </form>
  );
}

/** Remove one stretch, after a confirm. */
export function RemoveUnavailability({
  householdId,
  id,
  description,
}: {
  householdId: string;
  id: string;
  description: string;
}) {
  return (
    <ConfirmRemove
      action={removeUnavailabilityAction}
      what={description}
      question="Remove this?"
      detail={`${description}. The rota will count them in again for those nights.`}
      fields={{ householdId, id }}
    />
  );
}
