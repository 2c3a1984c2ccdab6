import type { TNightClock } from "@/lib/theme";
import type { TPalette, TTheme } from "@/lib/theme/names";

/**
 * Paints a palette choice on <html> at once, before the server confirms it,
 * and resolves to the palette painted. "Follow the night" needs the
 * household's night window, so the time-zone code (lib/nights/night-window,
 * @date-fns/tz): it is fetched only when that choice is made, not in the first
 * load of the pages with a palette switch (Tonight, Settings). A choice made
 * while it loads wins over it.
 */
export async function paintChoice(theme: TTheme, clock: TNightClock | null): Promise<TPalette> {
  const html = document.documentElement;
  html.dataset.themeChoice = theme;
  if (theme !== "auto" || !clock) {
    const palette: TPalette = theme === "auto" ? "system" : theme;
    html.dataset.theme = palette;
    return palette;
  }
  const { resolvePalette } = await import("@/lib/theme");
  const palette = resolvePalette("auto", new Date(), clock);
  if (html.dataset.themeChoice === "auto") html.dataset.theme = palette;
  return palette;
}
