"use client";

import { useEffect, useState } from "react";

/**
 * The current time, ticking every `everyMs`. The first render uses the
 * server's "now" (so hydration matches, and a pinned test clock agrees); the
 * browser's clock takes over once mounted.
 */
export function useNow(serverNow: string, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.parse(serverNow));
  useEffect(() => {
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
