import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isNightTime, parseTheme, resolvePalette, type TNightClock } from "@/lib/theme";
import { clockIn } from "@/lib/format";

const LONDON: TNightClock = { timeZone: "Europe/London", nightStart: 19 * 60, nightEnd: 7 * 60 };
const at = (iso: string) => new Date(iso);

describe("Follow the night (theme auto)", () => {
  it("is the default choice, for a missing or unknown cookie", () => {
    expect(parseTheme(undefined)).toBe("auto");
    expect(parseTheme("<script>")).toBe("auto");
    expect(parseTheme("system")).toBe("system");
  });

  it("is night inside a window that crosses midnight, day outside; start inclusive, end exclusive", () => {
    expect(isNightTime(at("2026-12-02T02:30:00Z"), LONDON)).toBe(true);
    expect(isNightTime(at("2026-12-02T23:59:00Z"), LONDON)).toBe(true);
    expect(isNightTime(at("2026-12-02T00:00:00Z"), LONDON)).toBe(true);
    expect(isNightTime(at("2026-12-02T19:00:00Z"), LONDON)).toBe(true);
    expect(isNightTime(at("2026-12-02T18:59:00Z"), LONDON)).toBe(false);
    expect(isNightTime(at("2026-12-02T06:59:00Z"), LONDON)).toBe(true);
    expect(isNightTime(at("2026-12-02T07:00:00Z"), LONDON)).toBe(false);
    expect(isNightTime(at("2026-12-02T12:00:00Z"), LONDON)).toBe(false);
  });

  it("reads the household's own clock, not the server's (summer time, other zones)", () => {
    // 06:30 BST is 05:30 UTC: still night; 07:30 BST is 06:30 UTC: day.
    expect(isNightTime(at("2026-07-02T05:30:00Z"), LONDON)).toBe(true);
    expect(isNightTime(at("2026-07-02T06:30:00Z"), LONDON)).toBe(false);
    const sydney: TNightClock = { timeZone: "Australia/Sydney", nightStart: 20 * 60, nightEnd: 6 * 60 };
    // 12:00 UTC is 23:00 in Sydney (AEDT, +11) in December.
    expect(isNightTime(at("2026-12-02T12:00:00Z"), sydney)).toBe(true);
    expect(isNightTime(at("2026-12-02T02:00:00Z"), sydney)).toBe(false);
  });

  it("handles a window that does not cross midnight", () => {
    const late: TNightClock = { timeZone: "UTC", nightStart: 60, nightEnd: 6 * 60 };
    expect(isNightTime(at("2026-12-02T00:30:00Z"), late)).toBe(false);
    expect(isNightTime(at("2026-12-02T03:00:00Z"), late)).toBe(true);
    expect(isNightTime(at("2026-12-02T06:00:00Z"), late)).toBe(false);
  });

  it("follows the clock on DST nights: the spring night is an hour shorter, the autumn night an hour longer", () => {
    // Spring, London, 29 March 2026: 01:00 GMT becomes 02:00 BST. The night ends at 07:00 BST = 06:00 UTC.
    expect(isNightTime(at("2026-03-29T01:30:00Z"), LONDON)).toBe(true);
    expect(isNightTime(at("2026-03-29T05:59:00Z"), LONDON)).toBe(true);
    expect(isNightTime(at("2026-03-29T06:00:00Z"), LONDON)).toBe(false);
    // Autumn, London, 25 October 2026: 02:00 BST becomes 01:00 GMT. The night ends at 07:00 GMT.
    expect(isNightTime(at("2026-10-25T00:30:00Z"), LONDON)).toBe(true); // 01:30 BST
    expect(isNightTime(at("2026-10-25T01:30:00Z"), LONDON)).toBe(true); // 01:30 GMT, the second time
    expect(isNightTime(at("2026-10-25T06:30:00Z"), LONDON)).toBe(true); // 06:30 GMT
    expect(isNightTime(at("2026-10-25T07:00:00Z"), LONDON)).toBe(false);
  });

  it("a window starting in the spring-forward gap starts as far past the change as it was past its start", () => {
    // New York, 8 March 2026: 02:00 EST becomes 03:00 EDT; a 02:30 start is read as 03:30 EDT (07:30 UTC).
    const ny: TNightClock = { timeZone: "America/New_York", nightStart: 150, nightEnd: 6 * 60 };
    expect(isNightTime(at("2026-03-08T07:15:00Z"), ny)).toBe(false);
    expect(isNightTime(at("2026-03-08T07:30:00Z"), ny)).toBe(true);
    expect(isNightTime(at("2026-03-08T09:59:00Z"), ny)).toBe(true);
    expect(isNightTime(at("2026-03-08T10:00:00Z"), ny)).toBe(false);
  });

  it("agrees with the household's wall clock at any instant (windows away from DST changes)", () => {
    const zones = ["Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 17, max: 23 }),
        fc.integer({ min: 4, max: 9 }),
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2028, 0, 1) }),
        (timeZone, startHour, endHour, ms) => {
          const now = new Date(Math.floor(ms / 60_000) * 60_000);
          const [h, m] = clockIn(now, timeZone).split(":").map(Number);
          const minute = h! * 60 + m!;
          const expected = minute >= startHour * 60 || minute < endHour * 60;
          return isNightTime(now, { timeZone, nightStart: startHour * 60, nightEnd: endHour * 60 }) === expected;
        },
      ),
      { numRuns: 500 },
    );
  });

  it("resolves the palette: choices other than auto paint themselves; auto without a household follows the system", () => {
    const night = at("2026-12-02T02:30:00Z");
    expect(resolvePalette("auto", night, LONDON)).toBe("night");
    expect(resolvePalette("auto", at("2026-12-02T12:00:00Z"), LONDON)).toBe("day");
    expect(resolvePalette("auto", night, null)).toBe("system");
    expect(resolvePalette("day", night, LONDON)).toBe("day");
    expect(resolvePalette("night", at("2026-12-02T12:00:00Z"), LONDON)).toBe("night");
    expect(resolvePalette("system", night, LONDON)).toBe("system");
  });
});
