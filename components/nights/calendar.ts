// Calendar views over local dates (lib/time/local-date.ts): weeks start on Monday.
import { addDays, addMonths, daysBetween, firstOfMonth, isoWeekday, mondayOf } from "@/lib/time/local-date";

export type TCalendarView = "week" | "month";

export type TCalendarRange = {
  view: TCalendarView;
  /** The date the view is about: the Monday of the week, or the 1st of the month. */
  anchor: string;
  /** First and last nights shown (a month grid runs Monday to Sunday around the month). */
  first: string;
  last: string;
  count: number;
  previous: string;
  next: string;
};

/** The nights a view shows around `from` (a week from its Monday; a month in whole weeks). */
export function calendarRange(view: TCalendarView, from: string): TCalendarRange {
  if (view === "week") {
    const anchor = mondayOf(from);
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
  const first = mondayOf(anchor);
  const lastOfMonth = addDays(addMonths(anchor, 1), -1);
  const last = addDays(lastOfMonth, 6 - (isoWeekday(lastOfMonth) - 1));
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
