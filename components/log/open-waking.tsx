"use client";

import type { ComponentProps, ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TWakingView } from "@/lib/log/read-log";
import type { TResult } from "@/lib/errors";
import { FormError } from "@/components/ui/form-error";
import { formError } from "@/components/ui/use-action";
import { timerMinutes, timerText } from "@/components/log/format";
import { isOptimistic } from "@/components/log/optimistic";
import { useNow } from "@/components/log/use-now";
import styles from "@/components/log/log.module.css";
import { minutesBetween } from "@/lib/format";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";

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
 * which ends it in one tap (what helped and a note come afterwards, in
 * AfterWaking). Anyone may end it (whoever is standing there with the baby).
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
  const t = useTranslations("log.open");
  const f = useFormat();
  const text = useText();
  const now = useNow(serverNow);
  const elapsed = now - Date.parse(waking.startedAt);
  const mine = waking.responderId === meId;
  const panelId = `end-${waking.babyId}`;
  const responded = waking.cryingAt ? minutesBetween(waking.cryingAt, waking.startedAt) : null;
  const sending = isOptimistic(waking) && !startKey;
  const awakeMinutes = timerMinutes(elapsed);
  const since = {
    at: f.clockIn(waking.startedAt, timeZone),
    time: (chunks: ReactNode) => <time dateTime={waking.startedAt}>{chunks}</time>,
  };

  return (
    <article
      className={styles.open}
      data-testid="waking-open"
      data-waking-id={waking.id}
      aria-labelledby={`${panelId}-who`}
    >
      {mine ? (
        <h3 id={`${panelId}-who`} className={styles.openWho}>
          {t("youUp", { baby: waking.babyName })}
        </h3>
      ) : (
        <h3 id={`${panelId}-who`} className={styles.openWho} data-testid="up-now">
          {t("otherUp", { name: text(waking.responderName), baby: waking.babyName })}
        </h3>
      )}
      <p className={styles.timer}>
        <span
          role="timer"
          aria-live="off"
          aria-label={t("awakeFor", { minutes: awakeMinutes, duration: f.durationWords(awakeMinutes * 60_000) })}
          data-testid="waking-timer"
        >
          {timerText(elapsed)}
        </span>
      </p>
      <p className={`small muted ${styles.openSince}`}>
        {responded !== null
          ? t.rich("sinceCrying", { ...since, duration: f.minutesText(responded) })
          : t.rich("since", since)}
      </p>

      {/* One tap ends it (saved at once); what helped and a note are offered afterwards. */}
      <form {...end.formProps} className={styles.endForm} aria-label={t("formLabel", { baby: waking.babyName })}>
        <FormError message={formError(end.state, [])} />
        <input type="hidden" name="householdId" value={householdId} />
        {startKey && isOptimistic(waking) ? (
          <>
            <input type="hidden" name="startKey" value={startKey} />
            <input type="hidden" name="optimisticId" value={waking.id} />
          </>
        ) : (
          <input type="hidden" name="wakingId" value={waking.id} />
        )}
        <button
          type="submit"
          className={styles.sleepButton}
          // Until the server has the waking (a moment), there is nothing to end yet.
          aria-disabled={sending || end.pending || undefined}
          onClick={(e) => {
            if (sending || end.pending) e.preventDefault();
          }}
          data-testid="back-to-sleep"
        >
          {t("backToSleep")}
        </button>
      </form>
    </article>
  );
}
