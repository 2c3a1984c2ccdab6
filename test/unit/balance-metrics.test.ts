// The balance figures (lib/balance/metrics.ts): nights across DST, twins'
// overlapping wakings, a tap-out in the middle of a protected window, shifts
// that changed hands by a swap, helpers kept out of the parents' shares, and
// properties that hold for any intervals.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  longestFree,
  mergeIntervals,
  nightFigures,
  runs,
  shareSentence,
  summarize,
  type TCaregiverIn,
  type TNightIn,
  type TShiftIn,
  type TTapOutIn,
  type TWakingIn,
} from "@/lib/balance/metrics";
import { english } from "@/lib/i18n/english";
import { nightWindow } from "@/lib/nights/night-window";
import { instantAt } from "@/lib/time/local-time";

const TZ = "Europe/London";
const P = "parent-p";
const Q = "parent-q";
const H = "helper-h";
const people: TCaregiverIn[] = [
  { id: P, role: "parent" },
  { id: Q, role: "parent" },
  { id: H, role: "helper" },
];
const MIN = 60_000;
const night = (date: string): TNightIn => {
  const w = nightWindow(date, TZ, 19 * 60, 7 * 60);
  return { date, start: w.start, end: w.end };
};
const at = (date: string, hhmm: string) => instantAt(date, Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)), TZ);
const whole = (caregiverId: string, date: string): TShiftIn => ({
  caregiverId,
  night: date,
  startsAt: night(date).start,
  endsAt: night(date).end,
});
const waking = (responderId: string, date: string, next: string, from: string, to: string | null): TWakingIn => ({
  responderId,
  night: date,
  startedAt: at(next, from),
  endedAt: to ? at(next, to) : null,
});
const figures = (i: Partial<Parameters<typeof nightFigures>[0]> & { nights: TNightIn[] }) =>
  nightFigures({
    caregivers: people,
    shifts: [],
    wakings: [],
    tapOuts: [],
    now: new Date("2030-01-01T00:00:00Z"),
    ...i,
  });
const of = (fs: ReturnType<typeof nightFigures>, id: string, date?: string) =>
  fs.find((f) => f.caregiverId === id && (!date || f.night === date))!;

describe("a night lasts what the clock says", () => {
  it("the spring-forward night is 11 hours, the fall-back night 13", () => {
    const fs = figures({
      nights: [night("2026-03-28"), night("2026-10-24")],
      shifts: [whole(P, "2026-03-28"), whole(P, "2026-10-24")],
    });
    expect(of(fs, P, "2026-03-28").dutyMinutes).toBe(11 * 60);
    expect(of(fs, P, "2026-10-24").dutyMinutes).toBe(13 * 60);
    // The partner off duty all night, not woken: protected sleep is the whole (short or long) night.
    expect(of(fs, Q, "2026-03-28").protectedMinutes).toBe(11 * 60);
    expect(of(fs, Q, "2026-10-24").protectedMinutes).toBe(13 * 60);
    expect(of(fs, P, "2026-10-24").protectedMinutes).toBe(0);
  });

  it("a waking across the repeated hour is counted in real minutes", () => {
    // 01:30 happens twice on 25 Oct 2026 in London; instantAt takes the first. 01:30 BST → 01:15 GMT is 45 minutes.
    const w: TWakingIn = {
      responderId: Q,
      night: "2026-10-24",
      startedAt: at("2026-10-25", "01:30"),
      endedAt: new Date(at("2026-10-25", "01:30").getTime() + 45 * MIN),
    };
    const fs = figures({ nights: [night("2026-10-24")], wakings: [w] });
    expect(of(fs, Q).awakeMinutes).toBe(45);
  });
});

describe("wakings", () => {
  it("count for who got up, not who was on duty", () => {
    const d = "2026-11-02";
    const fs = figures({
      nights: [night(d)],
      shifts: [whole(P, d)],
      wakings: [waking(Q, d, "2026-11-03", "02:00", "02:20")],
    });
    expect(of(fs, P).wakings).toBe(0);
    expect(of(fs, Q)).toMatchObject({ wakings: 1, awakeMinutes: 20 });
  });

  it("twins: overlapping wakings count once in minutes awake, twice in wakings", () => {
    const d = "2026-11-02";
    const fs = figures({
      nights: [night(d)],
      wakings: [
        waking(P, d, "2026-11-03", "02:00", "02:30"),
        waking(P, d, "2026-11-03", "02:10", "02:40"),
        waking(P, d, "2026-11-03", "04:00", "04:05"),
      ],
    });
    expect(of(fs, P)).toMatchObject({ wakings: 3, awakeMinutes: 45 });
  });

  it("a waking still open counts until now, never past the end of its night", () => {
    const d = "2026-11-02";
    const open = waking(P, d, "2026-11-03", "06:30", null);
    expect(of(figures({ nights: [night(d)], wakings: [open], now: at("2026-11-03", "06:40") }), P).awakeMinutes).toBe(
      10,
    );
    expect(of(figures({ nights: [night(d)], wakings: [open], now: at("2026-11-04", "12:00") }), P).awakeMinutes).toBe(
      30,
    );
  });
});

describe("longest protected sleep", () => {
  const d = "2026-11-02";
  const next = "2026-11-03";
  it("is the longest stretch off duty and not woken", () => {
    // Q on duty 19:00–01:00 (up once at midnight, on duty anyway), P after.
    const split: TShiftIn[] = [
      { caregiverId: Q, night: d, startsAt: at(d, "19:00"), endsAt: at(next, "01:00") },
      { caregiverId: P, night: d, startsAt: at(next, "01:00"), endsAt: at(next, "07:00") },
    ];
    const fs = figures({ nights: [night(d)], shifts: split, wakings: [waking(Q, d, next, "00:00", "00:30")] });
    expect(of(fs, P).protectedMinutes).toBe(6 * 60); // 19:00–01:00
    expect(of(fs, Q).protectedMinutes).toBe(6 * 60); // 01:00–07:00
    expect(of(fs, P).onDuty && of(fs, Q).onDuty).toBe(true); // an even split counts for both
  });

  it("a tap-out answered “coming” in the middle of the window breaks it for 30 minutes", () => {
    const tap: TTapOutIn = {
      requesterId: P,
      night: d,
      requestedAt: at(next, "01:00"),
      answer: "coming",
      answeredById: Q,
    };
    const fs = figures({ nights: [night(d)], shifts: [whole(P, d)], tapOuts: [tap] });
    // Q: 19:00–01:00 (6 h) and 01:30–07:00 (5 h 30): the longest is 6 h.
    expect(of(fs, Q)).toMatchObject({ protectedMinutes: 6 * 60, tapOutsAnswered: 1 });
    expect(of(fs, P)).toMatchObject({ tapOutsAsked: 1, tapOutsAnswered: 0 });
  });

  it("a tap-out nobody answered breaks it for 10 minutes for every other parent, not the helper", () => {
    const tap: TTapOutIn = {
      requesterId: P,
      night: d,
      requestedAt: at(next, "03:00"),
      answer: null,
      answeredById: null,
    };
    const fs = figures({ nights: [night(d)], shifts: [whole(P, d)], tapOuts: [tap] });
    expect(of(fs, Q).protectedMinutes).toBe(8 * 60); // 19:00–03:00
    expect(of(fs, H).protectedMinutes).toBe(12 * 60);
  });

  it("“I can't” breaks it for 10 minutes for whoever answered", () => {
    const tap: TTapOutIn = {
      requesterId: P,
      night: d,
      requestedAt: at(next, "05:00"),
      answer: "cant",
      answeredById: Q,
    };
    const fs = figures({ nights: [night(d)], shifts: [whole(P, d)], tapOuts: [tap] });
    expect(of(fs, Q)).toMatchObject({ protectedMinutes: 10 * 60, tapOutsAnswered: 0 });
  });
});

describe("shifts that changed hands by a swap", () => {
  it("count for whoever holds them now", () => {
    const d = "2026-11-02";
    // The rota gave P the night; after an accepted swap the row belongs to Q (that is what swaps.ts does).
    const swapped = { ...whole(P, d), caregiverId: Q };
    const fs = figures({ nights: [night(d)], shifts: [swapped] });
    expect(of(fs, P)).toMatchObject({ dutyMinutes: 0, onDuty: false, protectedMinutes: 12 * 60 });
    expect(of(fs, Q)).toMatchObject({ dutyMinutes: 12 * 60, onDuty: true });
  });

  it("a part swapped: the one with most of the night has it", () => {
    const d = "2026-11-02";
    const n = night(d);
    const shifts: TShiftIn[] = [
      { caregiverId: P, night: d, startsAt: n.start, endsAt: at("2026-11-03", "03:00") },
      { caregiverId: Q, night: d, startsAt: at("2026-11-03", "03:00"), endsAt: n.end },
    ];
    const fs = figures({ nights: [n], shifts });
    expect(of(fs, P).onDuty).toBe(true);
    expect(of(fs, Q).onDuty).toBe(false);
  });
});

describe("totals, runs and shares", () => {
  const dates = ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"];
  const nights = dates.map(night);
  const shifts = [
    whole(P, dates[0]!),
    whole(Q, dates[1]!),
    whole(P, dates[2]!),
    whole(P, dates[3]!),
    whole(H, dates[4]!),
  ];
  const wakings = [
    waking(P, dates[2]!, dates[3]!, "02:00", "02:10"),
    waking(P, dates[3]!, dates[4]!, "02:00", "02:10"),
    waking(Q, dates[1]!, dates[2]!, "02:00", "02:10"),
    waking(P, dates[0]!, dates[1]!, "02:00", "02:10"),
    // The helper's night: many wakings, none in the parents' shares.
    waking(H, dates[4]!, "2026-11-06", "01:00", "01:20"),
    waking(H, dates[4]!, "2026-11-06", "03:00", "03:20"),
    waking(H, dates[4]!, "2026-11-06", "05:00", "05:20"),
  ];
  const totals = summarize(figures({ nights, shifts, wakings }), people);
  const t = (id: string) => totals.find((x) => x.caregiverId === id)!;

  it("adds up per caregiver, with runs of nights", () => {
    expect(t(P)).toMatchObject({ nightsOnDuty: 3, wakings: 3, awakeMinutes: 30, current: 0, longest: 2 });
    expect(t(Q)).toMatchObject({ nightsOnDuty: 1, wakings: 1 });
    expect(t(H)).toMatchObject({ nightsOnDuty: 1, wakings: 3, current: 1, share: null });
  });

  it("shares are among parents only: the helper's night doesn't unbalance them", () => {
    expect(t(P).share).toBeCloseTo(0.75);
    expect(t(Q).share).toBeCloseTo(0.25);
    const period = { kind: "period" as const, nights: 5, from: "", to: "" };
    expect(english(shareSentence(totals, (id) => ({ [P]: "Sam", [Q]: "Alex" })[id]!, period)!)).toBe(
      "Over the last 5 nights Sam handled 75% of wakings.",
    );
  });

  it("a run goes on tonight when tonight is theirs", () => {
    const withTonight = summarize(
      figures({ nights, shifts, wakings }).filter((f) => f.night <= dates[3]!),
      people,
      { tonightOnDuty: [P] },
    );
    expect(withTonight.find((x) => x.caregiverId === P)).toMatchObject({ current: 3, longest: 3 });
  });

  it("runs: current and longest", () => {
    expect(runs([true, true, false, true])).toEqual({ current: 1, longest: 2 });
    expect(runs([])).toEqual({ current: 0, longest: 0 });
  });
});

describe("properties", () => {
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 120 }))
    .map(([a, len]) => [a, a + len] as [number, number]);

  it("longestFree equals a minute-by-minute count", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 8 }), (busy) => {
        const free = Array.from({ length: 720 }, (_, m) => !busy.some(([a, b]) => m >= a && m < b));
        let best = 0;
        let run = 0;
        for (const f of free) best = Math.max(best, (run = f ? run + 1 : 0));
        expect(longestFree(0, 720, busy)).toBe(best);
      }),
    );
  });

  it("merged intervals never overlap, and cover what the parts covered", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 10 }), (xs) => {
        const merged = mergeIntervals(xs.map((x) => [...x] as [number, number]));
        for (let i = 1; i < merged.length; i++) expect(merged[i]![0]).toBeGreaterThan(merged[i - 1]![1]);
        const covered = (m: number, list: [number, number][]) => list.some(([a, b]) => m >= a && m < b);
        for (let m = 0; m < 850; m += 7) expect(covered(m, merged)).toBe(covered(m, xs));
      }),
    );
  });

  it("for any wakings: minutes awake ≤ their sum, ≥ the longest one; protected sleep fits the night", () => {
    const d = "2026-11-02";
    const n = night(d);
    fc.assert(
      fc.property(fc.array(fc.tuple(interval, fc.constantFrom(P, Q)), { maxLength: 8 }), (ws) => {
        const wakings = ws.map(([[a, b], who]) => ({
          responderId: who,
          night: d,
          startedAt: new Date(n.start.getTime() + a * MIN),
          endedAt: new Date(n.start.getTime() + b * MIN),
        }));
        // The helper holds the night, so there is a duty plan and P and Q are off duty.
        const fs = figures({ nights: [n], wakings, shifts: [whole(H, d)] });
        for (const id of [P, Q]) {
          const mine = ws.filter(([, w]) => w === id).map(([[a, b]]) => b - a);
          const f = of(fs, id);
          expect(f.awakeMinutes).toBeLessThanOrEqual(mine.reduce((s, x) => s + x, 0));
          expect(f.awakeMinutes).toBeGreaterThanOrEqual(Math.max(0, ...mine));
          const sleep = f.protectedMinutes!;
          expect(sleep).toBeGreaterThanOrEqual(0);
          expect(sleep + f.awakeMinutes).toBeLessThanOrEqual(12 * 60 + 120 * 8);
          expect(sleep).toBeLessThanOrEqual(12 * 60);
        }
      }),
    );
  });
});

describe("protected sleep is counted only on nights with a duty plan", () => {
  it("a night nobody planned has no figure, and stays out of the typical and shortest nights", () => {
    const planned = "2026-11-02";
    const unplanned = "2026-11-03";
    const fs = figures({
      nights: [night(planned), night(unplanned)],
      shifts: [whole(P, planned)],
      // A waking on the night without a plan: still counted as a waking, but no protected-sleep figure.
      wakings: [waking(Q, unplanned, "2026-11-04", "02:00", "02:30")],
    });
    expect(of(fs, Q, planned).protectedMinutes).toBe(12 * 60);
    expect(of(fs, P, planned).protectedMinutes).toBe(0);
    for (const id of [P, Q, H]) expect(of(fs, id, unplanned).protectedMinutes).toBeNull();
    expect(of(fs, Q, unplanned).wakings).toBe(1);
    const totals = summarize(fs, people);
    const q = totals.find((t) => t.caregiverId === Q)!;
    expect(q.protectedByNight).toEqual([12 * 60]);
    expect(q.protectedMedian).toBe(12 * 60);
    expect(totals.find((t) => t.caregiverId === P)!.protectedByNight).toEqual([0]);
  });

  it("a household with no plan at all has no protected sleep to show", () => {
    const fs = figures({ nights: [night("2026-11-02"), night("2026-11-03")] });
    expect(fs.every((f) => f.protectedMinutes === null)).toBe(true);
    for (const t of summarize(fs, people)) {
      expect(t.protectedByNight).toEqual([]);
      expect(t.protectedMedian).toBe(0);
    }
  });
});

describe("someone who left (docs/decisions/0030)", () => {
  const n1 = night("2026-06-01");
  const n2 = night("2026-06-02");
  // Q left during the day between the two nights.
  const left = at("2026-06-02", "12:00");
  const withQGone: TCaregiverIn[] = people.map((c) => (c.id === Q ? { ...c, removedAt: left } : c));
  const tapOuts: TTapOutIn[] = [1, 2].map((d) => ({
    requesterId: P,
    night: `2026-06-0${d}`,
    requestedAt: at(`2026-06-0${d + 1}`, "02:00"),
    answer: null,
    answeredById: null,
  }));
  const input = {
    nights: [n1, n2],
    shifts: [whole(P, "2026-06-01"), whole(P, "2026-06-02")],
    wakings: [],
    tapOuts,
    now: at("2026-06-03", "12:00"),
  };

  it("keeps their figures of the nights before they left, unchanged, and has none after", () => {
    const before = nightFigures({ ...input, caregivers: people });
    const after = nightFigures({ ...input, caregivers: withQGone });
    expect(after.filter((f) => f.night === n1.date)).toEqual(before.filter((f) => f.night === n1.date));
    expect(after.filter((f) => f.night === n2.date).map((f) => f.caregiverId)).toEqual([P, H]);
  });

  it("an unanswered tap-out after they left reaches only the parents still there", () => {
    const figures = nightFigures({ ...input, caregivers: withQGone });
    // On the first night Q was woken (10 minutes off the longest free stretch); nobody is left to reach on the second.
    const q1 = figures.find((f) => f.night === n1.date && f.caregiverId === Q)!;
    expect(q1.protectedMinutes).toBeLessThan((n1.end.getTime() - n1.start.getTime()) / MIN);
    expect(figures.some((f) => f.night === n2.date && f.caregiverId === Q)).toBe(false);
  });
});
