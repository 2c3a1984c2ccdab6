"use client";

import { useState } from "react";
import type { TWakingView } from "@/lib/log/read-log";
import { endWakingAction } from "@/lib/log/actions";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError } from "@/components/ui/use-action-form";
import { useLogAction } from "@/components/log/use-log-action";
import { HelpedTags } from "@/components/log/helped-tags";
import { timerText, timerWords } from "@/components/log/format";
import { useNow } from "@/components/log/use-now";
import styles from "@/components/log/log.module.css";
import { clockIn, minutesText } from "@/lib/format";

const END_FIELDS = ["helped", "note"] as const;

/**
 * One waking in progress: who is up, a running timer, and "Back to sleep",
 * which opens what helped, a note and "Done". Anyone may end it (whoever is
 * standing there with the baby).
 */
export function OpenWaking({
  waking,
  meId,
  serverNow,
  timeZone,
  householdId,
  onEnded,
}: {
  waking: TWakingView;
  meId: string;
  serverNow: string;
  timeZone: string;
  householdId: string;
  onEnded: (w: TWakingView, minutes: number) => void;
}) {
  const now = useNow(serverNow);
  const elapsed = now - Date.parse(waking.startedAt);
  const mine = waking.responderId === meId;
  const [ending, setEnding] = useState(false);
  const [helped, setHelped] = useState<string[]>([]);
  const panelId = `end-${waking.id}`;
  const {
    state,
    pending: isPending,
    formProps,
  } = useLogAction(endWakingAction, {
    onSuccess: (data) => {
      setEnding(false);
      setHelped([]);
      onEnded(waking, data.minutes);
    },
  });
  const responded = waking.cryingAt
    ? Math.round((Date.parse(waking.startedAt) - Date.parse(waking.cryingAt)) / 60_000)
    : null;

  return (
    <article
      className={styles.open}
      data-testid="waking-open"
      data-waking-id={waking.id}
      aria-labelledby={`${panelId}-who`}
    >
      {mine ? (
        <h3 id={`${panelId}-who`} className={styles.openWho}>
          You&apos;re up with {waking.babyName}
        </h3>
      ) : (
        <h3 id={`${panelId}-who`} className={styles.openWho} data-testid="up-now">
          {waking.responderName} is up with {waking.babyName}
        </h3>
      )}
      <p className={styles.timer}>
        <span role="timer" aria-live="off" aria-label={`Awake for ${timerWords(elapsed)}`} data-testid="waking-timer">
          {timerText(elapsed)}
        </span>
      </p>
      <p className={`small muted ${styles.openSince}`}>
        Since <time dateTime={waking.startedAt}>{clockIn(waking.startedAt, timeZone)}</time>
        {responded !== null ? <> · crying started {minutesText(responded)} before</> : null}
      </p>

      <button
        type="button"
        className={styles.sleepButton}
        aria-expanded={ending}
        aria-controls={panelId}
        onClick={() => setEnding((e) => !e)}
        data-testid="back-to-sleep"
      >
        Back to sleep
      </button>

      <div id={panelId} hidden={!ending}>
        {ending ? (
          <form
            {...formProps}
            className={`form ${styles.endForm}`}
            noValidate
            aria-label={`${waking.babyName} is back to sleep`}
          >
            <FormError message={formError(state, END_FIELDS)} />
            <input type="hidden" name="householdId" value={householdId} />
            <input type="hidden" name="wakingId" value={waking.id} />
            <HelpedTags value={helped} onChange={setHelped} />
            <Field label="Anything to remember? (optional)" errors={fieldErrors(state, "note")}>
              {(control) => <textarea {...control} name="note" rows={2} maxLength={280} className={styles.textarea} />}
            </Field>
            <SubmitButton pending={isPending} pendingLabel="Saving…" className={styles.doneButton}>
              Done
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </article>
  );
}
