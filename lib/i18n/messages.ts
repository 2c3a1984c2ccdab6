import type { TAnyLocale } from "@/lib/i18n/locales";
import CLIENT_KEYS from "@/lib/i18n/client-keys.json";

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

export type TSegment = keyof typeof CLIENT_KEYS;

/**
 * What the browser gets for a part of the app: only the messages its browser
 * code can show (lib/i18n/client-keys.json, written by npm run i18n from the
 * imports), never a server namespace. The root layout sends "base"; each
 * segment's layout (components/segment-messages.tsx) sends base and its own.
 */
export function clientMessages(messages: TMessages, segment: TSegment): TMessages {
  const out: TMessages = {};
  for (const key of new Set([...CLIENT_KEYS.base, ...CLIENT_KEYS[segment]])) {
    if (SERVER_NAMESPACES.includes(key.split(".")[0]!)) continue;
    const parts = key.split(".");
    let from: unknown = messages;
    for (const p of parts) from = from && typeof from === "object" ? (from as TMessages)[p] : undefined;
    if (from === undefined) continue;
    let into = out;
    for (const p of parts.slice(0, -1)) into = (into[p] ??= {}) as TMessages;
    into[parts.at(-1)!] = from;
  }
  return out;
}
