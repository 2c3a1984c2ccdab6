// The words of the two pages that render without the app's catalogues:
// app/global-error.tsx (outside the root layout and its next-intl provider)
// and the offline page the service worker keeps (app/~offline, shown for any
// page never loaded on this phone). Each carries its few messages in every
// language and picks the reader's in the browser (lib/i18n/browser-locale.ts),
// so neither loads a catalogue. Written from the catalogues, never by hand:
// lib/i18n/fallback-words/<page>.json. A unit test fails when they are stale.
// Usage: npm run i18n (after the pseudo-locale), or tsx scripts/i18n/fallback-words.ts [--check]
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { ALL_LOCALES, LOCALES } from "../../lib/i18n/locales";

const root = path.resolve(import.meta.dirname, "../..");

/**
 * Each page's words: the name it reads them by → the catalogue key. The root
 * error boundary's are in every page's first JavaScript, so it carries the four
 * languages only (the pseudo-locale's accented words cost more than the other
 * four together; it reads en-GB there); the offline page carries all five.
 */
export const FALLBACK_WORDS = {
  "global-error": {
    title: "errorPage.title",
    body: "errorPage.body",
    retry: "errorPage.retry",
    outageHeading: "app.outage.heading",
    outageStatus: "app.outage.status",
    outageKept: "app.outage.kept",
  },
  offline: {
    title: "offlinePage.title",
    eyebrow: "offlinePage.eyebrow",
    heading: "offlinePage.heading",
    body: "offlinePage.body",
    openTonight: "offlinePage.openTonight",
  },
} as const satisfies Record<string, Record<string, string>>;

export type TFallbackPage = keyof typeof FALLBACK_WORDS;

const LANGUAGES: Record<TFallbackPage, readonly string[]> = { "global-error": LOCALES, offline: ALL_LOCALES };

export const fallbackWordsFile = (page: TFallbackPage) => path.join(root, `lib/i18n/fallback-words/${page}.json`);

function catalogue(locale: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(root, `messages/${locale}.json`), "utf8")) as Record<string, unknown>;
}

/** One page's words in every language (the messages formatted: no ICU escapes left), as its JSON file holds them. */
export function fallbackWordsJson(page: TFallbackPage): string {
  const words = Object.fromEntries(
    LANGUAGES[page].map((locale) => {
      const t = createTranslator({
        locale,
        messages: catalogue(locale),
        onError: (e) => {
          throw e;
        },
      }) as unknown as (key: string) => string;
      return [locale, Object.fromEntries(Object.entries(FALLBACK_WORDS[page]).map(([name, key]) => [name, t(key)]))];
    }),
  );
  return `${JSON.stringify(words, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  let stale = false;
  for (const page of Object.keys(FALLBACK_WORDS) as TFallbackPage[]) {
    const file = fallbackWordsFile(page);
    const text = fallbackWordsJson(page);
    const current = existsSync(file) ? readFileSync(file, "utf8") : "";
    if (current === text) console.log(`${path.relative(root, file)} is up to date`);
    else if (process.argv.includes("--check")) {
      console.error(`${path.relative(root, file)} is out of date: run npm run i18n`);
      stale = true;
    } else {
      writeFileSync(file, text);
      console.log(`${path.relative(root, file)} written`);
    }
  }
  if (stale) process.exit(1);
}
