import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { z } from "zod";
import { currentActor } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { householdQuery } from "@/lib/context";
import { ZId } from "@/lib/validation";
import { parseTheme, resolvePalette, THEME_COOKIE, type TNightClock, type TPalette, type TTheme } from "@/lib/theme";

/**
 * The household's night window, from the request context: the membership row
 * `householdQuery` reads once per render (shared with the page's own reads, so
 * a household page pays no extra statement for it).
 */
const nightClock = householdQuery(z.object({ householdId: ZId }), {}, async ({ household }): Promise<TNightClock> => ({
  timeZone: household.timeZone,
  nightStart: household.nightStart,
  nightEnd: household.nightEnd,
}));

/**
 * The reader's theme choice (cookie; none means "auto") and the palette to
 * paint for this request. Only "auto" reads anything beyond the cookie: the
 * signed-in caregiver (cached per request, shared with the app shell) and
 * their household's window. Signed out or with no household, "auto" follows
 * the system.
 */
export const readThemeForRequest = cache(async (): Promise<{ theme: TTheme; palette: TPalette }> => {
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  if (theme !== "auto") return { theme, palette: theme };
  const actor = await currentActor();
  const householdId = actor?.membership?.householdId;
  if (!actor || !householdId) return { theme, palette: "system" };
  try {
    const clock = await nightClock(actor, { householdId });
    return { theme, palette: resolvePalette(theme, await requestNow(), clock) };
  } catch {
    // A membership that just ended: paint the system palette rather than fail the page.
    return { theme, palette: "system" };
  }
});
