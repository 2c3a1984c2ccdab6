import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { english } from "@/lib/i18n/english";
import { nightWindow } from "@/lib/nights/night-window";
import { proposeRota, type TExistingShift, type TRotaInput, type TRotaResult, type TTemplate } from "@/lib/nights/rota";
import { addDays, localDateOf } from "@/lib/time/local-date";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ALEX = { id: "alex", name: "Alex" };
const SAM = { id: "sam", name: "Sam" };
const JO = { id: "jo", name: "Jo" };

/** Each zone with its 2026 DST changes (UTC has none; any date will do). */
const CHANGES: Record<string, string[]> = {
  UTC: ["2026-03-29", "2026-10-25"],
  "America/New_York": ["2026-03-08", "2026-11-01"],
  "Europe/London": ["2026-03-29", "2026-10-25"],
  "Australia/Lord_Howe": ["2026-04-05", "2026-10-04"], // 30 minutes
  "Pacific/Auckland": ["2026-04-05", "2026-09-27"],
};

type TSpan = { start: number; end: number };
const span = (s: { start: Date; end: Date }): TSpan => ({ start: s.start.getTime(), end: s.end.getTime() });
const overlaps = (a: TSpan, b: TSpan) => a.start < b.end && b.start < a.end;
const length = (s: TSpan) => s.end - s.start;

/** A range of nights that crosses a DST change, a night window (its end sometimes inside the DST hours) and 2–3 caregivers. */
const base = fc.record({
  timeZone: fc.constantFrom(...Object.keys(CHANGES)),
  change: fc.integer({ min: 0, max: 1 }),
  offset: fc.integer({ min: -20, max: 2 }),
  nights: fc.integer({ min: 1, max: 30 }),
  nightStart: fc.integer({ min: 17 * 60, max: 23 * 60 + 59 }),
  nightEnd: fc.integer({ min: 60, max: 9 * 60 }),
  caregivers: fc.constantFrom([ALEX, SAM], [ALEX, SAM, JO], [SAM, JO, ALEX]),
  maxConsecutive: fc.integer({ min: 1, max: 3 }),
});

type TValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** A wall-clock time strictly inside the night. */
const insideNight = (nightStart: number, nightEnd: number) =>
  fc.integer({ min: 1, max: 24 * 60 - nightStart + nightEnd - 1 }).map((k) => (nightStart + k) % (24 * 60));

function templateArb(b: TValueOf<typeof base>): fc.Arbitrary<TTemplate> {
  const id = fc.constantFrom(...b.caregivers.map((c) => c.id));
  const time = insideNight(b.nightStart, b.nightEnd);
  const weeklyNight = fc.oneof(
    id.map((caregiverId) => ({ caregiverId })),
    fc.record({ split: time, first: id, second: id }),
  );
  return fc.oneof(
    fc.constant({ kind: "alternate" as const }),
    fc.record({ kind: fc.constant("split" as const), splitAt: time, firstHalf: fc.oneof(fc.constant("rotate"), id) }),
    fc.record({ kind: fc.constant("feed-then-handover" as const), feederId: id, feedUntil: time }),
    fc.array(fc.option(weeklyNight, { nil: undefined }), { minLength: 7, maxLength: 7 }).map((days) => ({
      kind: "weekly" as const,
      pattern: Object.fromEntries(days.flatMap((d, i) => (d ? [[i, d]] : []))),
    })),
  );
}

const scenario = base.chain((b) =>
  fc.record({
    b: fc.constant(b),
    template: templateArb(b),
    // Hours after the first night starts, and how long.
    away: fc.array(
      fc.record({
        who: fc.nat(2),
        at: fc.integer({ min: -24, max: b.nights * 24 }),
        hours: fc.integer({ min: 1, max: 60 }),
      }),
      { maxLength: 6 },
    ),
    // Shifts made by hand: at most one per night (so they never overlap), as fractions of the night, sometimes starting before it.
    manual: fc.uniqueArray(
      fc.record({
        night: fc.nat(b.nights - 1),
        who: fc.nat(2),
        from: fc.double({ min: -0.2, max: 0.9, noNaN: true }),
        to: fc.double({ min: 0.05, max: 1, noNaN: true }),
      }),
      { maxLength: 4, selector: (m) => m.night },
    ),
    generated: fc.array(fc.record({ night: fc.nat(b.nights - 1), who: fc.nat(2) }), { maxLength: 3 }),
    history: fc.array(
      fc.record({ back: fc.integer({ min: 1, max: 30 }), who: fc.subarray([0, 1, 2], { minLength: 1 }) }),
      { maxLength: 30 },
    ),
  }),
);

function build(s: TValueOf<typeof scenario>): TRotaInput {
  const { b } = s;
  const from = addDays(CHANGES[b.timeZone]![b.change]!, b.offset);
  const windows = Array.from({ length: b.nights }, (_, i) =>
    nightWindow(addDays(from, i), b.timeZone, b.nightStart, b.nightEnd),
  );
  const t0 = windows[0]!.start.getTime();
  const idOf = (i: number) => b.caregivers[i % b.caregivers.length]!.id;
  const manual: TExistingShift[] = s.manual.flatMap((m) => {
    const w = span(windows[m.night]!);
    const start = Math.round((w.start + Math.min(m.from, m.to - 0.05) * length(w)) / MINUTE) * MINUTE;
    const end = Math.round((w.start + m.to * length(w)) / MINUTE) * MINUTE;
    return end > start ? [{ caregiverId: idOf(m.who), start: new Date(start), end: new Date(end), manual: true }] : [];
  });
  const generated = s.generated
    // The database refuses overlapping shifts, so generated ones only sit where no manual one does.
    .filter((g) => !s.manual.some((m) => m.night === g.night))
    .map((g) => ({ caregiverId: idOf(g.who), ...windows[g.night]!, manual: false }));
  const history = new Map<string, Set<string>>();
  for (const h of s.history) {
    const date = addDays(from, -h.back);
    history.set(date, new Set([...(history.get(date) ?? []), ...h.who.map(idOf)]));
  }
  return {
    timeZone: b.timeZone,
    nightStart: b.nightStart,
    nightEnd: b.nightEnd,
    from,
    nights: b.nights,
    caregivers: b.caregivers,
    template: s.template,
    unavailability: s.away.map((a) => ({
      caregiverId: idOf(a.who),
      start: new Date(t0 + a.at * HOUR),
      end: new Date(t0 + (a.at + a.hours) * HOUR),
    })),
    history: [...history].map(([date, ids]) => ({ date, caregiverIds: [...ids] })),
    existing: [...manual, ...generated],
    maxConsecutive: b.maxConsecutive,
  };
}

const nightsOf = (input: TRotaInput) =>
  Array.from({ length: input.nights }, (_, i) =>
    nightWindow(addDays(input.from, i), input.timeZone, input.nightStart, input.nightEnd),
  );

const isUnavailable = (input: TRotaInput, caregiverId: string, s: TSpan) =>
  input.unavailability.some((u) => u.caregiverId === caregiverId && overlaps(span(u), s));

/** For each caregiver, the run of nights in a row ending at each night of the range (history included); index 0 is the night before the range. */
function runs(input: TRotaInput, result: TRotaResult): Map<string, number>[] {
  const onDuty = (date: string) =>
    new Set([
      ...(input.history.find((h) => h.date === date)?.caregiverIds ?? []),
      ...result.shifts.filter((s) => s.date === date).map((s) => s.caregiverId),
      ...result.kept.filter((k) => k.date === date).map((k) => k.caregiverId),
    ]);
  const run = new Map(input.caregivers.map((c) => [c.id, 0]));
  const step = (date: string) => {
    const on = onDuty(date);
    for (const c of input.caregivers) run.set(c.id, on.has(c.id) ? run.get(c.id)! + 1 : 0);
    return new Map(run);
  };
  for (let back = 60; back > 1; back--) step(addDays(input.from, -back));
  return Array.from({ length: input.nights + 1 }, (_, i) => step(addDays(input.from, i - 1)));
}

/**
 * (e) Nobody goes over the limit on a night unless everyone else was
 * unavailable for it, or was at the limit themselves (say both were on duty
 * the last two nights of the history: someone has to take a third) — and the
 * reason says so.
 */
function expectLimitHeld(input: TRotaInput, result: TRotaResult) {
  const max = input.maxConsecutive ?? 2;
  const windows = nightsOf(input);
  const run = runs(input, result);
  windows.forEach((w, i) => {
    const [before, tonight] = [run[i]!, run[i + 1]!];
    for (const s of result.shifts.filter((sh) => sh.date === w.date)) {
      if (tonight.get(s.caregiverId)! <= max) continue;
      for (const other of input.caregivers.filter((c) => c.id !== s.caregiverId))
        expect(
          isUnavailable(input, other.id, span(w)) || before.get(other.id)! >= max,
          `${s.caregiverId} over the limit on ${s.date} though ${other.id} was free`,
        ).toBe(true);
      expect(english(s.reason)).toMatch(
        /took a \w+ night in a row: (nobody else was available|everyone else would have had as many in a row)/,
      );
    }
  });
}

describe("rota properties (UTC, New York, London, Lord Howe, Auckland; ranges across DST)", () => {
  it("shifts tile each night, keep their local date, never overlap, and respect unavailability", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = build(s);
        const result = proposeRota(input);
        const windows = nightsOf(input);
        const manual = input.existing.filter((e) => e.manual).map(span);

        windows.forEach((w, i) => {
          const night = span(w);
          // The usual windows are exactly night-window.ts's nights; only an end inside the DST hours could differ (see 0007).
          if (input.nightEnd >= 4 * 60)
            expect(w).toEqual(nightWindow(w.date, input.timeZone, input.nightStart, input.nightEnd));
          // Consecutive nights never overlap.
          if (i > 0) expect(night.start).toBeGreaterThanOrEqual(span(windows[i - 1]!).end);

          const generated = result.shifts.filter((sh) => sh.date === w.date).map(span);
          const kept = manual
            .filter((m) => overlaps(m, night))
            .map((m) => ({ start: Math.max(m.start, night.start), end: Math.min(m.end, night.end) }));
          const unfilled = result.unfilled.filter((u) => u.date === w.date).map(span);
          // (a) a fully filled night: generated shifts plus kept manual parts last exactly the night.
          if (!unfilled.length)
            expect(generated.concat(kept).reduce((sum, p) => sum + length(p), 0)).toBe(length(night));
          // …and in every night, generated + kept + unfilled tile it with no gap and no overlap.
          const tiles = [...generated, ...kept, ...unfilled].sort((a, b) => a.start - b.start);
          let cursor = night.start;
          for (const t of tiles) {
            expect(t.start).toBe(cursor);
            expect(t.end).toBeGreaterThan(t.start);
            cursor = t.end;
          }
          if (length(night) > 0) expect(cursor).toBe(night.end);
        });

        for (const sh of result.shifts) {
          // (b) the night a shift belongs to starts on its local date, and holds the shift.
          const w = nightWindow(sh.date, input.timeZone, input.nightStart, input.nightEnd);
          expect(localDateOf(w.start, input.timeZone)).toBe(sh.date);
          expect(sh.start.getTime()).toBeGreaterThanOrEqual(w.start.getTime());
          expect(sh.end.getTime()).toBeLessThanOrEqual(w.end.getTime());
          expect(sh.reason.length).toBeGreaterThan(0);
          // (d) nobody is on duty while unavailable.
          expect(isUnavailable(input, sh.caregiverId, span(sh))).toBe(false);
        }

        // (c) no proposed shift overlaps another or a kept manual shift.
        const all = [...result.shifts.map(span), ...manual].sort((a, b) => a.start - b.start);
        let end = -Infinity;
        for (const p of all) {
          expect(p.start).toBeGreaterThanOrEqual(end);
          end = Math.max(end, p.end);
        }

        expect(result.kept.length).toBe(manual.length);
        if (input.template.kind === "alternate" && !manual.length) expectLimitHeld(input, result);
      }),
      { numRuns: 400 },
    );
  });

  it("(e) alternate: nobody gets more than N nights in a row unless everyone else was unavailable each such night", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = { ...build({ ...s, template: { kind: "alternate" }, manual: [] }) };
        expectLimitHeld(input, proposeRota(input));
      }),
      { numRuns: 300 },
    );
  });

  it("(f) alternate, no unavailability: over 2,000 nights the gap in nights carried closes to at most 1", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(CHANGES)),
        // Up to 30 nights of lopsided history, including runs in a row.
        fc.array(fc.subarray(["alex", "sam"]), { minLength: 0, maxLength: 30 }),
        fc.integer({ min: 2, max: 3 }),
        (timeZone, past, maxConsecutive) => {
          const from = "2026-01-10";
          const history = past.map((caregiverIds, i) => ({ date: addDays(from, -past.length + i), caregiverIds }));
          const input: TRotaInput = {
            timeZone,
            nightStart: 19 * 60,
            nightEnd: 7 * 60,
            from,
            nights: 2000,
            caregivers: [ALEX, SAM],
            template: { kind: "alternate" },
            unavailability: [],
            history,
            existing: [],
            maxConsecutive,
          };
          const result = proposeRota(input);
          expect(result.unfilled).toEqual([]);
          const carried = (id: string) =>
            history.filter((h) => h.caregiverIds.includes(id)).length +
            result.shifts.filter((sh) => sh.caregiverId === id).length;
          expect(Math.abs(carried("alex") - carried("sam"))).toBeLessThanOrEqual(1);
          expectLimitHeld(input, result);
        },
      ),
      { numRuns: 25 },
    );
  });
});
