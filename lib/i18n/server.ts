import "server-only";
import { getTranslations } from "next-intl/server";
import { resolveText, type TTranslate } from "@/lib/i18n/text";

/** For a server component: lib/'s words (message references) in the reader's language. */
export async function getText(): Promise<(s: string) => string> {
  const t = (await getTranslations()) as unknown as TTranslate;
  return (s) => resolveText(t, s);
}
