"use client";

import { useEffect } from "react";
import { parseTheme, THEME_COOKIE } from "@/lib/theme/names";

/**
 * Static pages (like /about) are rendered once, without the reader's cookie,
 * so they start on "system". This puts the chosen palette back once the page
 * is running. Dynamic pages already arrive with the right one.
 */
export function ThemeSync() {
  useEffect(() => {
    const match = document.cookie.split("; ").find((c) => c.startsWith(`${THEME_COOKIE}=`));
    if (!match) return;
    const theme = parseTheme(decodeURIComponent(match.slice(THEME_COOKIE.length + 1)));
    // "auto" needs the household's window: the server decides it; static pages keep "system".
    if (theme === "auto") return;
    if (document.documentElement.dataset.theme !== theme) document.documentElement.dataset.theme = theme;
  }, []);
  return null;
}
