// The reader's language for the two pages that render without the request's
// (app/global-error.tsx, outside the root layout; the offline page the service
// worker keeps, rendered once when it was installed). Browser only, and tiny:
// both pages carry their words in every language (lib/i18n/fallback-words/).
import { isAnyLocale, negotiateLocale, type TAnyLocale } from "@/lib/i18n/locales";

/** localStorage: the language this phone last showed Attune in (components/install/sw-register.tsx writes it). */
export const SHOWN_LOCALE_KEY = "attune-locale";

/**
 * Marks a page kept from an earlier day (the offline page): its `<html lang>` is
 * that day's, so it is never remembered as the language shown.
 */
export const KEPT_PAGE_ATTRIBUTE = "data-kept-page";

/** Remembers the language a page was shown in (its `<html lang>`), for when no page can say it. */
export function rememberShownLocale(lang: string): void {
  if (!isAnyLocale(lang) || document.querySelector(`[${KEPT_PAGE_ATTRIBUTE}]`)) return;
  try {
    if (localStorage.getItem(SHOWN_LOCALE_KEY) !== lang) localStorage.setItem(SHOWN_LOCALE_KEY, lang);
  } catch {
    // Storage off (a private window): the browser's languages will do.
  }
}

/**
 * The language to show: `pageLang` when it names one of ours (the page Attune
 * had just rendered, in the caregiver's own choice), else the one this phone
 * last showed Attune in, else the browser's languages, chosen as the server
 * chooses from Accept-Language (negotiateLocale); en-GB when none fits.
 */
export function browserLocale(pageLang?: string | null): TAnyLocale {
  if (isAnyLocale(pageLang)) return pageLang;
  let shown: string | null = null;
  try {
    shown = localStorage.getItem(SHOWN_LOCALE_KEY);
  } catch {
    // Storage off: fall through.
  }
  if (isAnyLocale(shown)) return shown;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return negotiateLocale(languages.filter(Boolean).join(","));
}
