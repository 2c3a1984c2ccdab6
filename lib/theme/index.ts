// The reader's choice of palette, kept in a cookie so the server can render
// the right one on the first paint (no flash at 3 a.m.).

import { currentOrNextNight } from "@/lib/nights/night-window";

export * from "@/lib/theme/names";
import type { TPalette, TTheme } from "@/lib/theme/names";

/** A household's night window: its zone and local start/end in minutes after midnight. */
export type TNightClock = { timeZone: string; nightStart: number; nightEnd: number };

/**
 * Whether `now` falls inside the household's night window (start inclusive,
 * end exclusive), by the household's own clock: a window crossing midnight and
 * DST nights are handled by lib/nights/night-window (lib/time).
 */
export function isNightTime(now: Date, clock: TNightClock): boolean {
  const night = currentOrNextNight(now, clock.timeZone, clock.nightStart, clock.nightEnd);
  return now >= night.start && now < night.end;
}

/**
 * The palette to paint. "auto" needs the household's clock; without one (signed
 * out, no household yet) it follows the system, like "system".
 */
export function resolvePalette(theme: TTheme, now: Date, clock: TNightClock | null): TPalette {
  if (theme !== "auto") return theme;
  if (!clock) return "system";
  return isNightTime(now, clock) ? "night" : "day";
}
