"use client";

import { useId, useState } from "react";
import { saveCheckInAction } from "@/lib/balance/actions";
import { Field, FieldError } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
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
  const [saved, setSaved] = useState<string | null>(null);
  const { state, pending, formProps } = useAction(saveCheckInAction, {
    onSuccess: (data) =>
      setSaved(data.shared ? `Saved, and shared with ${partnerWords}.` : "Saved. Only you can see it."),
  });
  const id = useId();
  const sleepErr = fieldErrors(state, "sleepiness");
  return (
    <form {...formProps} className="form stack" noValidate aria-label="Morning check-in" data-testid="check-in-form">
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <fieldset className={styles.fieldset} aria-describedby={sleepErr ? `${id}-err` : `${id}-hint`}>
        <legend>How sleepy do you feel right now?</legend>
        <div className={styles.scale}>
          {Array.from({ length: 9 }, (_, i) => i + 1).map((n) => (
            <label key={n} title={SLEEPINESS_WORDS[n]}>
              <input
                type="radio"
                name="sleepiness"
                value={n}
                defaultChecked={today?.sleepiness === n}
                aria-invalid={sleepErr ? true : undefined}
              />
              {n}
              {SLEEPINESS_WORDS[n] ? <span className="sr-only">: {SLEEPINESS_WORDS[n]}</span> : null}
            </label>
          ))}
        </div>
        <p className={`small muted ${styles.scaleEnds}`} id={`${id}-hint`}>
          <span>1 wide awake</span>
          <span>9 fighting sleep</span>
        </p>
        <FieldError id={`${id}-err`} messages={sleepErr} />
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend>Mood (optional)</legend>
        <div className={styles.moods}>
          {MOODS.map((m) => (
            <label key={m}>
              <input type="radio" name="mood" value={m} defaultChecked={today?.mood === m} />
              {MOOD_WORDS[m]}
            </label>
          ))}
        </div>
        <FieldError id={`${id}-mood-err`} messages={fieldErrors(state, "mood")} />
      </fieldset>
      <Field label="A note, if you like" errors={fieldErrors(state, "note")}>
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
          Share this with {partnerWords}
          <span className="hint" style={{ display: "block" }}>
            Off by default: unless you tick this, nobody else sees your check-in.
          </span>
        </label>
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {today ? "Update this morning's check-in" : "Save check-in"}
      </SubmitButton>
      <p role="status" className="small" data-testid="check-in-saved">
        {saved ?? ""}
      </p>
    </form>
  );
}
