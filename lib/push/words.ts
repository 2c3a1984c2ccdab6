import "server-only";
import { createFormat, type TFormat } from "@/lib/format";
import { DEFAULT_LOCALE, isAnyLocale, type TAnyLocale } from "@/lib/i18n/locales";
import { formatWords } from "@/lib/i18n/format-words";
import { msg, resolveText, type TTextValues } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translate";

// A push speaks its RECIPIENT's language (not the sender's): their own choice
// (users.locale), else their household's, with the household's clock. Both
// are read in the statement that already finds the recipient's devices
// (READER_SELECT), so a push costs no statement of its own for its words.

/** Who reads a push: their language and their household's conventions (the clock). */
export type TReader = { locale: TAnyLocale; householdLocale: TAnyLocale };

/** For a Prisma `select` on a caregiver: what readerOf needs. */
export const READER_SELECT = {
  user: { select: { locale: true } },
  household: { select: { locale: true } },
} as const;

const asLocale = (l: string | null | undefined): TAnyLocale | null => (isAnyLocale(l) ? l : null);

/** The reader of a caregiver selected with READER_SELECT. */
export function readerOf(c: { user: { locale: string | null } | null; household: { locale: string } }): TReader {
  const householdLocale = asLocale(c.household.locale) ?? DEFAULT_LOCALE;
  return { locale: asLocale(c.user?.locale) ?? householdLocale, householdLocale };
}

/** A push's words for one reader: `say(key, values)` (values may be references, a name may be one) and `f`. */
export async function wordsFor(reader: TReader): Promise<{
  say: (key: string, values?: TTextValues) => string;
  f: TFormat;
}> {
  const t = await translatorFor(reader.locale);
  const f = createFormat({
    locale: reader.locale,
    householdLocale: reader.householdLocale,
    words: formatWords((key, values) => t(`format.${key}`, values)),
  });
  return { say: (key, values) => resolveText(t, msg(key, values)), f };
}
