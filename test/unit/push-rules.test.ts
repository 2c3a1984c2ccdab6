// The one rule of push (lib/push/rules.ts): nothing but a tap-out ever
// notifies a caregiver who is off duty during the household's night window.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantAt } from "@/lib/time/local-time";
import { nightWindow } from "@/lib/nights/night-window";
import { addDays } from "@/lib/time/local-date";
import { isOnDuty, nightWindowAt, PUSH_KINDS, pushDecision, type TSpan } from "@/lib/push/rules";

const BERLIN = { timeZone: "Europe/Berlin", nightStart: 19 * 60, nightEnd: 7 * 60 };
const at = (date: string, clock: string, tz = BERLIN.timeZone) => {
  const [h, m] = clock.split(":").map(Number);
  return instantAt(date, h! * 60 + m!, tz);
};

describe("a split night (A 19:00–01:00, B 01:00–07:00)", () => {
  const A: TSpan[] = [{ startsAt: at("2026-11-20", "19:00"), endsAt: at("2026-11-21", "01:00") }];
  const B: TSpan[] = [{ startsAt: at("2026-11-21", "01:00"), endsAt: at("2026-11-21", "07:00") }];

  it("at 03:00 the off-duty A gets a tap-out, and nothing else", () => {
    const t = at("2026-11-21", "03:00");
    expect(pushDecision("tapout", t, A, BERLIN)).toEqual({ action: "send" });
    expect(pushDecision("swap", t, A, BERLIN)).toEqual({ action: "hold", until: at("2026-11-21", "07:00") });
    expect(pushDecision("shift-soon", t, A, BERLIN).action).toBe("drop");
    expect(pushDecision("handoff", t, A, BERLIN).action).toBe("drop");
    expect(pushDecision("tapout-answer", t, A, BERLIN).action).toBe("drop");
  });

  it("at 03:00 the on-duty B gets everything", () => {
    for (const kind of PUSH_KINDS)
      expect(pushDecision(kind, at("2026-11-21", "03:00"), B, BERLIN)).toEqual({ action: "send" });
  });

  it("the hand-over instant belongs to the shift that starts (half-open shifts)", () => {
    const t = at("2026-11-21", "01:00");
    expect(isOnDuty(A, t)).toBe(false);
    expect(isOnDuty(B, t)).toBe(true);
    expect(pushDecision("swap", t, A, BERLIN).action).toBe("hold");
  });

  it("in the day everyone gets everything; the window's end is day", () => {
    for (const t of [at("2026-11-21", "12:00"), at("2026-11-21", "07:00"), at("2026-11-20", "18:59")])
      for (const kind of PUSH_KINDS) expect(pushDecision(kind, t, [], BERLIN)).toEqual({ action: "send" });
    expect(pushDecision("swap", at("2026-11-20", "19:00"), [], BERLIN).action).toBe("hold");
  });
});

describe("DST nights", () => {
  it("Berlin, clocks back (25 Oct 2026): at the second 02:30 a swap waits until 07:00 local (06:00Z)", () => {
    const secondHalf = new Date("2026-10-25T01:30:00Z"); // 02:30 CET, after the change
    const firstHalf = new Date("2026-10-25T00:30:00Z"); // 02:30 CEST
    for (const t of [firstHalf, secondHalf]) {
      expect(nightWindowAt(t, BERLIN)?.date).toBe("2026-10-24");
      expect(pushDecision("swap", t, [], BERLIN)).toEqual({ action: "hold", until: new Date("2026-10-25T06:00:00Z") });
      expect(pushDecision("tapout", t, [], BERLIN)).toEqual({ action: "send" });
    }
  });

  it("New York, clocks forward (8 Mar 2026): the 11-hour night still holds a swap to 07:00 EDT", () => {
    const NY = { timeZone: "America/New_York", nightStart: 19 * 60, nightEnd: 7 * 60 };
    const t = new Date("2026-03-08T07:30:00Z"); // 03:30 EDT
    expect(pushDecision("swap", t, [], NY)).toEqual({ action: "hold", until: new Date("2026-03-08T11:00:00Z") });
    // On duty through the missing hour: everything goes through.
    const shift = [
      { startsAt: at("2026-03-07", "19:00", NY.timeZone), endsAt: at("2026-03-08", "07:00", NY.timeZone) },
    ];
    expect(pushDecision("handoff", t, shift, NY)).toEqual({ action: "send" });
  });
});

describe("the rule, for any household, instant and shifts", () => {
  const zones = [
    "Europe/Berlin",
    "America/New_York",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
    "UTC",
    "America/Sao_Paulo",
  ];
  const arb = fc.record({
    timeZone: fc.constantFrom(...zones),
    nightStart: fc.integer({ min: 0, max: 1439 }),
    nightEnd: fc.integer({ min: 0, max: 1439 }),
    t: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }).map((n) => new Date(n)),
    shifts: fc.array(
      fc
        .record({ start: fc.integer({ min: -20, max: 20 }), len: fc.integer({ min: 1, max: 16 }) })
        .map(({ start, len }) => ({ start, len })),
      { maxLength: 3 },
    ),
    kind: fc.constantFrom(...PUSH_KINDS),
  });

  it("never notifies an off-duty caregiver at night, except for a tap-out; holds end with the night", () => {
    fc.assert(
      fc.property(arb, ({ timeZone, nightStart, nightEnd, t, shifts, kind }) => {
        fc.pre(nightStart !== nightEnd);
        const h = { timeZone, nightStart, nightEnd };
        const spans = shifts.map((s) => ({
          startsAt: new Date(t.getTime() + s.start * 3_600_000),
          endsAt: new Date(t.getTime() + (s.start + s.len) * 3_600_000),
        }));
        const d = pushDecision(kind, t, spans, h);
        const night = nightWindowAt(t, h);
        const offDutyAtNight = !!night && !isOnDuty(spans, t);
        if (kind === "tapout") expect(d.action).toBe("send");
        else if (offDutyAtNight) expect(d.action).not.toBe("send");
        else expect(d.action).toBe("send");
        if (d.action === "hold") {
          expect(d.until.getTime()).toBeGreaterThan(t.getTime());
          expect(d.until).toEqual(night!.end);
          // The night the hold waits for really is one of the household's windows.
          const same = nightWindow(night!.date, timeZone, nightStart, nightEnd);
          expect(same.end).toEqual(d.until);
          expect(nightWindowAt(d.until, h)?.date ?? "day").not.toBe(night!.date);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("a window's instants are in it, the next day's noon-ish instants are decided afresh", () => {
    const w = nightWindow("2026-06-01", BERLIN.timeZone, BERLIN.nightStart, BERLIN.nightEnd);
    expect(nightWindowAt(w.start, BERLIN)?.date).toBe("2026-06-01");
    expect(nightWindowAt(new Date(w.end.getTime() - 1), BERLIN)?.date).toBe("2026-06-01");
    expect(nightWindowAt(w.end, BERLIN)).toBeNull();
    expect(addDays("2026-06-01", 1)).toBe("2026-06-02");
  });
});
