import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/messages";
import { currentActor } from "@/lib/auth/session";
// Registers how non-async server components find the household's clock (components/format-provider.tsx).
import "@/lib/i18n/format-server";
import { HouseholdLocaleProvider } from "@/components/household-locale";
import { localeDir, type TAnyLocale } from "@/lib/i18n/locales";
import { ThemeSync } from "@/components/theme-sync";
import { ServiceWorkerRegister } from "@/components/install/sw-register";
import { THEME_COLORS } from "@/lib/theme";
import { readThemeForRequest } from "@/lib/theme/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: "Attune", template: "%s · Attune" },
    description: t("description"),
    applicationName: "Attune",
    manifest: "/manifest.webmanifest",
    icons: {
      icon: [
        { url: "/icon.svg", type: "image/svg+xml" },
        { url: "/icon-192.png", sizes: "192x192", type: "image/png" },
      ],
      apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
    },
    appleWebApp: { capable: true, title: "Attune", statusBarStyle: "black-translucent" },
  };
}

export async function generateViewport(): Promise<Viewport> {
  const { palette } = await readThemeForRequest();
  const base = { width: "device-width", initialScale: 1, viewportFit: "cover" } as const;
  if (palette === "day") return { ...base, themeColor: THEME_COLORS.day, colorScheme: "light" };
  if (palette === "night") return { ...base, themeColor: THEME_COLORS.night, colorScheme: "dark" };
  return {
    ...base,
    colorScheme: "light dark",
    themeColor: [
      { media: "(prefers-color-scheme: light)", color: THEME_COLORS.day },
      { media: "(prefers-color-scheme: dark)", color: THEME_COLORS.night },
    ],
  };
}

// The service worker: production builds only; ATTUNE_DISABLE_SW=1 turns it off (docs/decisions/0014).
const registerServiceWorker = process.env.NODE_ENV === "production" && process.env.ATTUNE_DISABLE_SW !== "1";

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The palette is decided here, on the server, so the first paint is right:
  // "auto" (Follow the night) is night inside the household's night window.
  const [{ theme, palette }, locale, messages, t, actor] = await Promise.all([
    readThemeForRequest(),
    getLocale() as Promise<TAnyLocale>,
    getMessages(),
    getTranslations("app"),
    // React-cached: the request config (lib/i18n/request.ts) read it already.
    currentActor().catch(() => null),
  ]);
  return (
    // suppressHydrationWarning: on static pages ThemeSync may correct data-theme from the cookie.
    <html lang={locale} dir={localeDir(locale)} data-theme={palette} data-theme-choice={theme} suppressHydrationWarning>
      <body>
        <NextIntlClientProvider locale={locale} messages={clientMessages(messages, "base")} timeZone="UTC">
          <HouseholdLocaleProvider locale={actor?.householdLocale ?? locale}>
            <a className="skip-link" href="#main">
              {t("skipToMain")}
            </a>
            {children}
            <ThemeSync />
            {registerServiceWorker ? <ServiceWorkerRegister /> : null}
          </HouseholdLocaleProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
