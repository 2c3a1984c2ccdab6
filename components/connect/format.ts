// Formatting for the Connect screens. Plan dates are calendar dates, shown at
// noon UTC so no zone moves them; instants (when something was ticked off)
// are shown in the household's zone. Pure: server and client share it.

import type { TPartOfDay } from "@/lib/connect/read-plan";

const LOCALE = "en-GB";
const noon = (date: string) => new Date(`${date}T12:00:00Z`);
const longDay = new Intl.DateTimeFormat(LOCALE, { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const shortDayF = new Intl.DateTimeFormat(LOCALE, {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const weekdayF = new Intl.DateTimeFormat(LOCALE, { weekday: "long", timeZone: "UTC" });

/** "Thursday 26 November". */
export const dayName = (date: string) => longDay.format(noon(date));
/** "Thu 26 Nov". */
export const shortDayName = (date: string) => shortDayF.format(noon(date));
export const weekdayName = (date: string) => weekdayF.format(noon(date));

/** "Today", "Yesterday", "Tomorrow" or "Thursday 26 November". */
export function relativeDay(date: string, today: string): string {
  const diff = Math.round((noon(date).getTime() - noon(today).getTime()) / 86_400_000);
  if (diff === 0) return "Today";
  if (diff === -1) return "Yesterday";
  if (diff === 1) return "Tomorrow";
  return dayName(date);
}

export function timeIn(at: string, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALE, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(
    new Date(at),
  );
}

export const PART_LABEL: Record<TPartOfDay, string> = {
  any: "Any time",
  morning: "Morning",
  afternoon: "Afternoon",
  evening: "Evening",
};

export const ISO_WEEKDAYS = [
  { n: 1, short: "Mon", long: "Monday" },
  { n: 2, short: "Tue", long: "Tuesday" },
  { n: 3, short: "Wed", long: "Wednesday" },
  { n: 4, short: "Thu", long: "Thursday" },
  { n: 5, short: "Fri", long: "Friday" },
  { n: 6, short: "Sat", long: "Saturday" },
  { n: 7, short: "Sun", long: "Sunday" },
];
