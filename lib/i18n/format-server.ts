import "server-only";
import { cache } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/session";
import { createServerFormat, type TServerFormat } from "@/lib/format";
import type { TAnyLocale } from "@/lib/i18n/locales";
import { formatWords } from "@/lib/i18n/format-words";
import { readHouseholdLocaleOnServer } from "@/components/format-provider";

/** The household's clock for this request: the session's statement read it (no statement of its own). */
const householdLocaleOfRequest = cache(
  async (): Promise<TAnyLocale | null> => (await currentActor().catch(() => null))?.householdLocale ?? null,
);
readHouseholdLocaleOnServer(householdLocaleOfRequest);

/**
 * The formatter for an async server component: the reader's language and
 * their household's clock. Once per request.
 */
export const getFormat = cache(async (): Promise<TServerFormat> => {
  const [locale, householdLocale, t] = await Promise.all([
    getLocale() as Promise<TAnyLocale>,
    householdLocaleOfRequest(),
    getTranslations("format"),
  ]);
  return createServerFormat({ locale, householdLocale: householdLocale ?? locale, words: formatWords(t) });
});
