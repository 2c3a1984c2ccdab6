import type { TFormatWords } from "@/lib/format";

type TTranslate = (
  key: "hoursMinutes" | "hours" | "minutes" | "underAMinute",
  values?: Record<string, number>,
) => string;

/** lib/format.ts's few words, from the catalogue's "format" namespace. */
export function formatWords(t: TTranslate): TFormatWords {
  return {
    hoursMinutes: (hours, minutes) => t("hoursMinutes", { hours, minutes }),
    hours: (hours) => t("hours", { hours }),
    minutes: (minutes) => t("minutes", { minutes }),
    underAMinute: t("underAMinute"),
  };
}
