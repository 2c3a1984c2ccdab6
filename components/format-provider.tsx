// No "use client": useFormat serves client components and plain (non-async)
// server components alike, as next-intl's own hooks do. Async server
// components use getFormat (lib/i18n/format-server.ts) instead.
import * as React from "react";
import { useLocale, useTranslations } from "next-intl";
import { createFormat, createServerFormat, type TFormat, type TFormatSettings, type TServerFormat } from "@/lib/format";
import type { TAnyLocale } from "@/lib/i18n/locales";
import { formatWords } from "@/lib/i18n/format-words";
import { useHouseholdLocale } from "@/components/household-locale";

// React's server build has no context: there the household's clock comes from
// the request, through the reader lib/i18n/format-server.ts registers (React-
// cached: one promise per request, which `use` can wait on).
let householdLocaleOfRequest: (() => Promise<TAnyLocale | null>) | undefined;

/** lib/i18n/format-server.ts: how a server component finds the household's clock. */
export function readHouseholdLocaleOnServer(read: () => Promise<TAnyLocale | null>): void {
  householdLocaleOfRequest = read;
}

const IN_SERVER_COMPONENT = typeof (React as { useContext?: unknown }).useContext !== "function";

function useServerHouseholdLocale(): TAnyLocale | null {
  return householdLocaleOfRequest ? React.use(householdLocaleOfRequest()) : null;
}

const useHousehold = IN_SERVER_COMPONENT ? useServerHouseholdLocale : useHouseholdLocale;

function useFormatSettings(): TFormatSettings {
  const locale = useLocale() as TAnyLocale;
  const householdLocale = useHousehold() ?? locale;
  const t = useTranslations("format");
  return React.useMemo(() => ({ locale, householdLocale, words: formatWords(t) }), [locale, householdLocale, t]);
}

/** The formatter for a component: the reader's language, the household's clock (lib/format.ts). */
export function useFormat(): TFormat {
  const settings = useFormatSettings();
  return React.useMemo(() => createFormat(settings), [settings]);
}

/**
 * useFormat with the longer forms only the server shows (createServerFormat),
 * for a server component that is not async. Never in a client component: the
 * browser's bundle would carry them (#11).
 */
export function useServerFormat(): TServerFormat {
  const settings = useFormatSettings();
  return React.useMemo(() => createServerFormat(settings), [settings]);
}
