// Nights-specific wording. General formatting lives in lib/format.ts (createFormat).
import type { TFormat } from "@/lib/format";
import { addDays, localDateOf } from "@/lib/time/local-date";
import { instantAt } from "@/lib/time/local-time";

/** The "nights" namespace's translator, as useTranslations("nights") or getTranslations("nights") gives it. */
export type TNightsT = (key: string, values?: Record<string, string | number>) => string;

/** Whether an instant is local midnight in the zone. */
const atMidnight = (at: string, timeZone: string) =>
  instantAt(localDateOf(at, timeZone), 0, timeZone).getTime() === new Date(at).getTime();

/**
 * A stretch of unavailability in words: "Fri 27 Nov – Sun 29 Nov (whole days)",
 * "Fri 27 Nov (all day)", "Fri 27 Nov, 06:00–09:00", "Fri 27 Nov 18:00 – Sat 28 Nov 09:00".
 */
export function stretchText(
  start: string,
  end: string,
  timeZone: string,
  t: TNightsT,
  f: Pick<TFormat, "clockIn" | "shortDay">,
): string {
  const [sd, ed] = [localDateOf(start, timeZone), localDateOf(end, timeZone)];
  if (atMidnight(start, timeZone) && atMidnight(end, timeZone) && ed > sd) {
    const lastDay = addDays(ed, -1);
    return lastDay === sd
      ? t("stretch.allDay", { day: f.shortDay(sd) })
      : t("stretch.wholeDays", { first: f.shortDay(sd), last: f.shortDay(lastDay) });
  }
  const [sc, ec] = [f.clockIn(start, timeZone), f.clockIn(end, timeZone)];
  if (sd === ed) return t("stretch.sameDay", { day: f.shortDay(sd), start: sc, end: ec });
  return t("stretch.span", { startDay: f.shortDay(sd), start: sc, endDay: f.shortDay(ed), end: ec });
}
