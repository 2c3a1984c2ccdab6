import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { THEME_COLORS } from "@/lib/theme";
import { localeDir, negotiateLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";

/**
 * The web app manifest; its one sentence (an install sheet may show it) in the
 * language of the browser's Accept-Language. No session is read: the browser
 * fetches the manifest without one, and it would cost a statement.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const locale = negotiateLocale((await headers()).get("accept-language"));
  const t = await translatorFor(locale);
  return {
    id: "/tonight",
    name: "Attune",
    short_name: "Attune",
    description: t("app.shortDescription"),
    lang: locale,
    dir: localeDir(locale),
    start_url: "/tonight",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    // The app opens at night more than by day: the splash and bar are the night palette;
    // the page's own <meta name="theme-color"> (day or night, by media) takes over once loaded.
    background_color: THEME_COLORS.night,
    theme_color: THEME_COLORS.night,
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
