import { useCallback } from "react";
import { useTranslations } from "next-intl";
import { resolveText, type TTranslate } from "@/lib/i18n/text";

/** For a client (or non-async server) component: lib/'s words (message references) in the reader's language. */
export function useText(): (s: string) => string {
  const t = useTranslations() as unknown as TTranslate;
  return useCallback((s: string) => resolveText(t, s), [t]);
}
