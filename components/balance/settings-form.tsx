"use client";

import { useState } from "react";
import { saveBalanceSettingsAction } from "@/lib/balance/actions";
import { Field, NumberField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { DEFAULT_SUPPORT_TEXT, SUPPORT_TEXT_MAX } from "@/lib/balance/check-in-words";
import { SHARE_NIGHTS, SLEEP_NIGHTS, THRESHOLD_LIMITS, type TThresholds } from "@/lib/balance/warnings";
import { durationWords } from "@/lib/format";
import styles from "@/components/balance/balance.module.css";

type TValues = TThresholds & { supportText: string | null };

const FIELDS = ["warnConsecutive", "warnSharePercent", "warnSleepHours", "warnSleepNights", "supportText"] as const;

/**
 * Balance warnings' thresholds and the household's own support text. Those
 * who may (canChangeBalanceSettings, lib/balance/rights.ts) change them; others read.
 */
export function BalanceSettingsForm({
  householdId,
  values,
  canEdit,
}: {
  householdId: string;
  values: TValues;
  canEdit: boolean;
}) {
  const [saved, setSaved] = useState(false);
  const { state, pending, formProps } = useAction(saveBalanceSettingsAction, { onSuccess: () => setSaved(true) });
  if (!canEdit) {
    return (
      <div className="stack" data-testid="balance-settings-readonly">
        <p>
          Attune gently warns when someone is on duty {values.warnConsecutive} nights in a row, handles{" "}
          {values.warnSharePercent}% or more of the wakings over {SHARE_NIGHTS} nights, or sleeps less than{" "}
          {durationWords(values.warnSleepMinutes * 60_000)} on {values.warnSleepNights} of the last {SLEEP_NIGHTS}{" "}
          nights.
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
        min={THRESHOLD_LIMITS.warnConsecutive.min}
        max={THRESHOLD_LIMITS.warnConsecutive.max}
        defaultValue={values.warnConsecutive}
        errors={fieldErrors(state, "warnConsecutive")}
      />
      <NumberField
        label={`Warn when one parent handles this share of the wakings over ${SHARE_NIGHTS} nights (%)`}
        name="warnSharePercent"
        min={THRESHOLD_LIMITS.warnSharePercent.min}
        max={THRESHOLD_LIMITS.warnSharePercent.max}
        defaultValue={values.warnSharePercent}
        errors={fieldErrors(state, "warnSharePercent")}
      />
      <NumberField
        label="Warn when the longest sleep is under (hours)"
        name="warnSleepHours"
        min={THRESHOLD_LIMITS.warnSleepHours.min}
        max={THRESHOLD_LIMITS.warnSleepHours.max}
        defaultValue={Math.round(values.warnSleepMinutes / 60)}
        errors={fieldErrors(state, "warnSleepHours")}
      />
      <NumberField
        label={`…on this many of the last ${SLEEP_NIGHTS} nights`}
        name="warnSleepNights"
        min={THRESHOLD_LIMITS.warnSleepNights.min}
        max={THRESHOLD_LIMITS.warnSleepNights.max}
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
            maxLength={SUPPORT_TEXT_MAX}
            defaultValue={values.supportText ?? ""}
            placeholder={DEFAULT_SUPPORT_TEXT}
            className={styles.textarea}
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save balance settings
      </SubmitButton>
      <p role="status" className="small" data-testid="balance-settings-saved">
        {saved ? "Saved." : ""}
      </p>
    </form>
  );
}
