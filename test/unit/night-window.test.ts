import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currentOrNextNight, nightWindow } from "@/lib/nights/night-window";
import { addDays, localDateOf } from "@/lib/time/local-date";

const HOUR = 3600_000;
const ZONES = [
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Sao_Paulo",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Pacific/Auckland",
  "UTC",
];

describe("night window", () => {
  it("is 12 hours on an ordinary night and named by its local start date", () => {
    const w = nightWindow("2026-11-26", "Europe/Berlin", 19 * 60, 7 * 60);
    expect(w.start.toISOString()).toBe("2026-11-26T18:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-11-27T06:00:00.000Z");
  });

  it("follows the clock across daylight saving: 11 hours in spring, 13 in autumn", () => {
    const spring = nightWindow("2026-03-28", "Europe/London", 19 * 60, 7 * 60);
    expect((spring.end.getTime() - spring.start.getTime()) / HOUR).toBe(11);
    const autumn = nightWindow("2026-10-24", "Europe/London", 19 * 60, 7 * 60);
    expect((autumn.end.getTime() - autumn.start.getTime()) / HOUR).toBe(13);
    const ny = nightWindow("2026-03-07", "America/New_York", 20 * 60, 6 * 60);
    expect((ny.end.getTime() - ny.start.getTime()) / HOUR).toBe(9);
  });

  it("a window that does not cross midnight stays on its date", () => {
    const w = nightWindow("2026-06-01", "UTC", 1 * 60, 5 * 60);
    expect(w.start.toISOString()).toBe("2026-06-01T01:00:00.000Z");
    expect(w.end.toISOString()).toBe("2026-06-01T05:00:00.000Z");
  });

  it("tonight is the night in progress, else the next one", () => {
    const tz = "Europe/Berlin";
    // 03:00 local on the 27th: still the night of the 26th.
    expect(currentOrNextNight(new Date("2026-11-27T02:00:00Z"), tz, 1140, 420).date).toBe("2026-11-26");
    // 15:00 local on the 27th: the coming night of the 27th.
    expect(currentOrNextNight(new Date("2026-11-27T14:00:00Z"), tz, 1140, 420).date).toBe("2026-11-27");
    // 22:00 local on the 27th: in progress.
    expect(currentOrNextNight(new Date("2026-11-27T21:00:00Z"), tz, 1140, 420).date).toBe("2026-11-27");
  });

  it("addDays crosses month and year ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });

  it("property: every night starts on its own local date, ends after it starts, and lasts the wall-clock length ± 1 h", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.integer({ min: 17 * 60, max: 23 * 60 + 59 }),
        fc.integer({ min: 4 * 60, max: 9 * 60 }),
        (tz, offset, start, end) => {
          const date = addDays("2025-01-01", offset);
          const w = nightWindow(date, tz, start, end);
          // In whole minutes, so no float rounding (1.0000000000000018 h) can fail an exact hour.
          const minutes = (w.end.getTime() - w.start.getTime()) / 60_000;
          const wall = 24 * 60 - start + end;
          expect(localDateOf(w.start, tz)).toBe(date);
          expect(Math.abs(minutes - wall)).toBeLessThanOrEqual(60);
          // Consecutive nights never overlap.
          const next = nightWindow(addDays(date, 1), tz, start, end);
          expect(next.start.getTime()).toBeGreaterThanOrEqual(w.end.getTime());
        },
      ),
      { numRuns: 400 },
    );
  });
});
