import { createElement, type ReactElement } from "react";
import { NextIntlClientProvider } from "next-intl";
import type { TAnyLocale } from "@/lib/i18n/locales";
import enGB from "../../messages/en-GB.json";
import enUS from "../../messages/en-US.json";
import de from "../../messages/de.json";
import es from "../../messages/es.json";
import enXA from "../../messages/en-XA.json";

export const CATALOGUES: Record<TAnyLocale, Record<string, unknown>> = {
  "en-GB": enGB,
  "en-US": enUS,
  de,
  es,
  "en-XA": enXA,
};

/** A component as the app renders it: inside next-intl's provider, in one language (en-GB by default). */
export function withIntl(element: ReactElement, locale: TAnyLocale = "en-GB"): ReactElement {
  return createElement(NextIntlClientProvider, {
    locale,
    messages: CATALOGUES[locale],
    timeZone: "UTC",
    children: element,
  });
}
