"use client";

import { useQuery } from "@tanstack/react-query";
import type { TTonightLog } from "@/lib/log/read-log";
import { logKeys } from "@/lib/log/query-keys";

// Tonight's night log in React Query: hydrated from the Tonight page, read
// again through GET /api/log/tonight when an action or a live event
// (waking.*, tapout.*) invalidates it. What "I'm up", "Back to sleep" and
// their undo show before the server answers is in ./optimistic.ts.

async function fetchTonightLog(householdId: string): Promise<TTonightLog> {
  const res = await fetch(`/api/log/tonight?householdId=${encodeURIComponent(householdId)}`, {
    headers: { accept: "application/json" },
    cache: "no-store",
  });
  if (!res.ok) throw new Error(`The night log could not be read (${res.status}).`);
  return (await res.json()) as TTonightLog;
}

export function useTonightLog(householdId: string) {
  return useQuery({ queryKey: logKeys.tonight(householdId), queryFn: () => fetchTonightLog(householdId) });
}
