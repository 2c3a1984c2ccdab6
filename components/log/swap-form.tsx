"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import styles from "@/components/log/log.module.css";
import { useFormat } from "@/components/format-provider";
import { clockValueMinutes } from "@/components/log/format";
import { FORM_LOADING, lazyComponent, WhenOpened } from "@/components/ui/lazy";

/** Someone in the household, as the swap form needs them. */
export type TSwapPerson = { id: string; name: string; isMe: boolean; role: string };

/** A shift as the swap form needs it: clock times in the household's zone. */
export type TSwappableShift = {
  id: string;
  caregiverId: string;
  /** In the reader's words (f.shortDay): "Fri 27 Nov". */
  day: string;
  /** Machine values for the form's time fields, "19:00" (clockValue); shown in the reader's words. */
  start: string;
  end: string;
};

// The form itself loads when the panel is first opened: Tonight lists one per upcoming shift.
const SwapRequestForm = lazyComponent(
  () => import("@/components/log/swap-request").then((m) => m.SwapRequestForm),
  FORM_LOADING,
);

/**
 * "Ask to swap" on a shift. On your own shift it asks someone to take it (or
 * a part); on someone else's it offers to take it. The other side answers
 * under "Swaps waiting" on Tonight.
 */
export function AskSwap({
  householdId,
  shift,
  people,
  waiting = null,
  quiet = false,
}: {
  householdId: string;
  shift: TSwappableShift;
  people: TSwapPerson[];
  /** A swap already waiting on this shift, in words ("Waiting for Alex"): no second one. */
  waiting?: string | null;
  /** A link-like summary, for a list where every row has one. */
  quiet?: boolean;
}) {
  const t = useTranslations("log.swap");
  const f = useFormat();
  const words = (value: string) => {
    const minutes = clockValueMinutes(value);
    return minutes === null ? value : f.formatClock(minutes);
  };
  const hours = { start: words(shift.start), end: words(shift.end) };
  const holder = people.find((p) => p.id === shift.caregiverId);
  const mine = Boolean(holder?.isMe);
  // Whose shift, for the messages' select: mine, a named holder, or one no longer in the household.
  const whose = { who: mine ? "me" : holder ? "named" : "unknown", name: holder?.name ?? "" };
  const candidates = people.filter((p) => p.id !== shift.caregiverId);
  const [sent, setSent] = useState<string | null>(null);

  if (mine && !candidates.length) return null;
  return (
    <div className={styles.swap}>
      {waiting ? (
        <p className={`small ${styles.swapWaiting}`} data-testid="swap-pending">
          <span aria-hidden="true">⇄ </span>
          {waiting}
        </p>
      ) : (
        <details
          className={`panel-details ${styles.swapDetails}`}
          data-testid="swap-form"
          onToggle={(e) => {
            if (e.currentTarget.open) setSent(null);
          }}
        >
          <summary className={quiet ? `button button-quiet ${styles.swapSummaryQuiet}` : "button button-secondary"}>
            {t("summary")}
            <span className="sr-only"> {t("summaryDetail", { ...whose, day: shift.day, ...hours })}</span>
          </summary>
          <WhenOpened>
            <SwapRequestForm
              householdId={householdId}
              shift={shift}
              mine={mine}
              whose={whose}
              hours={hours}
              candidates={candidates}
              onSent={() => setSent(mine ? t("sentAsk") : t("sentOffer", whose))}
            />
          </WhenOpened>
        </details>
      )}
      <p role="status" className={`small ${styles.swapSent}`} data-testid="swap-sent">
        {sent ?? ""}
      </p>
    </div>
  );
}
