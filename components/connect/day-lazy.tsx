"use client";

import { lazyComponent } from "@/components/ui/lazy";

// The day view's parts for the page (a server component), loaded when the day
// view renders them (./day-parts, components/ui/lazy.tsx).
const parts = () => import("./day-parts");

export const DayPlan = lazyComponent(() => parts().then((m) => m.DayPlan));
export const AddToPlan = lazyComponent(() => parts().then((m) => m.AddToPlan));
export const SuggestionCard = lazyComponent(() => parts().then((m) => m.SuggestionCard));
