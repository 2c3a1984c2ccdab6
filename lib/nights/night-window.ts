import { addDays, localDateOf, type TLocalDate } from "@/lib/time/local-date";
import { instantAt } from "@/lib/time/local-time";

export type { TLocalDate };

export type TNightWindow = { date: TLocalDate; start: Date; end: Date };

/**
 * The night named by `date`: from nightStart on that date to nightEnd on the
 * next date (or the same date when the window does not cross midnight). Its
 * length follows the clock, so it is 23 or 25 hours around DST changes.
 */
export function nightWindow(date: TLocalDate, timeZone: string, nightStart: number, nightEnd: number): TNightWindow {
  const endDate = nightEnd > nightStart ? date : addDays(date, 1);
  return { date, start: instantAt(date, nightStart, timeZone), end: instantAt(endDate, nightEnd, timeZone) };
}

/**
 * The night to show as "tonight" at an instant: the one in progress, or else
 * the next one to start.
 */
export function currentOrNextNight(now: Date, timeZone: string, nightStart: number, nightEnd: number): TNightWindow {
  const today = localDateOf(now, timeZone);
  const yesterday = nightWindow(addDays(today, -1), timeZone, nightStart, nightEnd);
  if (now < yesterday.end) return yesterday;
  const tonight = nightWindow(today, timeZone, nightStart, nightEnd);
  if (now < tonight.end) return tonight;
  return nightWindow(addDays(today, 1), timeZone, nightStart, nightEnd);
}
