"use client";

import { lazyComponent } from "@/components/ui/lazy";

// The day view's browser code, one chunk (loaded through ./day-lazy): the week
// view, the same page, loads none of it.

export { AddToPlan } from "./add-to-plan";

/** The day's moments: the page's items, a tick-off shown at once (usePlanItems). */
export { DayItems as DayPlan } from "./day-items";

/** Only on days with a suggestion: its own chunk, after this one. */
export const SuggestionCard = lazyComponent(() => import("./suggestion-card").then((m) => m.SuggestionCard));
