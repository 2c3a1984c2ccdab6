// Recurring plan items are rules, never rows per day: this expands a rule over
// the local calendar dates a screen shows. Dates are "YYYY-MM-DD" in the
// household's time zone and are counted as whole days (UTC arithmetic on the
// date alone), so DST changes and month ends cannot shift or drop a day.
import { Recurrence } from "@/lib/generated/prisma/enums";
import { msg } from "@/lib/i18n/text";
import { dayNumber, fromDayNumber, isoWeekday, isRealDate, type TLocalDate } from "@/lib/time/local-date";

export type TRecurrence = Recurrence;
export const RECURRENCES: readonly TRecurrence[] = Object.values(Recurrence);

export type TRule = {
  startDate: TLocalDate;
  /** Inclusive; null = no end. */
  untilDate: TLocalDate | null;
  recurrence: TRecurrence;
  /** ISO weekdays 1 (Monday) … 7 (Sunday), for "days". */
  weekdays: number[];
  /** For "every_n": every this many days from startDate. */
  intervalDays: number | null;
};

/** Whether the rule puts the item on this date. */
export function occursOn(rule: TRule, date: TLocalDate): boolean {
  const n = dayNumber(date);
  const start = dayNumber(rule.startDate);
  if (n < start) return false;
  if (rule.untilDate && n > dayNumber(rule.untilDate)) return false;
  switch (rule.recurrence) {
    case "once":
      return n === start;
    case "daily":
      return true;
    case "weekdays":
      return isoWeekday(date) <= 5;
    case "days":
      return rule.weekdays.includes(isoWeekday(date));
    case "every_n": {
      const every = rule.intervalDays ?? 0;
      return every >= 1 && (n - start) % every === 0;
    }
  }
}

/** The dates in [from, to] the rule falls on, in order. */
export function expand(rule: TRule, from: TLocalDate, to: TLocalDate): TLocalDate[] {
  const lo = Math.max(dayNumber(from), dayNumber(rule.startDate));
  const hi = rule.untilDate ? Math.min(dayNumber(to), dayNumber(rule.untilDate)) : dayNumber(to);
  const out: TLocalDate[] = [];
  for (let n = lo; n <= hi; n++) {
    const d = fromDayNumber(n);
    if (occursOn(rule, d)) out.push(d);
  }
  return out;
}

/** A rule that can never fall on any day is refused before it is saved (a message reference, lib/i18n/text.ts). */
export function ruleProblem(rule: TRule): string | null {
  if (!isRealDate(rule.startDate)) return msg("connect.errors.chooseDay");
  if (rule.untilDate && !isRealDate(rule.untilDate)) return msg("connect.errors.chooseLastDay");
  if (rule.untilDate && dayNumber(rule.untilDate) < dayNumber(rule.startDate))
    return msg("connect.errors.lastBeforeFirst");
  if (rule.recurrence === "days") {
    if (!rule.weekdays.length) return msg("connect.errors.chooseAWeekday");
    if (rule.weekdays.some((w) => !Number.isInteger(w) || w < 1 || w > 7)) return msg("connect.errors.weekdayRange");
  }
  if (
    rule.recurrence === "every_n" &&
    (!Number.isInteger(rule.intervalDays) || (rule.intervalDays ?? 0) < 1 || (rule.intervalDays ?? 0) > 60)
  ) {
    return msg("connect.errors.intervalRange");
  }
  return null;
}

/** The ISO weekdays' catalogue keys, Monday first (connect.rule.on.<day>: "Mondays"…). */
const ON_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/**
 * "Every day", "Weekdays", "Mondays and Thursdays", "Every 3 days", or null
 * for once: a message reference (connect.rule.*; the list of days is one
 * message with a case per count, so each language joins it its own way).
 */
export function describeRule(rule: Pick<TRule, "recurrence" | "weekdays" | "intervalDays">): string | null {
  switch (rule.recurrence) {
    case "once":
      return null;
    case "daily":
      return msg("connect.rule.daily");
    case "weekdays":
      return msg("connect.rule.weekdays");
    case "days": {
      const days = [...new Set(rule.weekdays)]
        .filter((w) => w >= 1 && w <= 7)
        .sort((a, b) => a - b)
        .map((w) => msg(`connect.rule.on.${ON_DAY[w - 1]}`));
      return msg("connect.rule.days", {
        count: days.length,
        ...Object.fromEntries(days.map((d, i) => [`d${i + 1}`, d])),
      });
    }
    case "every_n":
      return msg("connect.rule.everyN", { count: rule.intervalDays ?? 0 });
  }
}
