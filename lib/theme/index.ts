// The reader's choice of palette, kept in a cookie so the server can render
// the right one on the first paint (no flash at 3 a.m.).

export const THEMES = ["system", "day", "night"] as const;
export type TTheme = (typeof THEMES)[number];

export const THEME_COOKIE = "attune-theme";
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export const THEME_LABELS: Record<TTheme, string> = {
  system: "Follow system",
  day: "Day",
  night: "Night",
};

/** Background colours, shared by the CSS, the viewport theme-color and the manifest. */
export const THEME_COLORS = { day: "#fbf6ef", night: "#16110e" } as const;

export function parseTheme(value: unknown): TTheme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value) ? (value as TTheme) : "system";
}
