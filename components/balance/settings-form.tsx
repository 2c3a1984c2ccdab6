"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { saveBalanceSettingsAction } from "@/lib/balance/actions";
import { Field, NumberField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { DEFAULT_SUPPORT_TEXT, SUPPORT_TEXT_MAX } from "@/lib/balance/check-in-words";
import { SHARE_NIGHTS, SLEEP_NIGHTS, THRESHOLD_LIMITS, type TThresholds } from "@/lib/balance/warnings";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";
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
  const t = useTranslations("balance.settings");
  const f = useFormat();
  const text = useText();
  const [saved, setSaved] = useState(false);
  const { state, pending, formProps } = useAction(saveBalanceSettingsAction, { onSuccess: () => setSaved(true) });
  if (!canEdit) {
    return (
      <div className="stack" data-testid="balance-settings-readonly">
        <p>
          {t("readonly", {
            consecutive: values.warnConsecutive,
            percent: values.warnSharePercent,
            shareNights: SHARE_NIGHTS,
            duration: f.durationWords(values.warnSleepMinutes * 60_000),
            sleepNights: values.warnSleepNights,
            lastNights: SLEEP_NIGHTS,
          })}
        </p>
        <p className="small muted">{t("onlyParents")}</p>
      </div>
    );
  }
  return (
    <form
      {...formProps}
      className="form stack"
      noValidate
      aria-label={t("label")}
      data-testid="balance-settings"
      onChange={() => setSaved(false)}
    >
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <NumberField
        label={t("warnConsecutive")}
        name="warnConsecutive"
        min={THRESHOLD_LIMITS.warnConsecutive.min}
        max={THRESHOLD_LIMITS.warnConsecutive.max}
        defaultValue={values.warnConsecutive}
        errors={fieldErrors(state, "warnConsecutive")}
      />
      <NumberField
        label={t("warnSharePercent", { nights: SHARE_NIGHTS })}
        name="warnSharePercent"
        min={THRESHOLD_LIMITS.warnSharePercent.min}
        max={THRESHOLD_LIMITS.warnSharePercent.max}
        defaultValue={values.warnSharePercent}
        errors={fieldErrors(state, "warnSharePercent")}
      />
      <NumberField
        label={t("warnSleepHours")}
        name="warnSleepHours"
        min={THRESHOLD_LIMITS.warnSleepHours.min}
        max={THRESHOLD_LIMITS.warnSleepHours.max}
        defaultValue={Math.round(values.warnSleepMinutes / 60)}
        errors={fieldErrors(state, "warnSleepHours")}
      />
      <NumberField
        label={t("warnSleepNights", { nights: SLEEP_NIGHTS })}
        name="warnSleepNights"
        min={THRESHOLD_LIMITS.warnSleepNights.min}
        max={THRESHOLD_LIMITS.warnSleepNights.max}
        defaultValue={values.warnSleepNights}
        errors={fieldErrors(state, "warnSleepNights")}
      />
      <Field label={t("supportLabel")} hint={t("supportHint")} errors={fieldErrors(state, "supportText")}>
        {(control) => (
          <textarea
            {...control}
            name="supportText"
            rows={3}
            maxLength={SUPPORT_TEXT_MAX}
            defaultValue={values.supportText ?? ""}
            placeholder={text(DEFAULT_SUPPORT_TEXT)}
            className={styles.textarea}
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
      <p role="status" className="small" data-testid="balance-settings-saved">
        {saved ? t("saved") : ""}
      </p>
    </form>
  );
}
