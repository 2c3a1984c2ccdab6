import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { ThemeSync } from "@/components/theme-sync";
import { ServiceWorkerRegister } from "@/components/install/sw-register";
import { THEME_COLORS } from "@/lib/theme";
import { readThemeForRequest } from "@/lib/theme/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Attune", template: "%s · Attune" },
  description: "Share the nights fairly and keep the days close: a calm shared plan for the grown-ups around a baby.",
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
  const { theme, palette } = await readThemeForRequest();
  return (
    // suppressHydrationWarning: on static pages ThemeSync may correct data-theme from the cookie.
    <html lang="en" data-theme={palette} data-theme-choice={theme} suppressHydrationWarning>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
        <ThemeSync />
        {registerServiceWorker ? <ServiceWorkerRegister /> : null}
      </body>
    </html>
  );
}
