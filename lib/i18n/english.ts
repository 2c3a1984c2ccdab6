import "server-only";
import { createTranslator } from "use-intl/core";
import { setEnglish } from "@/lib/errors";
import { resolveText, type TTranslate } from "@/lib/i18n/text";
import enGB from "../../messages/en-GB.json";

// AppError's `message` in British English, for logs and tests; the person
// asking gets their own language from runDomain (lib/action.ts). Imported by
// lib/context.ts, so any domain code that can throw has it installed.
const t = createTranslator({ locale: "en-GB", messages: enGB }) as unknown as TTranslate;

/** lib/'s words (message references) in British English. */
export function english(s: string): string {
  return resolveText(t, s);
}

setEnglish(english);
