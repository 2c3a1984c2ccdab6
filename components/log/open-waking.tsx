"use client";

import { useState, type ComponentProps } from "react";
import type { TWakingView } from "@/lib/log/read-log";
import type { TResult } from "@/lib/errors";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError } from "@/components/ui/use-action";
import { HelpedTags } from "@/components/log/helped-tags";
import { timerText, timerWords } from "@/components/log/format";
import { isOptimistic } from "@/components/log/optimistic";
import { useNow } from "@/components/log/use-now";
import styles from "@/components/log/log.module.css";
import { clockIn, minutesBetween, minutesText } from "@/lib/format";

const END_FIELDS = ["helped", "note"] as const;

/**
 * "Back to sleep", as the night log sends it (one useAction for every card:
 * the card leaves the screen at once, optimistically, before the answer).
 * `state` is this card's last refusal, if any: the card comes back with it.
 */
export type TEndForm = {
  formProps: ComponentProps<"form">;
  pending: boolean;
  state: TResult<unknown> | null;
};

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
  startKey,
  end,
}: {
  waking: TWakingView;
  meId: string;
  serverNow: string;
  timeZone: string;
  householdId: string;
  /** The key of the "I'm up" still waiting on this phone: "Back to sleep" names the waking by it. */
  startKey?: string;
  end: TEndForm;
}) {
  const now = useNow(serverNow);
  const elapsed = now - Date.parse(waking.startedAt);
  const mine = waking.responderId === meId;
  const refused = Boolean(end.state && !end.state.ok);
  // Open again after a refusal, to show why.
  const [ending, setEnding] = useState(refused);
  const [helped, setHelped] = useState<string[]>([]);
  const panelId = `end-${waking.babyId}`;
  const responded = waking.cryingAt ? minutesBetween(waking.cryingAt, waking.startedAt) : null;
  const sending = isOptimistic(waking) && !startKey;

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
        // Until the server has the waking (a moment), there is nothing to end yet.
        aria-disabled={sending || undefined}
        onClick={() => !sending && setEnding((e) => !e)}
        data-testid="back-to-sleep"
      >
        Back to sleep
      </button>

      <div id={panelId} hidden={!ending}>
        {ending ? (
          <form
            {...end.formProps}
            className={`form ${styles.endForm}`}
            noValidate
            aria-label={`${waking.babyName} is back to sleep`}
          >
            <FormError message={formError(end.state, END_FIELDS)} />
            <input type="hidden" name="householdId" value={householdId} />
            {startKey && isOptimistic(waking) ? (
              <>
                <input type="hidden" name="startKey" value={startKey} />
                <input type="hidden" name="optimisticId" value={waking.id} />
              </>
            ) : (
              <input type="hidden" name="wakingId" value={waking.id} />
            )}
            <HelpedTags value={helped} onChange={setHelped} />
            <Field label="Anything to remember? (optional)" errors={fieldErrors(end.state, "note")}>
              {(control) => <textarea {...control} name="note" rows={2} maxLength={280} className={styles.textarea} />}
            </Field>
            <SubmitButton pending={end.pending} pendingLabel="Saving…" className={styles.doneButton}>
              Done
            </SubmitButton>
          </form>
        ) : null}
      </div>
    </article>
  );
}
