// The reader's choice of palette, kept in a cookie so the server can render
// the right one on the first paint (no flash at 3 a.m.).

import { currentOrNextNight } from "@/lib/nights/night-window";

/** "auto" (Follow the night) is the default: night during the household's night window, day outside it. */
export const THEMES = ["auto", "system", "day", "night"] as const;
export type TTheme = (typeof THEMES)[number];
/** What the page is painted with: `data-theme` on <html> (the CSS knows these three). */
export type TPalette = "system" | "day" | "night";

export const DEFAULT_THEME: TTheme = "auto";

export const THEME_COOKIE = "attune-theme";
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const THEME_LABELS: Record<TTheme, string> = {
  auto: "Follow the night",
  system: "Follow system",
  day: "Day",
  night: "Night",
};

/** Background colours, shared by the CSS, the viewport theme-color and the manifest. */
export const THEME_COLORS = { day: "#fbf6ef", night: "#080605" } as const;

export function parseTheme(value: unknown): TTheme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value) ? (value as TTheme) : DEFAULT_THEME;
}

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
