"use client";

import type { ComponentProps } from "react";
import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { QueryProvider } from "@/components/query-provider";
import { lazyComponent } from "@/components/ui/lazy";
import { DayItems } from "./day-items";

// The day view's browser code, one chunk (loaded through ./day-lazy): the week
// view, the same page, loads none of it, React Query included.

export { AddToPlan } from "./add-to-plan";

/** The day's moments, today's held in React Query (hydrated from the page's `state`). */
export function DayPlan({ state, ...items }: ComponentProps<typeof DayItems> & { state: DehydratedState }) {
  return (
    <QueryProvider>
      <HydrationBoundary state={state}>
        <DayItems {...items} />
      </HydrationBoundary>
    </QueryProvider>
  );
}

/** Only on days with a suggestion: its own chunk, after this one. */
export const SuggestionCard = lazyComponent(() => import("./suggestion-card").then((m) => m.SuggestionCard));
