import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { nightWindow } from "@/lib/nights/night-window";
import { resolveLocalTime, instantAt } from "@/lib/time/local-time";
import { addDays, localDateOf } from "@/lib/time/local-date";

const HOUR = 3600_000;
const ZONES = ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Auckland"];

/** The local date and minutes after midnight of an instant, read with Intl only. */
function wallClock(instant: Date, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

const iso = (date: string, minutes: number, tz: string) => resolveLocalTime(date, minutes, tz);

describe("local times across DST", () => {
  const systemTz = process.env.TZ;
  afterEach(() => {
    if (systemTz === undefined) delete process.env.TZ;
    else process.env.TZ = systemTz;
  });

  it("a time that does not exist moves forward by the gap", () => {
    // New York, 2026-03-08: 02:00 EST → 03:00 EDT.
    expect(iso("2026-03-08", 150, "America/New_York")).toEqual({
      instant: new Date("2026-03-08T07:30:00Z"),
      kind: "skipped",
    }); // 03:30 EDT
    // London, 2026-03-29: 01:00 GMT → 02:00 BST.
    expect(iso("2026-03-29", 90, "Europe/London")).toEqual({
      instant: new Date("2026-03-29T01:30:00Z"),
      kind: "skipped",
    }); // 02:30 BST
    // Lord Howe, 2026-10-04: 02:00 (+10:30) → 02:30 (+11), a 30-minute gap.
    expect(iso("2026-10-04", 135, "Australia/Lord_Howe")).toEqual({
      instant: new Date("2026-10-03T15:45:00Z"),
      kind: "skipped",
    }); // 02:45
    // Auckland, 2026-09-27: 02:00 NZST → 03:00 NZDT.
    expect(iso("2026-09-27", 150, "Pacific/Auckland")).toEqual({
      instant: new Date("2026-09-26T14:30:00Z"),
      kind: "skipped",
    }); // 03:30
  });

  it("a time that exists twice takes its first occurrence", () => {
    expect(iso("2026-11-01", 90, "America/New_York")).toEqual({
      instant: new Date("2026-11-01T05:30:00Z"),
      kind: "repeated",
    }); // 01:30 EDT
    expect(iso("2026-10-25", 90, "Europe/London")).toEqual({
      instant: new Date("2026-10-25T00:30:00Z"),
      kind: "repeated",
    }); // 01:30 BST
    expect(iso("2026-10-25", 60, "Europe/London")).toEqual({
      instant: new Date("2026-10-25T00:00:00Z"),
      kind: "repeated",
    });
    expect(iso("2026-04-05", 105, "Australia/Lord_Howe")).toEqual({
      instant: new Date("2026-04-04T14:45:00Z"),
      kind: "repeated",
    }); // 01:45 +11
    expect(iso("2026-04-05", 150, "Pacific/Auckland")).toEqual({
      instant: new Date("2026-04-04T13:30:00Z"),
      kind: "repeated",
    }); // 02:30 NZDT
  });

  it("ordinary times are exact", () => {
    expect(iso("2026-06-01", 19 * 60, "UTC")).toEqual({ instant: new Date("2026-06-01T19:00:00Z"), kind: "exact" });
    expect(iso("2026-06-01", 19 * 60, "Asia/Kolkata")).toEqual({
      instant: new Date("2026-06-01T13:30:00Z"),
      kind: "exact",
    });
    // The end of the repeated stretch is no longer repeated.
    expect(iso("2026-10-25", 120, "Europe/London")).toEqual({
      instant: new Date("2026-10-25T02:00:00Z"),
      kind: "exact",
    });
  });

  it("does not depend on the server's own time zone (a TZDate built from fields did, for repeated times)", () => {
    const results = new Set<string>();
    for (const system of ["UTC", "Europe/London", "America/Los_Angeles", "Australia/Lord_Howe", "Pacific/Auckland"]) {
      process.env.TZ = system;
      results.add(
        [
          instantAt("2026-10-25", 90, "Europe/London"),
          instantAt("2026-11-01", 90, "America/New_York"),
          instantAt("2026-04-05", 105, "Australia/Lord_Howe"),
          instantAt("2026-04-05", 150, "Pacific/Auckland"),
          instantAt("2026-03-08", 150, "America/New_York"),
        ]
          .map((d) => d.toISOString())
          .join(" "),
      );
    }
    expect([...results]).toEqual([
      "2026-10-25T00:30:00.000Z 2026-11-01T05:30:00.000Z 2026-04-04T14:45:00.000Z 2026-04-04T13:30:00.000Z 2026-03-08T07:30:00.000Z",
    ]);
  });

  it("nights last what the clock says, also with a 30-minute DST change", () => {
    const lh = nightWindow("2026-10-03", "Australia/Lord_Howe", 19 * 60, 7 * 60);
    expect((lh.end.getTime() - lh.start.getTime()) / HOUR).toBe(11.5);
    const lhAutumn = nightWindow("2026-04-04", "Australia/Lord_Howe", 19 * 60, 7 * 60);
    expect((lhAutumn.end.getTime() - lhAutumn.start.getTime()) / HOUR).toBe(12.5);
  });

  it("property: exact and repeated times read back as asked (repeated: the earlier one); skipped times land the gap later", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: -400, max: 800 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (tz, offset, minutes) => {
          const date = addDays("2026-01-01", offset);
          const { instant, kind } = resolveLocalTime(date, minutes, tz);
          const back = wallClock(instant, tz);
          if (kind === "skipped") {
            expect(back.date).toBe(date);
            expect([30, 60]).toContain(back.minutes - minutes);
            return;
          }
          expect(back).toEqual({ date, minutes });
          // The earlier occurrence: 30 or 60 minutes before reads differently; for a repeated time, after reads the same.
          for (const shift of [30, 60])
            expect(wallClock(new Date(instant.getTime() - shift * 60_000), tz)).not.toEqual({ date, minutes });
          if (kind === "repeated")
            expect(
              [30, 60].some((shift) => wallClock(new Date(instant.getTime() + shift * 60_000), tz).minutes === minutes),
            ).toBe(true);
          expect(localDateOf(instant, tz)).toBe(date);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("property: around each DST change, every minute of the day is resolved by the rule", () => {
    const changes: [string, string][] = [
      ["America/New_York", "2026-03-08"],
      ["America/New_York", "2026-11-01"],
      ["Europe/London", "2026-03-29"],
      ["Europe/London", "2026-10-25"],
      ["Australia/Lord_Howe", "2026-04-05"],
      ["Australia/Lord_Howe", "2026-10-04"],
      ["Pacific/Auckland", "2026-04-05"],
      ["Pacific/Auckland", "2026-09-27"],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...changes), fc.integer({ min: 0, max: 4 * 60 }), ([tz, date], minutes) => {
        const { instant, kind } = resolveLocalTime(date, minutes, tz);
        const back = wallClock(instant, tz);
        if (kind === "skipped") expect(back.minutes).toBeGreaterThan(minutes);
        else expect(back.minutes).toBe(minutes);
      }),
      { numRuns: 500 },
    );
  });
});
