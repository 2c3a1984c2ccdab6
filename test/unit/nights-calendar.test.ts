import { describe, expect, it } from "vitest";
import { calendarRange, weekdayOrder, weekStartOf } from "@/components/nights/calendar";
import { localeConventions } from "@/lib/i18n/locales";
import { isoWeekday } from "@/lib/time/local-date";

// 2026-11-25 is a Wednesday; 2026-11-22 the Sunday before it, 2026-11-23 the Monday.
describe("calendar weeks start on the household's first day", () => {
  it("a Sunday-first week (en-US) runs Sunday to Saturday", () => {
    const { firstDay } = localeConventions("en-US");
    expect(firstDay).toBe(7);
    const week = calendarRange("week", "2026-11-25", firstDay);
    expect(week).toMatchObject({ anchor: "2026-11-22", first: "2026-11-22", last: "2026-11-28", count: 7 });
    expect(week.previous).toBe("2026-11-15");
    expect(week.next).toBe("2026-11-29");
    // A Sunday is the first day of its own week.
    expect(weekStartOf("2026-11-22", 7)).toBe("2026-11-22");
    expect(weekdayOrder(7)).toEqual([7, 1, 2, 3, 4, 5, 6]);
  });

  it("a Monday-first week (en-GB) runs Monday to Sunday", () => {
    const week = calendarRange("week", "2026-11-25", localeConventions("en-GB").firstDay);
    expect(week).toMatchObject({ first: "2026-11-23", last: "2026-11-29" });
    expect(weekStartOf("2026-11-22", 1)).toBe("2026-11-16");
    expect(weekdayOrder(1)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("a Sunday-first month grid is whole Sunday-to-Saturday weeks around the month", () => {
    // November 2026: the 1st is a Sunday, the 30th a Monday.
    const month = calendarRange("month", "2026-11-25", 7);
    expect(month).toMatchObject({ anchor: "2026-11-01", first: "2026-11-01", last: "2026-12-05", count: 35 });
    expect(isoWeekday(month.first)).toBe(7);
    expect(isoWeekday(month.last)).toBe(6);
    // Monday first, the same month needs six rows.
    const mondays = calendarRange("month", "2026-11-25", 1);
    expect(mondays).toMatchObject({ first: "2026-10-26", last: "2026-12-06", count: 42 });
  });
});
