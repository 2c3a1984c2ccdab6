"use client";

import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { logKeys } from "@/lib/log/query-keys";
import { pending, startAutoFlush, subscribe, type TQueueEvent } from "@/lib/offline/queue";

/**
 * The phone's queue of night-log taps as Tonight shows it: how many wait for
 * this household and whether the browser thinks it is online. Starts the
 * flushing (now, on `online`, on focus) while mounted, and reads tonight's log
 * again when queued taps have been sent. `onEvent` hears sends and refusals.
 */
export function useOfflineQueue(householdId: string, onEvent?: (e: TQueueEvent) => void) {
  const queryClient = useQueryClient();
  const [waiting, setWaiting] = useState(0);
  const [online, setOnline] = useState(true);
  const onEventRef = useLatest(onEvent);

  useEffect(() => {
    let alive = true;
    const count = () =>
      void pending(householdId).then(
        (p) => alive && setWaiting(p.length),
        () => undefined,
      );
    const net = () => setOnline(navigator.onLine);
    net();
    count();
    window.addEventListener("online", net);
    window.addEventListener("offline", net);
    const stop = startAutoFlush(window);
    const unsubscribe = subscribe((e) => {
      count();
      if (e.type !== "changed" && e.action.householdId === householdId)
        void queryClient.invalidateQueries({ queryKey: logKeys.tonight(householdId) });
      if (e.type !== "changed") onEventRef.current?.(e);
    });
    return () => {
      alive = false;
      window.removeEventListener("online", net);
      window.removeEventListener("offline", net);
      stop();
      unsubscribe();
    };
  }, [householdId, queryClient, onEventRef]);

  return { waiting, online };
}

function useLatest<T>(value: T) {
  const [ref] = useState(() => ({ current: value }));
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
