"use client";

import { useState } from "react";
import { saveBalanceSettingsAction } from "@/lib/balance/actions";
import { Field, NumberField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useActionForm } from "@/components/ui/use-action-form";
import styles from "@/components/balance/balance.module.css";

type TValues = {
  warnConsecutive: number;
  warnSharePercent: number;
  warnSleepMinutes: number;
  warnSleepNights: number;
  supportText: string | null;
};

const FIELDS = ["warnConsecutive", "warnSharePercent", "warnSleepHours", "warnSleepNights", "supportText"] as const;

/** Balance warnings' thresholds and the household's own support text. Parents change them; others read. */
export function BalanceSettingsForm({
  householdId,
  values,
  canEdit,
  defaultSupport,
}: {
  householdId: string;
  values: TValues;
  canEdit: boolean;
  defaultSupport: string;
}) {
  const [saved, setSaved] = useState(false);
  const { state, isPending, formProps } = useActionForm(saveBalanceSettingsAction, { onSuccess: () => setSaved(true) });
  if (!canEdit) {
    return (
      <div className="stack" data-testid="balance-settings-readonly">
        <p>
          Attune gently warns when someone is on duty {values.warnConsecutive} nights in a row, handles{" "}
          {values.warnSharePercent}% or more of the wakings over 7 nights, or sleeps less than{" "}
          {Math.round(values.warnSleepMinutes / 6) / 10} hours on {values.warnSleepNights} of the last 5 nights.
        </p>
        <p className="small muted">Only parents can change these.</p>
      </div>
    );
  }
  return (
    <form
      {...formProps}
      className="form stack"
      noValidate
      aria-label="Balance settings"
      data-testid="balance-settings"
      onChange={() => setSaved(false)}
    >
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <NumberField
        label="Warn after this many nights in a row"
        name="warnConsecutive"
        min={2}
        max={7}
        defaultValue={values.warnConsecutive}
        errors={fieldErrors(state, "warnConsecutive")}
      />
      <NumberField
        label="Warn when one parent handles this share of the wakings over 7 nights (%)"
        name="warnSharePercent"
        min={55}
        max={95}
        defaultValue={values.warnSharePercent}
        errors={fieldErrors(state, "warnSharePercent")}
      />
      <NumberField
        label="Warn when the longest sleep is under (hours)"
        name="warnSleepHours"
        min={1}
        max={10}
        defaultValue={Math.round(values.warnSleepMinutes / 60)}
        errors={fieldErrors(state, "warnSleepHours")}
      />
      <NumberField
        label="…on this many of the last 5 nights"
        name="warnSleepNights"
        min={1}
        max={5}
        defaultValue={values.warnSleepNights}
        errors={fieldErrors(state, "warnSleepNights")}
      />
      <Field
        label="Where to turn locally"
        hint="Shown beside the rest suggestion: your health visitor's number, a local parent helpline. Leave empty for Attune's own words."
        errors={fieldErrors(state, "supportText")}
      >
        {(control) => (
          <textarea
            {...control}
            name="supportText"
            rows={3}
            maxLength={600}
            defaultValue={values.supportText ?? ""}
            placeholder={defaultSupport}
            className={styles.textarea}
          />
        )}
      </Field>
      <SubmitButton pending={isPending} pendingLabel="Saving…">
        Save balance settings
      </SubmitButton>
      <p role="status" className="small" data-testid="balance-settings-saved">
        {saved ? "Saved." : ""}
      </p>
    </form>
  );
}
