"use client";

import { useState } from "react";
import type { TSwapView } from "@/lib/log/read-log";
import { respondToSwapAction, withdrawSwapAction } from "@/lib/nights/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { canWithdrawSwap, mustAnswerSwap } from "@/lib/nights/rights";
import styles from "@/components/log/log.module.css";
import { clockIn, shortDay } from "@/lib/format";

/**
 * Pending swaps, from the reader's side: "Sam asks you to take 19:00–01:00
 * on Fri 27 Nov" with Accept / Decline, or "Waiting for Alex…" with Withdraw.
 */
export function SwapsWaiting({
  householdId,
  swaps,
  meId,
  timeZone,
}: {
  householdId: string;
  swaps: TSwapView[];
  meId: string;
  timeZone: string;
}) {
  const [message, setMessage] = useState<string | null>(null);
  if (!swaps.length && !message) return null;
  return (
    <section className="card" aria-labelledby="swaps-heading" data-testid="swaps-waiting">
      <h2 id="swaps-heading">Swaps waiting</h2>
      <p role="status" className={message ? styles.swapDone : "sr-only"} data-testid="swap-status">
        {message ?? ""}
      </p>
      {swaps.length ? (
        <ul className={styles.swapList}>
          {swaps.map((s) => (
            <SwapItem
              key={s.id}
              householdId={householdId}
              swap={s}
              meId={meId}
              timeZone={timeZone}
              onDone={setMessage}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SwapItem({
  householdId,
  swap: s,
  meId,
  timeZone,
  onDone,
}: {
  householdId: string;
  swap: TSwapView;
  meId: string;
  timeZone: string;
  onDone: (message: string) => void;
}) {
  const hours = `${clockIn(s.startsAt, timeZone)}–${clockIn(s.endsAt, timeZone)}`;
  const day = shortDay(s.night);
  const offer = s.requestedById === s.fromId; // the holder asks someone to take it
  const requester = offer ? s.fromName : s.toName;
  const answerer = offer ? s.toName : s.fromName;
  const iAnswer = mustAnswerSwap({ caregiverId: meId }, s);
  const iAsked = canWithdrawSwap({ caregiverId: meId }, s);

  const respond = useAction(respondToSwapAction, {
    onSuccess: (d) =>
      onDone(
        d.status === "accepted"
          ? `Accepted: ${offer ? "you take" : `${requester} takes`} ${hours} on ${day}.`
          : `Declined. ${requester} will see that.`,
      ),
  });
  const withdraw = useAction(withdrawSwapAction, { onSuccess: () => onDone(`Withdrawn: the ${day} swap is off.`) });

  let sentence;
  if (iAnswer) {
    sentence = offer ? (
      <>
        <strong>{requester}</strong> asks you to take <strong className={styles.nowrap}>{hours}</strong> on {day}.
      </>
    ) : (
      <>
        <strong>{requester}</strong> offers to take your <strong className={styles.nowrap}>{hours}</strong> on {day}.
      </>
    );
  } else if (iAsked) {
    sentence = offer ? (
      <>
        You asked {answerer} to take your <strong className={styles.nowrap}>{hours}</strong> on {day}.
      </>
    ) : (
      <>
        You offered to take {answerer}&apos;s <strong className={styles.nowrap}>{hours}</strong> on {day}.
      </>
    );
  } else {
    sentence = offer ? (
      <>
        {requester} asked {answerer} to take <span className={styles.nowrap}>{hours}</span> on {day}.
      </>
    ) : (
      <>
        {requester} offered to take {answerer}&apos;s <span className={styles.nowrap}>{hours}</span> on {day}.
      </>
    );
  }
  const error =
    (respond.state && !respond.state.ok ? respond.state.message : undefined) ??
    (withdraw.state && !withdraw.state.ok ? withdraw.state.message : undefined);

  return (
    <li className={styles.swapItem} data-testid="swap-item" data-swap-id={s.id}>
      <p className={styles.swapSentence}>{sentence}</p>
      {s.message ? <blockquote className={styles.swapMessage}>{s.message}</blockquote> : null}
      {iAnswer ? (
        <form {...respond.formProps} className={styles.swapActions} aria-label={`Answer the swap on ${day}`}>
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="swapId" value={s.id} />
          <SubmitButton pending={respond.pending} name="answer" value="accept">
            Accept<span className="sr-only"> the swap on {day}</span>
          </SubmitButton>
          <SubmitButton pending={respond.pending} name="answer" value="decline" className="button button-secondary">
            Decline<span className="sr-only"> the swap on {day}</span>
          </SubmitButton>
        </form>
      ) : iAsked ? (
        <form {...withdraw.formProps} className={styles.swapActions} aria-label={`Withdraw the swap on ${day}`}>
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="swapId" value={s.id} />
          <span className={styles.swapWaitingFor}>Waiting for {answerer}…</span>
          <SubmitButton pending={withdraw.pending} pendingLabel="Withdrawing…" className="button button-secondary">
            Withdraw<span className="sr-only"> the swap on {day}</span>
          </SubmitButton>
        </form>
      ) : (
        <p className="small muted">Waiting for {answerer}.</p>
      )}
      <FormError message={error} testId="swap-error" />
    </li>
  );
}
