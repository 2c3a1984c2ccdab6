"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import type { TTapOutView } from "@/lib/log/read-log";
import { answerTapOutAction, requestTapOutAction } from "@/lib/log/actions";
import { logKeys } from "@/lib/log/query-keys";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";
import { queuedTap } from "@/lib/offline/tap";
import styles from "@/components/log/log.module.css";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";

type TPerson = { id: string; name: string; isMe: boolean };

/** Once the server said yes: tonight's log (with its tap-outs) is read again. */
function useRereadTonight(householdId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: logKeys.tonight(householdId) });
}

/** "I need you": one tap, no confirm. The only thing that may wake the partner who is off. */
export function TapOutButton({ householdId, others }: { householdId: string; others: TPerson[] }) {
  const t = useTranslations("log.tapOut");
  const f = useFormat();
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
  const names = f.listNames(others.map((o) => o.name));
  const hintId = useId();
  return (
    <form {...formProps} className={styles.tapOutForm} aria-label={t("formLabel")}>
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
        {isPending ? t("asking") : t("button")}
      </button>
      <p id={hintId} className={`small muted ${styles.tapOutHint}`}>
        {t("hint", { names })}
      </p>
      {saved ? (
        <p className={`small ${styles.savedOnPhone}`} data-testid="tap-out-saved">
          {t("savedOnPhone")}
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
  const t = useTranslations("log.tapOut.status");
  const f = useFormat();
  const say = useText();
  const me = people.find((p) => p.isMe);
  const mine = tapOut.requesterId === me?.id;
  const helpers = people.filter((p) => p.id !== tapOut.requesterId);
  const helperNames = f.listNames(helpers.map((p) => p.name));
  const asked = {
    at: f.clockIn(tapOut.requestedAt, timeZone),
    time: (chunks: ReactNode) => <time dateTime={tapOut.requestedAt}>{chunks}</time>,
  };
  const answeredAt = tapOut.answeredAt;
  const answered = {
    at: answeredAt ? f.clockIn(answeredAt, timeZone) : "",
    time: (chunks: ReactNode) => (answeredAt ? <time dateTime={answeredAt}>{chunks}</time> : null),
  };
  const onlyMe = helpers.length === 1 && helpers[0]!.isMe;
  // A name, or "a former caregiver" as a message reference (lib/household/caregiver-name.ts).
  const requester = say(tapOut.requesterName);

  let text;
  if (mine) {
    if (!tapOut.answer)
      text = helperNames ? t.rich("waiting", { ...asked, names: helperNames }) : t.rich("waitingPartner", asked);
    else if (tapOut.answer === "coming")
      text =
        helpers.length === 1
          ? t.rich("comingOne", { ...answered, name: helperNames })
          : t.rich("comingSomeone", answered);
    else
      text =
        helpers.length === 1 ? t.rich("cantOne", { ...answered, name: helperNames }) : t.rich("cantThey", answered);
  } else if (tapOut.answer === "coming") {
    text = onlyMe
      ? t.rich("youComing", { ...answered, name: requester })
      : t.rich("someoneComing", { ...asked, name: requester });
  } else {
    text = onlyMe
      ? t.rich("youCant", { ...answered, name: requester })
      : t.rich("notNow", { ...asked, name: requester });
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
  const t = useTranslations("log.tapOut.alert");
  const f = useFormat();
  const say = useText();
  // A name, or "a former caregiver" as a message reference (lib/household/caregiver-name.ts).
  const requester = say(tapOut.requesterName);
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
        {t("title", { name: requester })}
      </p>
      <p className={styles.alertDetail}>
        {t.rich(upWith ? "askedUpWith" : "asked", {
          at: f.clockIn(tapOut.requestedAt, timeZone),
          babies: upWith ?? "",
          time: (chunks) => <time dateTime={tapOut.requestedAt}>{chunks}</time>,
        })}
      </p>
      <form {...formProps} className={styles.alertActions} aria-label={t("formLabel", { name: requester })}>
        <input type="hidden" name="householdId" value={householdId} />
        <input type="hidden" name="tapOutId" value={tapOut.id} />
        <SubmitButton pending={isPending} className={styles.comingButton} name="answer" value="coming">
          {t("coming")}
        </SubmitButton>
        <SubmitButton pending={isPending} className={styles.cantButton} name="answer" value="cant">
          {t("cant")}
        </SubmitButton>
      </form>
      {saved ? (
        <p className={`small ${styles.savedOnPhone}`} data-testid="tapout-answer-saved">
          {t("savedOnPhone")}
        </p>
      ) : null}
      <FormError message={state && !state.ok ? state.message : undefined} testId="tapout-error" />
    </div>
  );
}
