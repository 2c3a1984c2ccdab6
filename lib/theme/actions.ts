"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { runDomain } from "@/lib/action";
import type { TResult } from "@/lib/errors";
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE, THEMES, type TTheme } from "@/lib/theme";
import { markActionStarted } from "@/lib/http/undecodable-action";
import { formToObject, parseInput } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

// Public by design: a palette preference touches no household and no account.

const ZSetTheme = z.object({
  theme: z.enum(THEMES, { error: msg("settings.errors.chooseTheme") }),
});

export async function setThemeAction(
  _prev: TResult<{ theme: TTheme }> | null,
  form: FormData,
): Promise<TResult<{ theme: TTheme }>> {
  markActionStarted();
  return runDomain(async () => {
    const { theme } = parseInput(ZSetTheme, formToObject(form));
    (await cookies()).set(THEME_COOKIE, theme, {
      path: "/",
      maxAge: THEME_COOKIE_MAX_AGE,
      sameSite: "lax",
      // Read by the server for the first paint and by the browser on static pages.
      httpOnly: false,
    });
    return { theme };
  });
}
