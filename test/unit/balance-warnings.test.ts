// Early warnings (lib/balance/warnings.ts) at their thresholds and just
// below, parents only, and the one action each card offers; and who may see and change what (rights).
import { describe, expect, it } from "vitest";
import type { TNightFigure } from "@/lib/balance/metrics";
import { balanceWarnings, MIN_SHARE_WAKINGS, type TThresholds, type TUpcomingShift } from "@/lib/balance/warnings";
import { needsRest } from "@/lib/balance/check-in-words";
import { canChangeBalanceSettings, canSeeCheckIn, isOwnCheckIn } from "@/lib/balance/rights";
import { ordinal } from "@/lib/format";
import { english } from "@/lib/i18n/english";
import { addDays } from "@/lib/time/local-date";

const P = "p";
const Q = "q";
const H = "h";
const caregivers = [
  { id: P, role: "parent" as const, name: "Sam" },
  { id: Q, role: "parent" as const, name: "Alex" },
  { id: H, role: "helper" as const, name: "Gran" },
];
const T: TThresholds = { warnConsecutive: 3, warnSharePercent: 65, warnSleepMinutes: 240, warnSleepNights: 3 };
const TONIGHT = "2026-11-20";
const nights = Array.from({ length: 7 }, (_, i) => addDays(TONIGHT, i - 7));

type TNightSpec = {
  onDuty?: string;
  wakings?: Partial<Record<string, number>>;
  sleep?: Partial<Record<string, number>>;
};
function recent(spec: TNightSpec[]): TNightFigure[] {
  return spec.flatMap((s, i) =>
    caregivers.map((c) => ({
      night: nights[nights.length - spec.length + i]!,
      caregiverId: c.id,
      dutyMinutes: s.onDuty === c.id ? 720 : 0,
      onDuty: s.onDuty === c.id,
      wakings: s.wakings?.[c.id] ?? 0,
      awakeMinutes: 0,
      tapOutsAsked: 0,
      tapOutsAnswered: 0,
      protectedMinutes: s.sleep?.[c.id] ?? 720,
    })),
  );
}
const shift = (caregiverId: string, night: string, extra: Partial<TUpcomingShift> = {}): TUpcomingShift => ({
  id: `shift-${caregiverId}-${night}`,
  caregiverId,
  night,
  startsAt: new Date(`${night}T19:00:00Z`),
  endsAt: new Date(`${addDays(night, 1)}T07:00:00Z`),
  swapPending: false,
  ...extra,
});
const warn = (
  r: TNightFigure[],
  upcoming: TUpcomingShift[] = [],
  viewerId = Q,
  thresholds = T,
  tonightShifts = upcoming.filter((s) => s.night === TONIGHT),
) =>
  // The reasons are message references (lib/i18n/text.ts): compared in British English.
  balanceWarnings({ caregivers, thresholds, recent: r, tonight: TONIGHT, tonightShifts, upcoming, viewerId }).map(
    (w) => ({
      ...w,
      reasons: w.reasons.map((x) => ({ ...x, text: english(x.text) })),
    }),
  );

describe("nights in a row", () => {
  const alternating = [Q, P, Q, P].map((onDuty) => ({ onDuty }));
  it("fires at 3 (two nights done and tonight planned) and offers to take tonight", () => {
    const w = warn(recent([...alternating, { onDuty: Q }, { onDuty: P }, { onDuty: P }]), [shift(P, TONIGHT)]);
    expect(w).toHaveLength(1);
    expect(w[0]!.reasons[0]).toEqual({
      kind: "consecutive",
      text: "Sam is on duty for the third night running tonight. Could someone take tonight?",
    });
    // Offering to take Sam's shift: Sam answers.
    expect(w[0]!.offer).toEqual({
      kind: "take",
      shiftId: `shift-${P}-${TONIGHT}`,
      night: TONIGHT,
      tonight: true,
      answererId: P,
    });
  });
  it("fires at 3 nights done, offering the next night they have", () => {
    const w = warn(recent([Q, P, Q, Q, P, P, P].map((onDuty) => ({ onDuty }))), [
      shift(Q, TONIGHT),
      shift(P, addDays(TONIGHT, 1)),
    ]);
    expect(w[0]!.reasons[0]!.text).toBe("Sam has been on duty three nights running. A night off soon would help.");
    expect(w[0]!.offer).toMatchObject({ kind: "take", night: addDays(TONIGHT, 1), tonight: false });
  });
  it("speaks to the loaded parent as 'you' and about them by name to the others", () => {
    const r = recent([...alternating, { onDuty: Q }, { onDuty: P }, { onDuty: P }]);
    expect(warn(r, [shift(P, TONIGHT)], P)[0]!.reasons[0]!.text).toBe(
      "You are on duty for the third night running tonight. Could someone take tonight?",
    );
    const done = recent([Q, P, Q, Q, P, P, P].map((onDuty) => ({ onDuty })));
    expect(warn(done, [shift(Q, TONIGHT)], P)[0]!.reasons[0]!.text).toBe(
      "You have been on duty three nights running. A night off soon would help.",
    );
    expect(warn(r, [shift(P, TONIGHT)], Q)[0]!.reasons[0]!.text).toMatch(/^Sam is on duty/);
  });
  it("tonight stays the night of whoever held most of it after their part is over (a split at 02:00)", () => {
    // Sam 19:00–02:00 (7 h, over at 03:00), Alex 02:00–07:00 (5 h, still going): tonight is Sam's third night running.
    const samPart = shift(P, TONIGHT, { id: "sam-part", endsAt: new Date(`${addDays(TONIGHT, 1)}T02:00:00Z`) });
    const alexPart = shift(Q, TONIGHT, { id: "alex-part", startsAt: new Date(`${addDays(TONIGHT, 1)}T02:00:00Z`) });
    const r = recent([...alternating, { onDuty: Q }, { onDuty: P }, { onDuty: P }]);
    const w = warn(r, [alexPart], Q, T, [samPart, alexPart]);
    expect(w.map((x) => [x.caregiverId, x.reasons[0]!.text])).toEqual([
      [P, "Sam is on duty for the third night running tonight. Could someone take tonight?"],
    ]);
    // Nothing of Sam's is left to offer tonight.
    expect(w[0]!.offer).toBeNull();
  });
  it("numbers nights past ten properly (21st, not 21th)", () => {
    expect([3, 10, 11, 12, 13, 21, 22, 23, 31, 112].map(ordinal)).toEqual([
      "third",
      "tenth",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "31st",
      "112th",
    ]);
  });
  it("does not fire at 2", () => {
    expect(warn(recent([...alternating, { onDuty: Q }, { onDuty: P }, { onDuty: P }]), [shift(Q, TONIGHT)])).toEqual(
      [],
    );
  });
  it("follows the household's threshold", () => {
    const r = recent([...alternating, { onDuty: Q }, { onDuty: P }, { onDuty: P }]);
    expect(warn(r, [shift(P, TONIGHT)], Q, { ...T, warnConsecutive: 4 })).toEqual([]);
    expect(warn(r, [shift(Q, TONIGHT)], Q, { ...T, warnConsecutive: 2 })).toHaveLength(1);
  });
  it("never for a helper", () => {
    expect(warn(recent(Array.from({ length: 7 }, () => ({ onDuty: H }))), [shift(H, TONIGHT)])).toEqual([]);
  });
});

describe("share of the wakings over 7 nights", () => {
  const base = [Q, P, Q, P, Q, P, Q].map((onDuty) => ({ onDuty }));
  const withWakings = (sam: number, alex: number, gran = 0) =>
    recent(base.map((n, i) => ({ ...n, wakings: i === 0 ? { [P]: sam, [Q]: alex, [H]: gran } : {} })));
  it("fires at 65% and says it kindly", () => {
    // 13 of 20 = 65%.
    const w = warn(withWakings(13, 7), [shift(P, addDays(TONIGHT, 1))]);
    expect(w[0]!.reasons).toEqual([
      {
        kind: "share",
        text: "Sam has got up for 65% of the wakings over the last 7 nights. Could someone take the next one?",
      },
    ]);
  });
  it("does not fire just below (64%)", () => {
    expect(warn(withWakings(16, 9))).toEqual([]); // 64%
  });
  it("waits for some load: 3 of 3 wakings is not a pattern", () => {
    expect(MIN_SHARE_WAKINGS).toBe(4);
    expect(warn(withWakings(3, 0))).toEqual([]);
    expect(warn(withWakings(4, 0))).toHaveLength(1);
  });
  it("the helper's wakings don't count", () => {
    // Gran's 30 wakings would make Sam's 5 of 35 tiny; among parents Sam has 5 of 7 = 71%.
    expect(warn(withWakings(5, 2, 30))[0]!.caregiverId).toBe(P);
  });
});

describe("protected sleep", () => {
  const short = (n: number, minutes = 239) =>
    recent(Array.from({ length: 7 }, (_, i) => ({ onDuty: i % 2 ? P : Q, sleep: i >= 7 - n ? { [P]: minutes } : {} })));
  it("fires on 3 of the last 5 nights under 4 hours", () => {
    const w = warn(short(3));
    expect(w[0]!.reasons).toEqual([
      {
        kind: "sleep",
        text: "Sam had less than 4 hours of protected sleep (off duty and not woken) on three of the last 5 nights. A night fully off could help.",
      },
    ]);
  });
  it("says the household's minimum in words: one hour, or hours and minutes", () => {
    const text = (warnSleepMinutes: number) =>
      warn(short(3, warnSleepMinutes - 1), [], Q, { ...T, warnSleepMinutes })[0]!.reasons[0]!.text;
    expect(text(60)).toContain("less than 1 hour of protected sleep");
    expect(text(90)).toContain("less than 1 hour 30 minutes of protected sleep");
    expect(text(600)).toContain("less than 10 hours of protected sleep");
  });
  it("not on 2 nights, and not at exactly 4 hours", () => {
    expect(warn(short(2))).toEqual([]);
    expect(warn(short(3, 240))).toEqual([]);
  });
  it("nights older than the last 5 don't count", () => {
    const r = recent(
      Array.from({ length: 7 }, (_, i) => ({
        onDuty: i % 2 ? P : Q,
        sleep: i < 2 ? { [P]: 100 } : i === 6 ? { [P]: 100 } : {},
      })),
    );
    expect(warn(r)).toEqual([]);
  });
});

describe("the one action", () => {
  const loaded = recent([Q, P, Q, P, P].map((onDuty) => ({ onDuty })));
  it("the loaded parent is asked nothing of: they may ask the other parent", () => {
    expect(warn(loaded, [shift(P, TONIGHT)], P)[0]!.offer).toEqual({
      kind: "ask",
      shiftId: `shift-${P}-${TONIGHT}`,
      night: TONIGHT,
      tonight: true,
      toId: Q,
      answererId: Q,
    });
  });
  it("a swap already waiting on that night: no second one", () => {
    expect(warn(loaded, [shift(P, TONIGHT, { swapPending: true })], Q)[0]!.offer).toEqual({
      kind: "pending",
      night: TONIGHT,
      tonight: true,
    });
  });
  it("no coming night of theirs: the words, without an action", () => {
    expect(warn(recent([Q, P, P, P].map((onDuty) => ({ onDuty }))), [shift(Q, TONIGHT)], Q)[0]!.offer).toBeNull();
  });
  it("one card per caregiver, however many reasons", () => {
    const r = recent([P, P, P, P, P].map((onDuty) => ({ onDuty, wakings: { [P]: 2 }, sleep: { [P]: 120 } })));
    const w = warn(r, [shift(P, TONIGHT)]);
    expect(w).toHaveLength(1);
    expect(w[0]!.reasons.map((x) => x.kind)).toEqual(["consecutive", "share", "sleep"]);
  });
});

describe("rest suggestion", () => {
  const days = (list: [string, number][]) => list.map(([date, sleepiness]) => ({ date, sleepiness }));
  it("after 3 very sleepy mornings in a row, the latest today or yesterday", () => {
    expect(
      needsRest(
        days([
          ["2026-11-18", 7],
          ["2026-11-19", 8],
          ["2026-11-20", 9],
        ]),
        "2026-11-20",
      ),
    ).toBe(true);
    expect(
      needsRest(
        days([
          ["2026-11-17", 7],
          ["2026-11-18", 8],
          ["2026-11-19", 7],
        ]),
        "2026-11-20",
      ),
    ).toBe(true);
  });
  it("not at 6, not with a gap, not when it was long ago", () => {
    expect(
      needsRest(
        days([
          ["2026-11-18", 7],
          ["2026-11-19", 6],
          ["2026-11-20", 9],
        ]),
        "2026-11-20",
      ),
    ).toBe(false);
    expect(
      needsRest(
        days([
          ["2026-11-17", 7],
          ["2026-11-19", 8],
          ["2026-11-20", 9],
        ]),
        "2026-11-20",
      ),
    ).toBe(false);
    expect(
      needsRest(
        days([
          ["2026-11-10", 9],
          ["2026-11-11", 9],
          ["2026-11-12", 9],
        ]),
        "2026-11-20",
      ),
    ).toBe(false);
  });
});

describe("rights", () => {
  it("parents change the thresholds; helpers read them", () => {
    expect(canChangeBalanceSettings({ role: "parent" })).toBe(true);
    expect(canChangeBalanceSettings({ role: "helper" })).toBe(false);
  });
  it("a check-in is seen by its author, and by others only when shared", () => {
    const mine = { caregiverId: P, shared: false };
    expect(canSeeCheckIn({ caregiverId: P }, mine)).toBe(true);
    expect(isOwnCheckIn({ caregiverId: P }, mine)).toBe(true);
    expect(canSeeCheckIn({ caregiverId: Q }, mine)).toBe(false);
    expect(canSeeCheckIn({ caregiverId: Q }, { ...mine, shared: true })).toBe(true);
    expect(isOwnCheckIn({ caregiverId: Q }, mine)).toBe(false);
  });
});
