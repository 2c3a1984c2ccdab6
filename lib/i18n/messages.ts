import type { TAnyLocale } from "@/lib/i18n/locales";

/**
 * One catalogue per language (messages/<locale>.json). Imported by name so
 * the bundler keeps each one separate and only the active language is read;
 * next-intl's loader precompiles the ICU messages at build time.
 */
const CATALOGUES: Record<TAnyLocale, () => Promise<{ default: TMessages }>> = {
  "en-GB": () => import("../../messages/en-GB.json"),
  "en-US": () => import("../../messages/en-US.json"),
  de: () => import("../../messages/de.json"),
  es: () => import("../../messages/es.json"),
  "en-XA": () => import("../../messages/en-XA.json"),
};

export type TMessages = Record<string, unknown>;

export async function loadMessages(locale: TAnyLocale): Promise<TMessages> {
  return (await CATALOGUES[locale]()).default;
}

/**
 * Namespaces only the server uses (mail, the calendar feed, push texts, the
 * demo household, page metadata): never sent to the browser.
 */
export const SERVER_NAMESPACES: readonly string[] = [
  "app",
  "mail",
  "ics",
  "push",
  "demo",
  "metadata",
  "errors",
  "validation",
];

/** What the browser gets: the active language's catalogue without the server's namespaces. */
export function clientMessages(messages: TMessages): TMessages {
  return Object.fromEntries(Object.entries(messages).filter(([ns]) => !SERVER_NAMESPACES.includes(ns)));
}
