// The names of the palettes and the theme cookie: no clock, no time zones, so
// code that every page loads (components/theme-sync.tsx, in the root layout)
// does not bring @date-fns/tz into every first load. "auto" itself is decided
// in lib/theme/index.ts, beside these.

/** "auto" (Follow the night) is the default: night during the household's night window, day outside it. */
export const THEMES = ["auto", "system", "day", "night"] as const;
export type TTheme = (typeof THEMES)[number];
/** What the page is painted with: `data-theme` on <html> (the CSS knows these three). */
export type TPalette = "system" | "day" | "night";

export const DEFAULT_THEME: TTheme = "auto";

export const THEME_COOKIE = "attune-theme";
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** Background colours, shared by the CSS, the viewport theme-color and the manifest. */
export const THEME_COLORS = { day: "#fbf6ef", night: "#080605" } as const;

export function parseTheme(value: unknown): TTheme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value) ? (value as TTheme) : DEFAULT_THEME;
}
