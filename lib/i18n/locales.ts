// The languages Attune speaks, and what each one means for the clock and the
// calendar. Pure: the server, client components and tests share it.

/** The languages a caregiver can choose (Settings → Language). */
export const LOCALES = ["en-GB", "en-US", "de", "es"] as const;
/** Accented and 40 % longer English, for tests that look for untranslated or clipped words. */
export const PSEUDO_LOCALE = "en-XA";

export type TLocale = (typeof LOCALES)[number];
/** Every catalogue: the real languages and the pseudo-locale. */
export type TAnyLocale = TLocale | typeof PSEUDO_LOCALE;

export const DEFAULT_LOCALE: TLocale = "en-GB";
export const ALL_LOCALES: readonly TAnyLocale[] = [...LOCALES, PSEUDO_LOCALE];

/** Each language in its own words, for the chooser. */
export const LOCALE_NAMES: Record<TAnyLocale, string> = {
  "en-GB": "English (UK)",
  "en-US": "English (US)",
  de: "Deutsch",
  es: "Español",
  "en-XA": "Ȩñğļîšĥ (pseudo)",
};

export function isLocale(value: unknown): value is TLocale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isAnyLocale(value: unknown): value is TAnyLocale {
  return isLocale(value) || value === PSEUDO_LOCALE;
}

/**
 * The best of our languages for an Accept-Language header: an exact match
 * first ("en-US"), then the language alone ("de-AT" → "de", "en" → "en-GB"),
 * by the header's q-values; en-GB when nothing fits. Malformed parts are skipped.
 */
export function negotiateLocale(header: string | null | undefined): TLocale {
  if (!header) return DEFAULT_LOCALE;
  const wanted = header
    .slice(0, 500)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((w) => w.tag && w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of wanted) {
    const exact = LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split("-")[0];
    if (language === "en") return "en-GB";
    const byLanguage = LOCALES.find((l) => l === language);
    if (byLanguage) return byLanguage;
  }
  return DEFAULT_LOCALE;
}

/** Writing direction: every language today runs left to right; Arabic or Hebrew would add "rtl" here. */
export function localeDir(_locale: TAnyLocale): "ltr" | "rtl" {
  return "ltr";
}

/** The household's conventions: a 12-hour clock and Sunday-first weeks in en-US; 24 hours and Monday elsewhere. */
export function localeConventions(locale: TAnyLocale): { hour12: boolean; firstDay: 1 | 7 } {
  return locale === "en-US" ? { hour12: true, firstDay: 7 } : { hour12: false, firstDay: 1 };
}
