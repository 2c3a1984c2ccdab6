import "server-only";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { DEFAULT_LOCALE, type TAnyLocale } from "@/lib/i18n/locales";
import { resolveText, type TTranslate } from "@/lib/i18n/text";

const translators = new Map<TAnyLocale, Promise<TTranslate>>();

/**
 * A translator for one language, outside a page render: for refusals
 * (lib/action.ts), a partner's push notification or mail, the calendar feed.
 * One per language per process.
 */
export function translatorFor(locale: TAnyLocale = DEFAULT_LOCALE): Promise<TTranslate> {
  let t = translators.get(locale);
  if (!t) {
    t = loadMessages(locale).then((messages) => {
      const translate = createTranslator({ locale, messages });
      return (key: string, values?: Record<string, string | number>) =>
        (translate as unknown as TTranslate)(key, values);
    });
    translators.set(locale, t);
  }
  return t;
}

/** lib/'s words (message references, lib/i18n/text.ts) in one language. */
export async function textIn(locale: TAnyLocale | null | undefined, s: string): Promise<string> {
  return resolveText(await translatorFor(locale ?? DEFAULT_LOCALE), s);
}
