// Calendar arithmetic on local dates ("YYYY-MM-DD"): weeks start on Monday.
import { addDays } from "@/lib/nights/night-window";

export type TCalendarView = "week" | "month";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date between 2000 and 2100, or null. */
export function parseLocalDate(value: string | undefined): string | null {
  if (!value || !DATE.test(value)) return null;
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) return null;
  if (value < "2000-01-01" || value > "2100-12-31") return null;
  return value;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  return (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
}

export function mondayOf(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

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
  const last = addDays(lastOfMonth, 6 - weekdayIndex(lastOfMonth));
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
