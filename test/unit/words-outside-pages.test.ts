// #14: the words that were still English because they live outside the app's
// pages and their next-intl provider: the root error boundary, the offline
// page the service worker keeps, "a former caregiver" (a name SQL writes), the
// web app manifest. Each comes from the catalogues, in the reader's language.
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createTranslator } from "use-intl/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import GlobalError from "@/app/global-error";
import manifest from "@/app/manifest";
import { OfflineCard } from "@/app/~offline/offline-card";
import { WakingLines } from "@/components/log/waking-item";
import { FORMER_CAREGIVER } from "@/lib/household/caregiver-name";
import { browserLocale, KEPT_PAGE_ATTRIBUTE, rememberShownLocale, SHOWN_LOCALE_KEY } from "@/lib/i18n/browser-locale";
import { english, referencesInEnglish } from "@/lib/i18n/english";
import { ALL_LOCALES, LOCALES, type TAnyLocale } from "@/lib/i18n/locales";
import { isMsg } from "@/lib/i18n/text";
import type { TWakingView } from "@/lib/log/read-log";
import {
  FALLBACK_WORDS,
  fallbackWordsFile,
  fallbackWordsJson,
  type TFallbackPage,
} from "../../scripts/i18n/fallback-words";
import { CATALOGUES, withIntl } from "../helpers/intl";
import { fakeRequest } from "../helpers/request";

const say = (locale: TAnyLocale, key: string) =>
  (createTranslator({ locale, messages: CATALOGUES[locale] }) as unknown as (k: string) => string)(key);

describe("the pages without the app's catalogues carry words written from them", () => {
  for (const page of Object.keys(FALLBACK_WORDS) as TFallbackPage[])
    it(`${page}: the file is current (npm run i18n) and holds each catalogue's message, in every language it carries`, () => {
      expect(readFileSync(fallbackWordsFile(page), "utf8")).toBe(fallbackWordsJson(page));
      const file = JSON.parse(readFileSync(fallbackWordsFile(page), "utf8")) as Record<string, Record<string, string>>;
      expect(Object.keys(file)).toEqual(page === "global-error" ? [...LOCALES] : [...ALL_LOCALES]);
      for (const [locale, words] of Object.entries(file) as [TAnyLocale, Record<string, string>][])
        for (const [name, key] of Object.entries(FALLBACK_WORDS[page])) expect(words[name]).toBe(say(locale, key));
    });

  it("the root error boundary, rendered on the server, leaves the language to the browser (no lang, en-GB words)", () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: new Error("x"), retry: () => {} }));
    expect(html).toMatch(/^<html><head><\/head><body /);
    expect(html).toContain(`<h1>${say("en-GB", "errorPage.title")}</h1>`);
    expect(html).toContain(say("en-GB", "errorPage.retry"));
  });

  it("the offline page shows the language it was rendered in until the browser picks", () => {
    const html = renderToStaticMarkup(createElement(OfflineCard, { serverLocale: "de", icon: null }));
    expect(html).toContain(`<h1 id="offline-heading">${say("de", "offlinePage.heading")}</h1>`);
    expect(html).toContain(say("de", "offlinePage.openTonight"));
    expect(html).not.toContain(say("en-GB", "offlinePage.openTonight"));
  });
});

describe("choosing the language in the browser (lib/i18n/browser-locale.ts)", () => {
  afterEach(() => vi.unstubAllGlobals());

  function browser(opts: { stored?: string | null; languages?: string[]; kept?: boolean } = {}) {
    const storage = new Map<string, string>();
    if (opts.stored) storage.set(SHOWN_LOCALE_KEY, opts.stored);
    vi.stubGlobal("localStorage", {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    });
    vi.stubGlobal("navigator", { languages: opts.languages ?? ["en-US"], language: opts.languages?.[0] ?? "en-US" });
    vi.stubGlobal("document", {
      querySelector: (s: string) => (opts.kept && s === `[${KEPT_PAGE_ATTRIBUTE}]` ? {} : null),
    });
    return storage;
  }

  it("the failed page's own language first, then the last one shown on this phone, then the browser's", () => {
    browser({ stored: "es", languages: ["de-AT", "en"] });
    expect(browserLocale("en-US")).toBe("en-US");
    expect(browserLocale("")).toBe("es");
    browser({ languages: ["de-AT", "en"] });
    expect(browserLocale(null)).toBe("de");
    browser({ languages: ["fr-FR", "fr"] });
    expect(browserLocale(null)).toBe("en-GB");
    browser({ stored: "klingon", languages: ["es-MX"] });
    expect(browserLocale("tlh")).toBe("es");
  });

  it("remembers each page's language, but never the kept offline page's (it may be an old one)", () => {
    const storage = browser();
    rememberShownLocale("de");
    expect(storage.get(SHOWN_LOCALE_KEY)).toBe("de");
    rememberShownLocale("not-a-locale");
    expect(storage.get(SHOWN_LOCALE_KEY)).toBe("de");
    const kept = browser({ stored: "de", kept: true });
    rememberShownLocale("en-GB");
    expect(kept.get(SHOWN_LOCALE_KEY)).toBe("de");
  });

  it("a browser without storage still gets its own languages", () => {
    vi.stubGlobal("localStorage", {
      getItem: () => {
        throw new Error("SecurityError");
      },
    });
    vi.stubGlobal("navigator", { languages: [], language: "es-ES" });
    expect(browserLocale(undefined)).toBe("es");
  });
});

describe("“a former caregiver” (a deleted account's name) is a message reference", () => {
  const waking: TWakingView = {
    id: "w1",
    babyId: "b1",
    babyName: "Ivy",
    responderId: "gone",
    responderName: FORMER_CAREGIVER,
    cryingAt: null,
    startedAt: "2026-11-02T02:00:00Z",
    endedAt: "2026-11-02T02:20:00Z",
    helped: [],
    note: null,
    version: 0,
    night: "2026-11-01",
  };
  const render = (locale: TAnyLocale) =>
    renderToStaticMarkup(
      withIntl(createElement(WakingLines, { waking, timeZone: "UTC", meId: "me", showBaby: false }), locale),
    );

  it("is put into the reader's words where it is shown, and into British English for files", () => {
    expect(isMsg(FORMER_CAREGIVER)).toBe(true);
    expect(english(FORMER_CAREGIVER)).toBe("a former caregiver");
    expect(render("de")).toContain("eine frühere Betreuungsperson");
    expect(render("es")).toContain("una persona cuidadora anterior");
    expect(render("en-US")).toContain("a former caregiver");
    for (const locale of ALL_LOCALES) expect(render(locale)).not.toContain("\uE000");
  });

  it("is written in British English wherever a program reads it (API answers, webhook payloads)", () => {
    const payload = { responderName: FORMER_CAREGIVER, people: [{ name: FORMER_CAREGIVER }, { name: "Sam" }] };
    expect(JSON.parse(JSON.stringify(payload, referencesInEnglish))).toEqual({
      responderName: "a former caregiver",
      people: [{ name: "a former caregiver" }, { name: "Sam" }],
    });
  });
});

describe("the web app manifest", () => {
  it("says its sentence in the language of Accept-Language", async () => {
    fakeRequest.headers["accept-language"] = "de-DE,de;q=0.9";
    expect(await manifest()).toMatchObject({ lang: "de", description: say("de", "app.shortDescription") });
    fakeRequest.headers["accept-language"] = "es";
    expect((await manifest()).description).toBe(say("es", "app.shortDescription"));
    delete fakeRequest.headers["accept-language"];
    expect(await manifest()).toMatchObject({ lang: "en-GB", description: say("en-GB", "app.shortDescription") });
  });
});
