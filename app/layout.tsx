import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { ThemeSync } from "@/components/theme-sync";
import { parseTheme, THEME_COLORS, THEME_COOKIE, type TTheme } from "@/lib/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Attune", template: "%s · Attune" },
  description: "Share the nights fairly and keep the days close: a calm shared plan for the grown-ups around a baby.",
  applicationName: "Attune",
  icons: { icon: "/icon.svg", apple: "/icon.svg" },
  appleWebApp: { capable: true, title: "Attune", statusBarStyle: "black-translucent" },
};

async function readTheme(): Promise<TTheme> {
  return parseTheme((await cookies()).get(THEME_COOKIE)?.value);
}

export async function generateViewport(): Promise<Viewport> {
  const theme = await readTheme();
  const base = { width: "device-width", initialScale: 1, viewportFit: "cover" } as const;
  if (theme === "day") return { ...base, themeColor: THEME_COLORS.day, colorScheme: "light" };
  if (theme === "night") return { ...base, themeColor: THEME_COLORS.night, colorScheme: "dark" };
  return {
    ...base,
    colorScheme: "light dark",
    themeColor: [
      { media: "(prefers-color-scheme: light)", color: THEME_COLORS.day },
      { media: "(prefers-color-scheme: dark)", color: THEME_COLORS.night },
    ],
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const theme = await readTheme();
  return (
    // suppressHydrationWarning: on static pages ThemeSync may correct data-theme from the cookie.
    <html lang="en" data-theme={theme} suppressHydrationWarning>
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        {children}
        <ThemeSync />
      </body>
    </html>
  );
}
