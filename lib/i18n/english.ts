import "server-only";
import { createTranslator } from "use-intl/core";
import { setEnglish } from "@/lib/errors";
import { isMsg, resolveText, type TTranslate } from "@/lib/i18n/text";
import enGB from "../../messages/en-GB.json";

// AppError's `message` in British English, for logs and tests; the person
// asking gets their own language from runDomain (lib/action.ts). Imported by
// lib/context.ts, so any domain code that can throw has it installed.
const t = createTranslator({ locale: "en-GB", messages: enGB }) as unknown as TTranslate;

/** lib/'s words (message references) in British English. */
export function english(s: string): string {
  return resolveText(t, s);
}

/**
 * A JSON.stringify replacer for what programs read (API answers, webhook
 * payloads): every message reference in a value, at any depth, in British
 * English, like the exports ("a former caregiver" as a name).
 */
export function referencesInEnglish(_key: string, value: unknown): unknown {
  return isMsg(value) ? english(value) : value;
}

setEnglish(english);
