"use client";

import { useEffect, useId, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { TTapOutView } from "@/lib/log/read-log";
import { answerTapOutAction, requestTapOutAction } from "@/lib/log/actions";
import { logKeys } from "@/lib/log/query-keys";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { queuedTap } from "@/lib/offline/tap";
import styles from "@/components/log/log.module.css";
import { clockIn, listNames } from "@/lib/format";

type TPerson = { id: string; name: string; isMe: boolean };

/** Once the server said yes: tonight's log (with its tap-outs) is read again. */
function useRereadTonight(householdId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: logKeys.tonight(householdId) });
}

/** "I need you": one tap, no confirm. The only thing that may wake the partner who is off. */
export function TapOutButton({ householdId, others }: { householdId: string; others: TPerson[] }) {
  const reread = useRereadTonight(householdId);
  const [saved, setSaved] = useState(false);
  const {
    state,
    pending: isPending,
    formProps,
  } = useAction(requestTapOutAction, {
    onSuccess: reread,
    // Offline: kept on this phone and sent the moment the connection is back.
    ...queuedTap("tapOut", () => setSaved(true)),
  });
  const names = listNames(others.map((o) => o.name));
  const hintId = useId();
  return (
    <form {...formProps} className={styles.tapOutForm} aria-label="Ask for help">
      <input type="hidden" name="householdId" value={householdId} />
      <button
        type="submit"
        className={styles.tapOutButton}
        aria-disabled={isPending || undefined}
        onClick={(e) => {
          if (isPending) e.preventDefault();
        }}
        data-testid="tap-out"
        aria-describedby={hintId}
      >
        {isPending ? <span className="spinner" aria-hidden="true" /> : null}
        {isPending ? "Asking…" : "I need you"}
      </button>
      <p id={hintId} className={`small muted ${styles.tapOutHint}`}>
        Sends {names} an alert on their Tonight screen.
      </p>
      {saved ? (
        <p className={`small ${styles.savedOnPhone}`} data-testid="tap-out-saved">
          Saved on this phone, sending…
        </p>
      ) : null}
      <FormError message={state && !state.ok ? state.message : undefined} testId="tap-out-error" />
    </form>
  );
}

/**
 * The latest tap-out, said from the reader's side: the requester sees
 * "Asked Alex for help — 02:14" and then the answer; the partner who answered
 * sees what they said.
 */
export function TapOutStatus({
  tapOut,
  people,
  timeZone,
}: {
  tapOut: TTapOutView;
  people: TPerson[];
  timeZone: string;
}) {
  const me = people.find((p) => p.isMe);
  const mine = tapOut.requesterId === me?.id;
  const helpers = people.filter((p) => p.id !== tapOut.requesterId);
  const helperNames = listNames(helpers.map((p) => p.name)) || "your partner";
  const asked = <time dateTime={tapOut.requestedAt}>{clockIn(tapOut.requestedAt, timeZone)}</time>;
  const answered = tapOut.answeredAt ? (
    <time dateTime={tapOut.answeredAt}>{clockIn(tapOut.answeredAt, timeZone)}</time>
  ) : null;
  const onlyMe = helpers.length === 1 && helpers[0]!.isMe;

  let text;
  if (mine) {
    if (!tapOut.answer)
      text = (
        <>
          Asked {helperNames} for help — {asked}. Waiting for an answer…
        </>
      );
    else if (tapOut.answer === "coming")
      text = (
        <>
          {helpers.length === 1 ? helperNames : "Someone"} is coming — {answered}.
        </>
      );
    else
      text = (
        <>
          {helpers.length === 1 ? helperNames : "They"} can&apos;t come right now ({answered}). You&apos;re doing well;
          one minute at a time.
        </>
      );
  } else if (tapOut.answer === "coming") {
    text = onlyMe ? (
      <>
        You told {tapOut.requesterName} you&apos;re coming — {answered}.
      </>
    ) : (
      <>
        {tapOut.requesterName} asked for help at {asked}; someone is coming.
      </>
    );
  } else {
    text = onlyMe ? (
      <>
        You told {tapOut.requesterName} you can&apos;t right now — {answered}.
      </>
    ) : (
      <>
        {tapOut.requesterName} asked for help at {asked}; the answer was “not right now”.
      </>
    );
  }
  return (
    <p
      className={`${styles.tapOutStatus} ${tapOut.answer === "coming" ? styles.tapOutComing : ""}`}
      data-testid="tapout-status"
    >
      {text}
    </p>
  );
}

/** On the partner's screen: unmissable, with the two answers. */
export function TapOutAlert({
  householdId,
  tapOut,
  timeZone,
  upWith,
}: {
  householdId: string;
  tapOut: TTapOutView;
  timeZone: string;
  upWith: string | null;
}) {
  const reread = useRereadTonight(householdId);
  const [saved, setSaved] = useState(false);
  const {
    state,
    pending: isPending,
    formProps,
  } = useAction(answerTapOutAction, {
    onSuccess: reread,
    ...queuedTap("answer", () => setSaved(true)),
  });
  // A buzz where the phone allows it (only after a tap on the page; never in a background tab).
  useEffect(() => {
    const activated = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } }).userActivation
      ?.hasBeenActive;
    if (!activated || typeof navigator.vibrate !== "function") return;
    try {
      navigator.vibrate([300, 150, 300]);
    } catch {
      /* not supported */
    }
  }, [tapOut.id]);
  return (
    <div role="alert" className={styles.alert} data-testid="tapout-alert" aria-labelledby={`tapout-${tapOut.id}`}>
      <p id={`tapout-${tapOut.id}`} className={styles.alertTitle}>
        {tapOut.requesterName} needs you
      </p>
      <p className={styles.alertDetail}>
        Asked at <time dateTime={tapOut.requestedAt}>{clockIn(tapOut.requestedAt, timeZone)}</time>
        {upWith ? ` — up with ${upWith}` : ""}.
      </p>
      <form {...formProps} className={styles.alertActions} aria-label={`Answer ${tapOut.requesterName}`}>
        <input type="hidden" name="householdId" value={householdId} />
        <input type="hidden" name="tapOutId" value={tapOut.id} />
        <SubmitButton pending={isPending} className={styles.comingButton} name="answer" value="coming">
          I&apos;m coming
        </SubmitButton>
        <SubmitButton pending={isPending} className={styles.cantButton} name="answer" value="cant">
          I can&apos;t right now
        </SubmitButton>
      </form>
      {saved ? (
        <p className={`small ${styles.savedOnPhone}`} data-testid="tapout-answer-saved">
          Saved on this phone, sending…
        </p>
      ) : null}
      <FormError message={state && !state.ok ? state.message : undefined} testId="tapout-error" />
    </div>
  );
}
