// The demo household's own words (notes, reasons, the activities its people
// made), as if Sam and Alex had typed them in the demo's language:
// ATTUNE_DEMO_LOCALE (en-GB when unset or unknown). They come from the
// catalogue's server-only "demo" namespace and are stored as plain text,
// like anything a person types. The seed runs under plain tsx with the
// react-server condition, where next-intl's entry can't load, so the few
// placeholders these messages have ({name}, {time}) are filled here: keep the
// "demo" namespace to plain text and simple {placeholders} (no plural/select).
import { readFileSync } from "node:fs";
import path from "node:path";
import { createFormat } from "../../lib/format.ts";
import { DEFAULT_LOCALE, isLocale, type TLocale } from "../../lib/i18n/locales.ts";

type TValues = Record<string, string | number>;

export type TDemoWords = {
  locale: TLocale;
  /** One message of the "demo" namespace, e.g. t("nights.away"). */
  t: (key: string, values?: TValues) => string;
  /** The keys of a group of messages, in the catalogue's order. */
  keys: (group: string) => string[];
  /** Every message under a group, in the catalogue's order (e.g. the everyday notes). */
  list: (group: string) => string[];
  /** Minutes after midnight as the demo household's clock shows them ("01:30", or "1:30 AM" in en-US). */
  clock: (minutes: number) => string;
};

let cached: TDemoWords | undefined;

export function demoLocale(): TLocale {
  const wanted = process.env.ATTUNE_DEMO_LOCALE;
  return isLocale(wanted) ? wanted : DEFAULT_LOCALE;
}

export function demoWords(): TDemoWords {
  const locale = demoLocale();
  if (cached?.locale === locale) return cached;
  const file = path.resolve(import.meta.dirname, "../../messages", `${locale}.json`);
  const messages = JSON.parse(readFileSync(file, "utf8")) as { demo: Record<string, unknown> };
  const at = (key: string): unknown => {
    let node: unknown = messages.demo;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    if (node === undefined) throw new Error(`demo.${key} is not in messages/${locale}.json (npm run i18n)`);
    return node;
  };
  const t = (key: string, values: TValues = {}) =>
    String(at(key)).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  const keys = (group: string) => Object.keys(at(group) as Record<string, unknown>);
  const list = (group: string) => keys(group).map((key) => t(`${group}.${key}`));
  const format = createFormat({ locale, householdLocale: locale });
  cached = { locale, t, keys, list, clock: (minutes) => format.formatClock(minutes) };
  return cached;
}
