"use client";

import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import type { TTapOutView, TTonightLog } from "@/lib/log/read-log";
import { endWakingAction, startWakingAction } from "@/lib/log/actions";
import { logKeys } from "@/lib/log/query-keys";
import { mustAnswerTapOut } from "@/lib/log/rights";
import { FormError } from "@/components/ui/form-error";
import { useAction } from "@/components/ui/use-action";
import { useLiveEvent } from "@/components/live/live-updates";
import { OpenWaking } from "@/components/log/open-waking";
import { TapOutAlert, TapOutButton, TapOutStatus } from "@/components/log/tap-out";
import { UndoToast, type TUndo } from "@/components/log/undo-toast";
import { useTonightLog } from "@/components/log/tonight-query";
import { withEnded, withServerId, withStarted } from "@/components/log/optimistic";
import styles from "@/components/log/log.module.css";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";
import { queuedTap } from "@/lib/offline/tap";
import { OfflineBanner } from "@/components/offline/offline-banner";
import { useOfflineQueue } from "@/components/offline/use-offline-queue";
import { lazyComponent } from "@/components/ui/lazy";

// What helped, after "Back to sleep": its code is fetched while someone is up
// (below), so it is there when they tap, and not loaded on a quiet night.
const AfterWaking = lazyComponent(() => import("@/components/log/after-waking").then((m) => m.AfterWaking));

// Tonight's open wakings and tap-outs come from React Query (logKeys.tonight):
// hydrated by the page, read again when an action or a live event
// (waking.*, tapout.*) invalidates them. For the two that matter at 3 a.m.
// this also reacts at once, from the event itself (ids only; names come from
// `people`), so the alert doesn't wait for the refetch.

type TPerson = { id: string; name: string; isMe: boolean };

const CRYING_CHOICES = [5, 10, 15] as const;
const NONE: never[] = [];

export type TNightLogProps = {
  householdId: string;
  /** The server's "now" (requestNow), so the first render of the timers matches. */
  now: string;
  timeZone: string;
  people: TPerson[];
  /** The reader is on duty right now: they get "I need you". */
  onDutyNow: boolean;
};

/**
 * The 3 a.m. part of Tonight: one big "I'm up" (one per baby when there are
 * several), the wakings in progress with their timers and "Back to sleep",
 * a ten-second undo after either, and the tap-out for whoever is on duty.
 * "I'm up" and "Back to sleep" show at once (optimistic), and are taken back
 * if the server says no.
 */
export function NightLog({ householdId, now, timeZone, people, onDutyNow }: TNightLogProps) {
  const t = useTranslations("log.nightLog");
  const f = useFormat();
  const text = useText();
  const queryKey = logKeys.tonight(householdId);
  const queryClient = useQueryClient();
  const { data: log } = useTonightLog(householdId);
  const babies = log?.babies ?? NONE;
  const open = log?.open ?? NONE;
  const tapOuts = log?.tapOuts ?? NONE;
  const me = people.find((p) => p.isMe);
  const meId = me?.id ?? "";
  const others = people.filter((p) => !p.isMe);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [undo, setUndo] = useState<TUndo | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [cryingAgo, setCryingAgo] = useState<number | null>(null);
  const [pressed, setPressed] = useState<string | null>(null);
  const [endedId, setEndedId] = useState<string | null>(null);
  // The waking just put back to sleep: what helped and a note are offered for it, inline.
  const [after, setAfter] = useState<{ wakingId: string; babyName: string } | null>(null);
  const undoKey = useRef(0);
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? t("yourPartner");

  // Taps kept on this phone while the connection is down (lib/offline/queue.ts):
  // "I'm up" queued offline has no waking id yet, so its "Back to sleep" names it by the tap's key.
  const [queuedStarts, setQueuedStarts] = useState<Record<string, string>>({});
  const queue = useOfflineQueue(householdId, (e) => {
    if (e.type === "refused") setMessage(t("notLogged", { reason: text(e.message) }));
    else if (e.type === "sent" && e.action.kind === "start") {
      const d = e.data as { resumed?: boolean; responderName?: string; babyName?: string } | null;
      if (d?.resumed && d.responderName !== me?.name)
        setMessage(t("alreadyUp", { name: text(d.responderName ?? ""), baby: d.babyName ?? "" }));
    }
  });

  // "Alex is up" as soon as the event arrives; the open waking's card replaces it after the refetch.
  // It follows the waking's real state: gone once the card has it, or when the waking ends or is undone.
  const [liveUp, setLiveUp] = useState<{ wakingId: string; name: string } | null>(null);
  useLiveEvent("waking.started", (m) => {
    if (!m.actorCaregiverId || m.actorCaregiverId === meId || !m.ids?.[0]) return;
    setLiveUp({ wakingId: m.ids[0], name: nameOf(m.actorCaregiverId) });
  });
  const settled = (m: { ids?: string[] }) => {
    const ids = new Set(m.ids ?? []);
    setLiveUp((l) => (l && ids.has(l.wakingId) ? null : l));
    return ids;
  };
  // Ended: the card goes at once, before the refetch that the live channel also asks for.
  useLiveEvent("waking.ended", (m) => {
    const ids = settled(m);
    queryClient.setQueryData(queryKey, (current: TTonightLog | undefined) =>
      current ? { ...current, open: current.open.filter((w) => !ids.has(w.id)) } : current,
    );
  });
  // Changed (an edit, or an undone "I'm up"): the refetch tells which.
  useLiveEvent("waking.changed", settled);
  useEffect(() => {
    if (liveUp && open.some((w) => w.id === liveUp.wakingId)) setLiveUp(null);
  }, [liveUp, open]);

  // A tap-out shows before the refetch brings its details (the id is enough to answer it).
  const [liveTapOut, setLiveTapOut] = useState<TTapOutView | null>(null);
  useLiveEvent("tapout.requested", (m) => {
    if (!m.actorCaregiverId || m.actorCaregiverId === meId || !m.ids?.[0]) return;
    setLiveTapOut({
      id: m.ids[0],
      requesterId: m.actorCaregiverId,
      requesterName: nameOf(m.actorCaregiverId),
      requestedAt: new Date().toISOString(),
      answer: null,
      answeredAt: null,
    });
  });
  // Once the server's list has it, that one is shown (and it ages out with the list).
  useEffect(() => {
    if (liveTapOut && tapOuts.some((t) => t.id === liveTapOut.id)) setLiveTapOut(null);
  }, [liveTapOut, tapOuts]);

  const offerUndo = useCallback((next: Omit<TUndo, "key">) => {
    setMessage(null);
    setUndo({ ...next, key: ++undoKey.current });
  }, []);

  const closeUndo = useCallback((text: string | null, hadFocus: boolean) => {
    setUndo(null);
    setMessage(text);
    if (hadFocus) headingRef.current?.focus();
  }, []);

  const start = useAction(startWakingAction, {
    ...queuedTap("start", (form) => {
      const babyId = String(form.get("babyId") || (babies.length === 1 ? babies[0]!.id : ""));
      const key = String(form.get("clientKey"));
      setQueuedStarts((m) => ({ ...m, [babyId]: key }));
      setCryingAgo(null);
      setUndo(null);
      setMessage(null);
      setAfter(null);
    }),
    optimistic: {
      queryKey,
      update: (current: TTonightLog | undefined, form) =>
        withStarted(current, form, { id: meId, name: me?.name ?? "" }),
    },
    onSuccess: (data) => {
      setCryingAgo(null);
      setAfter(null);
      if (data.resumed) {
        // Someone pressed first (or this is a second tap): that waking goes on.
        const w = open.find((o) => o.id === data.wakingId);
        const mine = w ? w.responderId === meId : data.responderName === me?.name;
        setUndo(null);
        setMessage(
          mine
            ? t("youAlreadyUp", { baby: data.babyName })
            : t("alreadyUp", { name: text(data.responderName), baby: data.babyName }),
        );
        return;
      }
      queryClient.setQueryData(queryKey, (current: TTonightLog | undefined) =>
        withServerId(current, data.babyId, data.wakingId),
      );
      offerUndo({ kind: "delete", wakingId: data.wakingId, message: t("logged", { baby: data.babyName }) });
    },
  });

  // "Back to sleep" for every card: the card goes at once, so the answer comes here.
  const end = useAction(endWakingAction, {
    ...queuedTap("end", () => {
      setUndo(null);
      setMessage(null);
    }),
    optimistic: { queryKey, update: withEnded },
    onSuccess: (data) => {
      setAfter({ wakingId: data.wakingId, babyName: data.babyName });
      offerUndo({
        kind: "reopen",
        wakingId: data.wakingId,
        message:
          data.minutes >= 1
            ? t("backToSleepAfter", { baby: data.babyName, duration: f.minutesText(data.minutes) })
            : t("backToSleep", { baby: data.babyName }),
      });
    },
  });
  const endFormFor = (wakingId: string) => ({
    ...end.formProps,
    onSubmit: (e: FormEvent<HTMLFormElement>) => {
      setEndedId(wakingId);
      end.formProps.onSubmit(e);
    },
  });

  // In the order of the babies, so two cards never swap places.
  const babyOrder = (id: string) => babies.findIndex((b) => b.id === id);
  const openCards = [...open].sort((x, y) => babyOrder(x.babyId) - babyOrder(y.babyId));
  const openBabies = new Set(open.map((w) => w.babyId));
  const sleeping = babies.filter((b) => !openBabies.has(b.id));
  const several = babies.length > 1;
  const latestTapOut = tapOuts[0] ?? null;
  const fromServer = latestTapOut && mustAnswerTapOut({ caregiverId: meId }, latestTapOut) ? latestTapOut : null;
  const alertFor = fromServer ?? (liveTapOut && !tapOuts.some((t) => t.id === liveTapOut.id) ? liveTapOut : null);
  const upNow = liveUp && !open.some((w) => w.id === liveUp.wakingId) ? liveUp : null;
  const waitingForHelp = latestTapOut && latestTapOut.requesterId === meId && !latestTapOut.answer;
  const upWithMe = open.filter((w) => w.responderId === meId);
  const canTapOut = others.length > 0 && (onDutyNow || upWithMe.length > 0) && !waitingForHelp;
  const startError = start.state && !start.state.ok ? start.state.message : undefined;
  const startFailedToSend = start.state && !start.state.ok && start.state.code === "network";

  useEffect(() => {
    if (open.length) AfterWaking.preload();
  }, [open.length]);

  // Shown until tapped away, a new "I'm up", or the undo that reopens it.
  const afterFor = after && !open.some((w) => w.id === after.wakingId) ? after : null;
  const crying = (
    <div role="group" aria-labelledby="crying-label" className={styles.crying}>
      <span id="crying-label" className={styles.cryingLabel}>
        {t.rich("cryingStarted", { optional: (chunks) => <span className={styles.optional}>{chunks}</span> })}
      </span>
      <span className={styles.cryingChoices}>
        {CRYING_CHOICES.map((m) => (
          <button
            key={m}
            type="button"
            className={styles.chip}
            aria-pressed={cryingAgo === m}
            aria-label={t("minutesAgo", { minutes: m })}
            onClick={() => setCryingAgo(cryingAgo === m ? null : m)}
          >
            {m}
          </button>
        ))}
        <span className={styles.cryingUnit} aria-hidden="true">
          {t("minAgo")}
        </span>
      </span>
    </div>
  );

  return (
    <>
      <OfflineBanner online={queue.online} waiting={queue.waiting} />
      {alertFor ? (
        <TapOutAlert
          householdId={householdId}
          tapOut={alertFor}
          timeZone={timeZone}
          upWith={
            f.listNames(open.filter((w) => w.responderId === alertFor.requesterId).map((w) => w.babyName)) || null
          }
        />
      ) : null}

      <section className={`card ${styles.log}`} aria-labelledby="night-log-heading" data-testid="night-log">
        <h2 id="night-log-heading" ref={headingRef} tabIndex={-1} className={`sr-only ${styles.logHeading}`}>
          {t("heading")}
        </h2>

        {openCards.map((w) => (
          <OpenWaking
            // By baby: the card stays put when the server's id replaces the optimistic one.
            key={w.babyId}
            waking={w}
            meId={meId}
            serverNow={now}
            timeZone={timeZone}
            householdId={householdId}
            startKey={queuedStarts[w.babyId]}
            end={{
              formProps: endFormFor(w.id),
              pending: end.pending,
              state: endedId === w.id ? end.state : null,
            }}
          />
        ))}

        {!babies.length ? (
          <p>
            {t.rich("addBaby", {
              link: (chunks) => (
                <Link href="/household" className="button button-secondary">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : sleeping.length ? (
          <form {...start.formProps} className={styles.startForm} aria-label={t("formLabel")}>
            <input type="hidden" name="householdId" value={householdId} />
            <input type="hidden" name="cryingMinutesAgo" value={cryingAgo ?? ""} />
            <div className={styles.upButtons}>
              {sleeping.map((b) => {
                const busy = start.pending && (pressed === b.id || !several);
                return (
                  <button
                    key={b.id}
                    type="submit"
                    name="babyId"
                    value={b.id}
                    className={styles.upButton}
                    aria-disabled={start.pending || undefined}
                    onClick={(e) => {
                      if (start.pending) e.preventDefault();
                      else setPressed(b.id);
                    }}
                    data-testid={several ? `im-up-${b.name}` : "im-up"}
                  >
                    {busy ? <span className="spinner" aria-hidden="true" /> : null}
                    {several ? t("imUpFor", { name: b.name }) : t("imUp")}
                  </button>
                );
              })}
            </div>
            <FormError
              message={startFailedToSend ? t("notLoggedYet", { reason: startError ?? "" }) : startError}
              testId="start-error"
            />
            {startFailedToSend ? (
              <button type="button" className={styles.chip} onClick={start.retry} data-testid="start-retry">
                {t("tryAgain")}
              </button>
            ) : null}
          </form>
        ) : null}

        {/* Below the big buttons and always holding its room, so they never move under the thumb.
            Always present, so what appears in it is read out. */}
        <div role="status" className={styles.statusRegion} data-testid="log-status">
          {queue.waiting > 0 && !undo ? (
            <p className={`${styles.statusMessage} ${styles.savedOnPhone}`} data-testid="saved-on-phone">
              {t("savedOnPhone")}
            </p>
          ) : undo ? (
            <UndoToast key={undo.key} householdId={householdId} undo={undo} onClose={closeUndo} />
          ) : message ? (
            <p className={styles.statusMessage}>{message}</p>
          ) : upNow ? (
            <p className={styles.statusMessage} data-testid="up-now">
              {t("isUp", { name: upNow.name })}
            </p>
          ) : null}
        </div>

        {afterFor ? (
          <AfterWaking
            key={afterFor.wakingId}
            householdId={householdId}
            wakingId={afterFor.wakingId}
            babyName={afterFor.babyName}
            onDone={() => setAfter(null)}
          />
        ) : null}

        <div role="status" className={styles.tapOutRegion}>
          {latestTapOut && !alertFor ? (
            <TapOutStatus tapOut={latestTapOut} people={people} timeZone={timeZone} />
          ) : null}
        </div>
        {canTapOut ? <TapOutButton householdId={householdId} others={others} /> : null}

        {babies.length && sleeping.length && !open.length ? crying : null}
      </section>
    </>
  );
}
