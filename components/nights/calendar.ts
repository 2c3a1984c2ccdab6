// Calendar views over local dates (lib/time/local-date.ts): weeks start on the
// household's first day of the week (localeConventions(householdLocale).firstDay,
// lib/i18n/locales.ts: 1 = Monday, 7 = Sunday).
import { addDays, addMonths, daysBetween, firstOfMonth, isoWeekday } from "@/lib/time/local-date";

export type TCalendarView = "week" | "month";

/** The first day of a week: 1 = Monday … 7 = Sunday (ISO). */
export type TFirstDay = 1 | 7;

export type TCalendarRange = {
  view: TCalendarView;
  /** The date the view is about: the first day of the week, or the 1st of the month. */
  anchor: string;
  /** First and last nights shown (a month grid runs in whole weeks around the month). */
  first: string;
  last: string;
  count: number;
  previous: string;
  next: string;
};

/** The first day (`firstDay`, ISO) of the week that holds `date`. */
export function weekStartOf(date: string, firstDay: TFirstDay = 1): string {
  return addDays(date, -((isoWeekday(date) - firstDay + 7) % 7));
}

/** The ISO weekdays (1 = Monday … 7 = Sunday) in the order a week shows them. */
export function weekdayOrder(firstDay: TFirstDay = 1): number[] {
  return Array.from({ length: 7 }, (_, i) => ((firstDay - 1 + i) % 7) + 1);
}

/** The nights a view shows around `from` (a week from its first day; a month in whole weeks). */
export function calendarRange(view: TCalendarView, from: string, firstDay: TFirstDay): TCalendarRange {
  if (view === "week") {
    const anchor = weekStartOf(from, firstDay);
    return {
      view,
      anchor,
      first: anchor,
      last: addDays(anchor, 6),
      count: 7,
      previous: addDays(anchor, -7),
      next: addDays(anchor, 7),
    };
  }
  const anchor = firstOfMonth(from);
  const first = weekStartOf(anchor, firstDay);
  const lastOfMonth = addDays(addMonths(anchor, 1), -1);
  const last = addDays(weekStartOf(lastOfMonth, firstDay), 6);
  return {
    view,
    anchor,
    first,
    last,
    count: daysBetween(first, last) + 1,
    previous: addMonths(anchor, -1),
    next: addMonths(anchor, 1),
  };
}

/** The link to a calendar view; the default view and "today" stay out of the URL. */
export function nightsHref(view: TCalendarView, from?: string): string {
  const params = new URLSearchParams();
  if (view !== "week") params.set("view", view);
  if (from) params.set("from", from);
  const q = params.toString();
  return q ? `/nights?${q}` : "/nights";
}
