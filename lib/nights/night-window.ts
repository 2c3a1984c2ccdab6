import { TZDate } from "@date-fns/tz";

import { parseLocalDate, resolveLocalTime, type TLocalDate } from "./local-time";

export type { TLocalDate };

export type TNightWindow = { date: TLocalDate; start: Date; end: Date };

/** The local calendar date of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): TLocalDate {
  const d = new TZDate(instant.getTime(), timeZone);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function addDays(date: TLocalDate, days: number): TLocalDate {
  const [y, m, d] = parseLocalDate(date);
  const utc = new Date(Date.UTC(y, m - 1, d + days));
  return utc.toISOString().slice(0, 10);
}

/**
 * The instant at a local wall-clock time (minutes after midnight) on a local
 * date. A time skipped by a DST change moves forward by the gap; a repeated
 * one takes its first occurrence (docs/decisions/0007).
 */
export function instantAt(date: TLocalDate, minutes: number, timeZone: string): Date {
  return resolveLocalTime(date, minutes, timeZone).instant;
}

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
