// Who may do what in Connect, as pure predicates over plain objects: the
// domain throws when one says no, and the UI shows a button only when it says
// yes (docs/decisions/0011-connect.md). No server-only imports here.
import type { Role } from "@/lib/generated/prisma/enums";
import { dayNumber, type TLocalDate } from "@/lib/time/local-date";

type TWho = { role: Role };

/**
 * Parents look after the library (add, edit, hide, show again); everyone
 * plans from it. The library's operations are built with this rule
 * (lib/context.ts refuses anyone else before it reads their input).
 */
export const LIBRARY_EDITORS = { role: "parent" } as const satisfies { role: Role };

export function canEditLibrary(me: TWho): boolean {
  return me.role === LIBRARY_EDITORS.role;
}

/** Everyone in the household, helpers too, plans moments, takes them off, ticks them off, skips and undoes. */
export function canTendPlan(me: TWho): boolean {
  return me.role === "parent" || me.role === "helper";
}

/** A moment is ticked off on its day or afterwards, never ahead of time (skipping ahead is fine). */
export function canCheckOffOn(date: TLocalDate, today: TLocalDate): boolean {
  return dayNumber(date) <= dayNumber(today);
}
