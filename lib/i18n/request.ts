import "server-only";
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import type { TActor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/session";
import { DEFAULT_LOCALE, isAnyLocale, negotiateLocale, type TAnyLocale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

/**
 * next-intl's request configuration (next.config.ts points here). The language
 * is the caregiver's own choice when they made one, else the browser's
 * Accept-Language, else en-GB. The session read is React-cached per request:
 * a signed-in page has already made it, so choosing the language adds no
 * statement there.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const asked = await requestLocale;
  const locale: TAnyLocale = isAnyLocale(asked) ? asked : await localeForRequest();
  return { locale, messages: await loadMessages(locale), timeZone: "UTC" };
});

/** This request's language: the signed-in caregiver's choice, else the browser's. */
export async function localeForRequest(): Promise<TAnyLocale> {
  return localeOf(await currentActor().catch(() => null));
}

/** `actor`'s language (already read: no statement), else the request's Accept-Language. */
export async function localeOf(actor: Pick<TActor, "locale"> | null): Promise<TAnyLocale> {
  if (actor?.locale) return actor.locale;
  const h = await headers().catch(() => null);
  return negotiateLocale(h?.get("accept-language")) ?? DEFAULT_LOCALE;
}
