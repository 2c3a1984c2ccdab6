"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { parseWireMessage, type TLiveEventType, type TLiveWireMessage } from "@/lib/live/message";
import { invalidationsFor } from "@/lib/live/query-keys";
import { LIVE_REFRESH_EVENT } from "@/lib/outage-digest";
import { invalidateQueries } from "@/lib/query-bridge";

// What the partner does shows up here: one EventSource per tab on
// /api/live (see lib/live), each event turned into React Query invalidations
// (the table in lib/live/query-keys.ts) and a throttled router.refresh() for
// server-rendered pages. Events carry ids only; screens refetch through their
// usual reads. Components that want to react to an event themselves (an
// "Alex is up" toast) use useLiveEvent.

export type TLiveStatus = "connecting" | "open" | "reconnecting" | "closed";
type TListenType = TLiveEventType | "resync" | "*";
type TListener = (message: TLiveWireMessage) => void;

type TLiveContext = {
  on: (type: TListenType, listener: TListener) => () => void;
  status: TLiveStatus;
};

const LiveContext = createContext<TLiveContext | null>(null);

/** Events of one commit arrive together: wait this long to refresh once for all of them… */
const REFRESH_COALESCE_MS = 50;
/** …and refresh at most this often during a burst (the last event always gets one). */
const REFRESH_MIN_GAP_MS = 300;
const BACKOFF_MIN_MS = 1_000;
const BACKOFF_MAX_MS = 30_000;
/** The server sends a ping every 20 s; this long without anything means the line is dead. */
const SILENCE_MS = 50_000;
/** Say "paused" to a screen reader only when an outage lasts; a blip is not news. */
const ANNOUNCE_AFTER_MS = 10_000;
const SEEN_LIMIT = 500;

export function LiveUpdates({ children }: { children: ReactNode }) {
  const router = useRouter();
  // In a ref, so a new router object (should there be one) never reopens the stream.
  const routerRef = useRef(router);
  routerRef.current = router;
  const listeners = useRef(new Map<TListenType, Set<TListener>>());
  const [status, setStatus] = useState<TLiveStatus>("connecting");
  const t = useTranslations("live");
  // Which words the status line says ("" for none); turned into text below, in the reader's language.
  const [announcement, setAnnouncement] = useState<"" | "back" | "paused">("");

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId: string | null = null;
    let lastActivity = Date.now();
    let attempt = 0;
    let stopped = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let announceTimer: ReturnType<typeof setTimeout> | undefined;
    let announcedOutage = false;
    let wasDown = false;
    const seen = new Set<string>();

    const setLive = (next: TLiveStatus) => {
      if (next === "reconnecting") wasDown = true;
      setStatus(next);
      if (next === "open") {
        clearTimeout(announceTimer);
        announceTimer = undefined;
        if (announcedOutage) setAnnouncement("back");
        announcedOutage = false;
      } else if (next === "reconnecting" && !announceTimer && !announcedOutage) {
        announceTimer = setTimeout(() => {
          announcedOutage = true;
          setAnnouncement("paused");
        }, ANNOUNCE_AFTER_MS);
      }
    };

    let lastRefresh = 0;
    const refreshSoon = () => {
      if (refreshTimer) return; // the one already scheduled comes after this event
      const wait = Math.max(REFRESH_COALESCE_MS, lastRefresh + REFRESH_MIN_GAP_MS - Date.now());
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        lastRefresh = Date.now();
        routerRef.current.refresh();
        window.dispatchEvent(new Event(LIVE_REFRESH_EVENT));
      }, wait);
    };

    const emit = (type: TListenType, message: TLiveWireMessage) => {
      for (const l of [...(listeners.current.get(type) ?? []), ...(listeners.current.get("*") ?? [])]) {
        try {
          l(message);
        } catch (e) {
          console.error("[live] a listener failed", e);
        }
      }
    };

    const handle = (message: TLiveWireMessage) => {
      if (message.type === "closed") {
        // Signed out, or no longer in this household: the refresh takes the
        // page to sign-in or onboarding; reconnecting would only be refused.
        stopped = true;
        source?.close();
        setLive("closed");
        routerRef.current.refresh();
        return;
      }
      if (seen.has(message.id) && message.type !== "resync") return;
      seen.add(message.id);
      if (seen.size > SEEN_LIMIT) seen.delete(seen.values().next().value!);
      const keys = invalidationsFor(message.type);
      if (keys === "all") invalidateQueries();
      else for (const queryKey of keys) invalidateQueries(queryKey);
      refreshSoon();
      emit(message.type === "resync" ? "resync" : (message.type as TLiveEventType), message);
    };

    const open = () => {
      if (stopped) return;
      clearTimeout(retryTimer);
      source?.close();
      // A new EventSource doesn't carry the old one's Last-Event-ID; ?after=
      // does. Once this one has its own, the browser's header takes over.
      const es = new EventSource(lastId ? `/api/live?after=${encodeURIComponent(lastId)}` : "/api/live");
      source = es;
      lastActivity = Date.now();
      es.onopen = () => {
        attempt = 0;
        lastActivity = Date.now();
        // Back after a break (the server or its database was away): read
        // everything afresh, whatever the replay brings, so a refresh that
        // failed during the outage is made good without a reload.
        if (wasDown) {
          wasDown = false;
          invalidateQueries();
          refreshSoon();
        }
        setLive("open");
      };
      es.onmessage = (e: MessageEvent<string>) => {
        lastActivity = Date.now();
        if (e.lastEventId) lastId = e.lastEventId;
        const message = parseWireMessage(e.data);
        if (message) handle(message);
      };
      es.addEventListener("ping", () => {
        lastActivity = Date.now();
      });
      es.onerror = () => {
        if (source !== es || stopped) return;
        if (es.readyState === EventSource.CLOSED) {
          // The browser gave up (an error status, the server down): our own backoff.
          setLive("reconnecting");
          const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt++);
          retryTimer = setTimeout(open, base / 2 + Math.random() * (base / 2));
        } else {
          setLive("reconnecting"); // the browser retries by itself
        }
      };
    };

    /** Back in view, back online, or suspiciously quiet: make sure the line is alive. */
    const revive = (force: boolean) => {
      if (stopped) return;
      const dead = !source || source.readyState === EventSource.CLOSED || Date.now() - lastActivity > SILENCE_MS;
      if (force || dead) {
        attempt = 0;
        open();
      }
    };
    const onVisible = () => document.visibilityState === "visible" && revive(false);
    // A changed network leaves the old connection dangling: start a new one.
    const onOnline = () => revive(true);
    const watchdog = setInterval(() => revive(false), SILENCE_MS / 2);

    open();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("online", onOnline);
    return () => {
      stopped = true;
      source?.close();
      clearTimeout(retryTimer);
      clearTimeout(refreshTimer);
      clearTimeout(announceTimer);
      clearInterval(watchdog);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("online", onOnline);
    };
  }, []);

  const on = useCallback<TLiveContext["on"]>((type, listener) => {
    let set = listeners.current.get(type);
    if (!set) listeners.current.set(type, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }, []);
  const value = useMemo<TLiveContext>(() => ({ on, status }), [on, status]);

  return (
    <LiveContext.Provider value={value}>
      {children}
      <p role="status" aria-live="polite" className="sr-only" data-testid="live-status" data-live={status}>
        {announcement === "back" ? t("back") : announcement === "paused" ? t("paused") : ""}
      </p>
    </LiveContext.Provider>
  );
}

/**
 * Calls `handler` for each live event of this type ("*" for all, "resync"
 * after the client missed too much). The event holds ids only: look the rest
 * up, and remember it can arrive twice or late (after a reconnect).
 */
export function useLiveEvent(type: TListenType, handler: TListener): void {
  const ctx = useContext(LiveContext);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const on = ctx?.on;
  useEffect(() => on?.(type, (m) => latest.current(m)), [on, type]);
}
