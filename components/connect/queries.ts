"use client";

import type { QueryKey } from "@tanstack/react-query";
import { invalidateQueries } from "@/lib/query-bridge";
import type { TDayPlan, TPlanItemView } from "@/lib/connect/today";
import { connectKeys } from "@/lib/connect/query-keys";

// Today's plan in React Query: the browser's read (a route handler, never a
// server action), and the optimistic changes for ticking off and undoing.

/** GET /api/connect/today: today's items with their check-offs. */
export async function fetchTodayPlan(householdId: string): Promise<TDayPlan> {
  const res = await fetch(`/api/connect/today?householdId=${encodeURIComponent(householdId)}`, {
    headers: { accept: "application/json" },
    cache: "no-store",
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? "We couldn't load today's plan just now.");
  }
  return (await res.json()) as TDayPlan;
}

/** Where today's plan lives in the cache, and who is looking (for "Done by you"). */
export type TLivePlan = { queryKey: QueryKey; meId: string };

function change(plan: TDayPlan | undefined, form: FormData, to: Partial<TPlanItemView>): TDayPlan | undefined {
  const id = form.get("planItemId");
  if (!plan || form.get("date") !== plan.date) return plan;
  return { ...plan, items: plan.items.map((i) => (i.id === id ? { ...i, ...to } : i)) };
}

/** "Done" at once: by me; the time follows from the server (its clock, not the browser's). */
export const markDone = (meId: string) => (plan: TDayPlan | undefined, form: FormData) =>
  change(plan, form, { status: "done", byId: meId, byName: null, at: null, note: null });

/** "Undo" at once: the day is open again. */
export const markOpen = (plan: TDayPlan | undefined, form: FormData) =>
  change(plan, form, { status: "open", byId: null, byName: null, at: null, note: null });

/** After a change to the plan that isn't shown optimistically (add, skip, remove…): read today's plan again. */
export function useRefreshPlan(householdId: string) {
  return () => invalidateQueries(connectKeys.household(householdId));
}
