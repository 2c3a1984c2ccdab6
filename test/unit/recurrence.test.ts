// Recurrence expansion over local calendar dates: examples, then properties
// over random rules and ranges (month ends, leap years, every N days), and
// "today" in a time zone across DST changes.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { describeRule, expand, occursOn, ruleProblem, type TRule } from "@/lib/connect/recurrence";
import {
  addDays,
  datesBetween,
  dayNumber,
  isoWeekday,
  isRealDate,
  localDateOf,
  mondayOf,
  weekStartOf,
} from "@/lib/time/local-date";
import { english } from "@/lib/i18n/english";

const rule = (r: Partial<TRule>): TRule => ({
  startDate: "2026-01-01",
  untilDate: null,
  recurrence: "daily",
  weekdays: [],
  intervalDays: null,
  ...r,
});

describe("examples", () => {
  it("weekdays, across a month end and a year end", () => {
    expect(expand(rule({ recurrence: "weekdays", startDate: "2026-12-28" }), "2026-12-26", "2027-01-05")).toEqual([
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-04",
      "2027-01-05",
    ]);
  });
  it("chosen days", () => {
    expect(expand(rule({ recurrence: "days", weekdays: [6, 7] }), "2026-11-23", "2026-12-06")).toEqual([
      "2026-11-28",
      "2026-11-29",
      "2026-12-05",
      "2026-12-06",
    ]);
  });
  it("every 3 days through February of a leap year", () => {
    expect(
      expand(rule({ recurrence: "every_n", intervalDays: 3, startDate: "2028-02-25" }), "2028-02-20", "2028-03-08"),
    ).toEqual(["2028-02-25", "2028-02-28", "2028-03-02", "2028-03-05", "2028-03-08"]);
  });
  it("once, and an end date that is inclusive", () => {
    expect(
      expand(
        rule({ recurrence: "once", startDate: "2026-03-29", untilDate: "2026-03-29" }),
        "2026-03-01",
        "2026-03-31",
      ),
    ).toEqual(["2026-03-29"]);
    expect(expand(rule({ startDate: "2026-03-28", untilDate: "2026-03-30" }), "2026-03-01", "2026-03-31")).toEqual([
      "2026-03-28",
      "2026-03-29",
      "2026-03-30",
    ]);
  });
  it("ISO weekdays and week starts", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4);
    expect(isoWeekday("1969-12-29")).toBe(1);
    expect(mondayOf("2026-11-29")).toBe("2026-11-23");
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  });
  it("a week starts on the household's first day: Monday, or Sunday (en-US)", () => {
    // Thursday 26 November 2026; Sunday 29 November; Friday 1 January 2027 (a year's turn).
    expect(weekStartOf("2026-11-26", 1)).toBe("2026-11-23");
    expect(weekStartOf("2026-11-26", 7)).toBe("2026-11-22");
    expect(weekStartOf("2026-11-29", 1)).toBe("2026-11-23");
    expect(weekStartOf("2026-11-29", 7)).toBe("2026-11-29");
    expect(weekStartOf("2026-11-28", 7)).toBe("2026-11-22");
    expect(weekStartOf("2027-01-01", 7)).toBe("2026-12-27");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 1, max: 7 }), (n, firstDay) => {
        const date = addDays("1970-01-01", n);
        const start = weekStartOf(date, firstDay);
        expect(isoWeekday(start)).toBe(firstDay);
        expect(dayNumber(date) - dayNumber(start)).toBeGreaterThanOrEqual(0);
        expect(dayNumber(date) - dayNumber(start)).toBeLessThan(7);
        if (firstDay === 1) expect(start).toBe(mondayOf(date));
      }),
    );
  });
  it("refuses rules that can never happen, and describes the rest", () => {
    const problem = (r: TRule) => english(ruleProblem(r) ?? "");
    expect(problem(rule({ recurrence: "days", weekdays: [] }))).toMatch(/at least one day/);
    expect(problem(rule({ recurrence: "every_n", intervalDays: 0 }))).toMatch(/1 to 60/);
    expect(problem(rule({ untilDate: "2025-12-31" }))).toMatch(/before the first/);
    expect(problem(rule({ startDate: "2026-02-29" }))).toMatch(/Choose a day/);
    expect(ruleProblem(rule({}))).toBeNull();
    const described = (r: TRule) => english(describeRule(r) ?? "");
    expect(described(rule({ recurrence: "days", weekdays: [4, 1] }))).toBe("Mondays and Thursdays");
    expect(described(rule({ recurrence: "days", weekdays: [7, 3, 1] }))).toBe("Mondays, Wednesdays and Sundays");
    expect(described(rule({ recurrence: "days", weekdays: [1, 2, 3, 4, 5, 6, 7] }))).toBe(
      "Mondays, Tuesdays, Wednesdays, Thursdays, Fridays, Saturdays and Sundays",
    );
    expect(described(rule({ recurrence: "days", weekdays: [5] }))).toBe("Fridays");
    expect(described(rule({ recurrence: "every_n", intervalDays: 3 }))).toBe("Every 3 days");
    expect(described(rule({ recurrence: "every_n", intervalDays: 1 }))).toBe("Every day");
    expect(described(rule({ recurrence: "daily" }))).toBe("Every day");
    expect(described(rule({ recurrence: "weekdays" }))).toBe("Weekdays");
    expect(describeRule(rule({ recurrence: "once" }))).toBeNull();
  });
  it("knows real dates", () => {
    expect(isRealDate("2028-02-29")).toBe(true);
    expect(isRealDate("2027-02-29")).toBe(false);
    expect(isRealDate("2026-13-01")).toBe(false);
    expect(isRealDate("26-1-1")).toBe(false);
  });
});

// Dates between 2000 and 2060, as day numbers.
const dayArb = fc
  .integer({ min: dayNumber("2000-01-01"), max: dayNumber("2060-12-31") })
  .map((n) => addDays("1970-01-01", n));
const ruleArb = fc
  .record({
    startDate: dayArb,
    untilOffset: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    recurrence: fc.constantFrom("once", "daily", "weekdays", "days", "every_n") as fc.Arbitrary<TRule["recurrence"]>,
    weekdays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    intervalDays: fc.integer({ min: 1, max: 60 }),
  })
  .map((r): TRule => ({
    startDate: r.startDate,
    untilDate:
      r.recurrence === "once" ? r.startDate : r.untilOffset === null ? null : addDays(r.startDate, r.untilOffset),
    recurrence: r.recurrence,
    weekdays: r.recurrence === "days" ? r.weekdays : [],
    intervalDays: r.recurrence === "every_n" ? r.intervalDays : null,
  }));
const rangeArb = fc
  .tuple(dayArb, fc.integer({ min: 0, max: 120 }))
  .map(([from, len]) => ({ from, to: addDays(from, len) }));

describe("properties", () => {
  it("expand = the dates in range where occursOn holds, in order, without duplicates, inside start..until", () => {
    fc.assert(
      fc.property(ruleArb, rangeArb, (r, { from, to }) => {
        const got = expand(r, from, to);
        const want = datesBetween(from, to).filter((d) => occursOn(r, d));
        expect(got).toEqual(want);
        for (const d of got) {
          expect(d >= r.startDate).toBe(true);
          if (r.untilDate) expect(d <= r.untilDate).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every N days: consecutive occurrences are exactly N days apart, across any month end", () => {
    fc.assert(
      fc.property(
        dayArb,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 30, max: 400 }),
        (start, n, before, len) => {
          const from = addDays(start, -before);
          const got = expand(
            rule({ startDate: start, recurrence: "every_n", intervalDays: n }),
            from,
            addDays(from, len),
          );
          if (got.length) expect(got[0]).toBe(start);
          for (let i = 1; i < got.length; i++) expect(dayNumber(got[i]!) - dayNumber(got[i - 1]!)).toBe(n);
        },
      ),
    );
  });

  it("a week holds five weekday occurrences, and one per chosen weekday", () => {
    fc.assert(
      fc.property(dayArb, fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }), (d, days) => {
        const monday = mondayOf(d);
        const sunday = addDays(monday, 6);
        const start = addDays(monday, -30);
        expect(expand(rule({ startDate: start, recurrence: "weekdays" }), monday, sunday)).toHaveLength(5);
        expect(
          expand(rule({ startDate: start, recurrence: "days", weekdays: days }), monday, sunday)
            .map(isoWeekday)
            .sort(),
        ).toEqual([...days].sort());
        expect(expand(rule({ startDate: start }), monday, sunday)).toHaveLength(7);
      }),
    );
  });

  it("date arithmetic round-trips and weekdays advance by one each day", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: -1000, max: 1000 }), (d, k) => {
        expect(isRealDate(d)).toBe(true);
        expect(addDays(addDays(d, k), -k)).toBe(d);
        expect(dayNumber(addDays(d, k)) - dayNumber(d)).toBe(k);
        expect(isoWeekday(addDays(d, 1))).toBe((isoWeekday(d) % 7) + 1);
      }),
    );
  });
});

describe("today in the household's zone, across DST", () => {
  const zones = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "America/St_Johns",
  ];

  it("examples on change days", () => {
    // 23:30 local on the night clocks go back in Berlin (25-hour day) is still the 25th.
    expect(localDateOf(new Date("2026-10-25T22:30:00Z"), "Europe/Berlin")).toBe("2026-10-25");
    expect(localDateOf(new Date("2026-10-25T23:00:00Z"), "Europe/Berlin")).toBe("2026-10-26");
    // New York's spring-forward day: 00:30 and 23:30 local are the same date.
    expect(localDateOf(new Date("2026-03-08T05:30:00Z"), "America/New_York")).toBe("2026-03-08");
    expect(localDateOf(new Date("2026-03-09T03:30:00Z"), "America/New_York")).toBe("2026-03-08");
  });

  it("every local day is seen once, in order, hour by hour through DST changes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (tz, startMs) => {
          let prev = localDateOf(new Date(startMs), tz);
          // 10 days in 30-minute steps: each step either stays on the date or moves to the next one.
          for (let t = startMs + 1_800_000; t < startMs + 10 * 86_400_000; t += 1_800_000) {
            const d = localDateOf(new Date(t), tz);
            expect([prev, addDays(prev, 1)]).toContain(d);
            prev = d;
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
