"use client";

import { useEffect, useSyncExternalStore } from "react";
import { UNAVAILABLE_DIGEST } from "@/lib/outage-digest";
import { browserLocale } from "@/lib/i18n/browser-locale";
import { DEFAULT_LOCALE, isLocale, type TAnyLocale } from "@/lib/i18n/locales";
// Its few words in the four languages, written from the catalogues by npm run i18n.
import WORDS from "@/lib/i18n/fallback-words/global-error.json";

const noSubscription = () => () => {};
let picked: TAnyLocale | undefined;
/**
 * Chosen once, before this page sets <html lang> itself: the language of the
 * page that failed (the caregiver's own choice), else the browser's
 * (lib/i18n/browser-locale.ts). Rendered on the server, the page has no lang.
 */
const pickLocale = () => (picked ??= browserLocale(document.documentElement.lang));

/**
 * The last boundary (the root layout itself failed): Attune's own calm page,
 * never Next's generic one. During an outage it retries by itself. It renders
 * outside the root layout and its next-intl provider, so it carries its words.
 */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const outage = error?.digest === UNAVAILABLE_DIGEST;
  const locale = useSyncExternalStore(noSubscription, pickLocale, () => null);
  // The pseudo-locale (tests only) isn't carried here: it reads British English.
  const w = WORDS[locale && isLocale(locale) ? locale : DEFAULT_LOCALE];
  useEffect(() => {
    if (!outage) return;
    const timer = setInterval(() => retry(), 5_000);
    return () => clearInterval(timer);
  }, [outage, retry]);

  return (
    <html lang={locale ?? undefined}>
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "32rem", margin: "3rem auto", padding: "0 1rem" }}>
        <h1>{outage ? w.outageHeading : w.title}</h1>
        {outage ? (
          <>
            <p role="status">{w.outageStatus}</p>
            <p>{w.outageKept}</p>
          </>
        ) : (
          <p>{w.body}</p>
        )}
        <button type="button" onClick={() => retry()}>
          {w.retry}
        </button>
      </body>
    </html>
  );
}
