"use client";

import { useEffect, useSyncExternalStore, type ReactNode } from "react";
import { browserLocale } from "@/lib/i18n/browser-locale";
import type { TAnyLocale } from "@/lib/i18n/locales";
// Its few words in every language, written from the catalogues by npm run i18n.
import WORDS from "@/lib/i18n/fallback-words/offline.json";

const noSubscription = () => () => {};
/**
 * This page was rendered once, in the language of the day the service worker
 * kept it; it is shown in the one this phone last showed Attune in (a caregiver
 * may have chosen another since), else the browser's (lib/i18n/browser-locale.ts).
 */
const pickLocale = () => browserLocale(null);

/** The offline page's card, in the reader's language; `serverLocale` until the browser says. */
export function OfflineCard({ serverLocale, icon }: { serverLocale: TAnyLocale; icon: ReactNode }) {
  const locale = useSyncExternalStore(noSubscription, pickLocale, () => serverLocale);
  const w = WORDS[locale];
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = `${w.title} · Attune`;
  }, [locale, w.title]);
  return (
    <section className="card" aria-labelledby="offline-heading" data-testid="offline-page">
      <span className="eyebrow">
        {icon} {w.eyebrow}
      </span>
      <h1 id="offline-heading">{w.heading}</h1>
      <p>{w.body}</p>
      <p>
        <a href="/tonight" className="button">
          {w.openTonight}
        </a>
      </p>
    </section>
  );
}
