"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { saveCheckInAction } from "@/lib/balance/actions";
import { Field, FieldError } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { useText } from "@/components/use-text";
import { MOOD_WORDS, MOODS, NOTE_MAX, SLEEPINESS_WORDS, type TMood } from "@/lib/balance/check-in-words";
import styles from "@/components/balance/balance.module.css";

type TToday = { sleepiness: number; mood: TMood | null; note: string | null; shared: boolean } | null;

const FIELDS = ["sleepiness", "mood", "note", "shared"] as const;

/** This morning's check-in: about 20 seconds, private unless you share it. */
export function CheckInForm({
  householdId,
  today,
  partnerWords,
}: {
  householdId: string;
  today: TToday;
  partnerWords: string;
}) {
  const t = useTranslations("balance.checkIn");
  const text = useText();
  const [saved, setSaved] = useState<string | null>(null);
  const { state, pending, formProps } = useAction(saveCheckInAction, {
    onSuccess: (data) => setSaved(data.shared ? t("savedShared", { partner: partnerWords }) : t("savedPrivate")),
  });
  const id = useId();
  const sleepErr = fieldErrors(state, "sleepiness");
  return (
    <form {...formProps} className="form stack" noValidate aria-label={t("label")} data-testid="check-in-form">
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <fieldset className={styles.fieldset} aria-describedby={sleepErr ? `${id}-err` : `${id}-hint`}>
        <legend>{t("sleepinessLegend")}</legend>
        <div className={styles.scale}>
          {Array.from({ length: 9 }, (_, i) => i + 1).map((n) => (
            <label key={n} title={SLEEPINESS_WORDS[n] && text(SLEEPINESS_WORDS[n])}>
              <input
                type="radio"
                name="sleepiness"
                value={n}
                defaultChecked={today?.sleepiness === n}
                aria-invalid={sleepErr ? true : undefined}
              />
              {n}
              {SLEEPINESS_WORDS[n] ? <span className="sr-only">: {text(SLEEPINESS_WORDS[n])}</span> : null}
            </label>
          ))}
        </div>
        <p className={`small muted ${styles.scaleEnds}`} id={`${id}-hint`}>
          <span>{t("wideAwake")}</span>
          <span>{t("fightingSleep")}</span>
        </p>
        <FieldError id={`${id}-err`} messages={sleepErr} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>{t("moodLegend")}</legend>
        <div className={styles.moods}>
          {MOODS.map((m) => (
            <label key={m}>
              <input type="radio" name="mood" value={m} defaultChecked={today?.mood === m} />
              {text(MOOD_WORDS[m])}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-mood-err`} messages={fieldErrors(state, "mood")} />
      </fieldset>
      <Field label={t("note")} errors={fieldErrors(state, "note")}>
        {(control) => (
          <textarea
            {...control}
            name="note"
            rows={2}
            maxLength={NOTE_MAX}
            defaultValue={today?.note ?? ""}
            className={styles.textarea}
          />
        )}
      </Field>
      <div className={styles.checkRow}>
        <input id={`${id}-shared`} type="checkbox" name="shared" defaultChecked={today?.shared ?? false} />
        <label htmlFor={`${id}-shared`}>
          {t("shareWith", { partner: partnerWords })}
          <span className="hint" style={{ display: "block" }}>
            {t("shareHint")}
          </span>
        </label>
      </div>
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {today ? t("update") : t("save")}
      </SubmitButton>
      <p role="status" className="small" data-testid="check-in-saved">
        {saved ?? ""}
      </p>
    </form>
  );
}
