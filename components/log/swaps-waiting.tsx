"use client";

import { useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TSwapView } from "@/lib/log/read-log";
import { respondToSwapAction, withdrawSwapAction } from "@/lib/nights/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { canWithdrawSwap, mustAnswerSwap } from "@/lib/nights/rights";
import styles from "@/components/log/log.module.css";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";

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
  const t = useTranslations("log.swapsWaiting");
  const [message, setMessage] = useState<string | null>(null);
  if (!swaps.length && !message) return null;
  return (
    <section className="card" aria-labelledby="swaps-heading" data-testid="swaps-waiting">
      <h2 id="swaps-heading">{t("heading")}</h2>
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
  const t = useTranslations("log.swapsWaiting");
  const f = useFormat();
  const text = useText();
  const hours = `${f.clockIn(s.startsAt, timeZone)}–${f.clockIn(s.endsAt, timeZone)}`;
  const day = f.shortDay(s.night);
  const offer = s.requestedById === s.fromId; // the holder asks someone to take it
  // Names, or "a former caregiver" as a message reference (lib/household/caregiver-name.ts).
  const requester = text(offer ? s.fromName : s.toName);
  const answerer = text(offer ? s.toName : s.fromName);
  const iAnswer = mustAnswerSwap({ caregiverId: meId }, s);
  const iAsked = canWithdrawSwap({ caregiverId: meId }, s);

  const respond = useAction(respondToSwapAction, {
    onSuccess: (d) =>
      onDone(
        d.status === "accepted"
          ? offer
            ? t("acceptedYou", { hours, day })
            : t("accepted", { name: requester, hours, day })
          : t("declined", { name: requester }),
      ),
  });
  const withdraw = useAction(withdrawSwapAction, { onSuccess: () => onDone(t("withdrawn", { day })) });

  const rich = {
    requester,
    answerer,
    hours,
    day,
    strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
    // The hours never break; strong for the two people the swap is about.
    nowrap: (chunks: ReactNode) =>
      iAnswer || iAsked ? (
        <strong className={styles.nowrap}>{chunks}</strong>
      ) : (
        <span className={styles.nowrap}>{chunks}</span>
      ),
  };
  let sentence;
  if (iAnswer) sentence = t.rich(offer ? "asksYou" : "offersYou", rich);
  else if (iAsked) sentence = t.rich(offer ? "youAsked" : "youOffered", rich);
  else sentence = t.rich(offer ? "asked" : "offered", rich);
  const error =
    (respond.state && !respond.state.ok ? respond.state.message : undefined) ??
    (withdraw.state && !withdraw.state.ok ? withdraw.state.message : undefined);

  return (
    <li className={styles.swapItem} data-testid="swap-item" data-swap-id={s.id}>
      <p className={styles.swapSentence}>{sentence}</p>
      {s.message ? <blockquote className={styles.swapMessage}>{s.message}</blockquote> : null}
      {iAnswer ? (
        <form {...respond.formProps} className={styles.swapActions} aria-label={t("answerLabel", { day })}>
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="swapId" value={s.id} />
          <SubmitButton pending={respond.pending} name="answer" value="accept">
            {t.rich("accept", { day, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          </SubmitButton>
          <SubmitButton pending={respond.pending} name="answer" value="decline" className="button button-secondary">
            {t.rich("decline", { day, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          </SubmitButton>
        </form>
      ) : iAsked ? (
        <form {...withdraw.formProps} className={styles.swapActions} aria-label={t("withdrawLabel", { day })}>
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="swapId" value={s.id} />
          <span className={styles.swapWaitingFor}>{t("waitingFor", { name: answerer })}</span>
          <SubmitButton pending={withdraw.pending} pendingLabel={t("withdrawing")} className="button button-secondary">
            {t.rich("withdraw", { day, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          </SubmitButton>
        </form>
      ) : (
        <p className="small muted">{t("waitingForOther", { name: answerer })}</p>
      )}
      <FormError message={error} testId="swap-error" />
    </li>
  );
}
