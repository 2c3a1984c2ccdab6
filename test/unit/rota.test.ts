import { describe, expect, it } from "vitest";
import { nightWindow } from "@/lib/nights/night-window";
import {
  proposeRota as proposeRotaRefs,
  reasonWithoutNames,
  RotaInputError,
  rotaSpan,
  validateRotaInput as validateRotaInputRefs,
  type TRotaInput,
  type TRotaResult,
} from "@/lib/nights/rota";
import { english } from "@/lib/i18n/english";
import { msg } from "@/lib/i18n/text";

// Reasons and problems are message references (lib/i18n/text.ts): compare them in British English.
function proposeRota(input: TRotaInput): TRotaResult {
  const r = proposeRotaRefs(input);
  return {
    ...r,
    shifts: r.shifts.map((s) => ({ ...s, reason: english(s.reason) })),
    unfilled: r.unfilled.map((u) => ({ ...u, reason: english(u.reason) })),
  };
}
const validateRotaInput = (input: TRotaInput) => validateRotaInputRefs(input).map(english);

const HOUR = 3600_000;
const ALEX = { id: "alex", name: "Alex" };
const SAM = { id: "sam", name: "Sam" };
const JO = { id: "jo", name: "Jo" };

// 2026-06-01 is a Monday.
function input(over: Partial<TRotaInput> = {}): TRotaInput {
  return {
    timeZone: "UTC",
    nightStart: 19 * 60,
    nightEnd: 7 * 60,
    from: "2026-06-01",
    nights: 4,
    caregivers: [ALEX, SAM],
    template: { kind: "alternate" },
    unavailability: [],
    history: [],
    existing: [],
    ...over,
  };
}

const night = (date: string, tz = "UTC") => nightWindow(date, tz, 19 * 60, 7 * 60);
/** Unavailable for the whole night of `date`. */
const awayFor = (caregiverId: string, date: string) => ({
  caregiverId,
  start: night(date).start,
  end: night(date).end,
});
const who = (r: TRotaResult) => r.shifts.map((s) => s.caregiverId);
const why = (r: TRotaResult) => r.shifts.map((s) => s.reason);
const hours = (s: { start: Date; end: Date }) => (s.end.getTime() - s.start.getTime()) / HOUR;
const at = (s: { start: Date; end: Date }) =>
  `${s.start.toISOString().slice(11, 16)}–${s.end.toISOString().slice(11, 16)}`;

describe("rota: alternate", () => {
  it("takes turns with whole nights, named by their start date", () => {
    const r = proposeRota(input());
    expect(who(r)).toEqual(["alex", "sam", "alex", "sam"]);
    expect(why(r)).toEqual(["Taking turns", "Taking turns", "Taking turns", "Taking turns"]);
    expect(r.shifts.map((s) => s.date)).toEqual(["2026-06-01", "2026-06-02", "2026-06-03", "2026-06-04"]);
    expect(r.shifts[0]!.start.toISOString()).toBe("2026-06-01T19:00:00.000Z");
    expect(r.shifts[0]!.end.toISOString()).toBe("2026-06-02T07:00:00.000Z");
    expect(r.unfilled).toEqual([]);
  });

  it("a night lasts what the clock says across DST: 11 hours in spring, 13 in autumn (Europe/London)", () => {
    const spring = proposeRota(input({ timeZone: "Europe/London", from: "2026-03-27", nights: 3 }));
    expect(spring.shifts.map(hours)).toEqual([12, 11, 12]);
    const autumn = proposeRota(input({ timeZone: "Europe/London", from: "2026-10-23", nights: 3 }));
    expect(autumn.shifts.map(hours)).toEqual([12, 13, 12]);
    // 30-minute change on Lord Howe Island.
    const lordHowe = proposeRota(input({ timeZone: "Australia/Lord_Howe", from: "2026-10-03", nights: 1 }));
    expect(lordHowe.shifts.map(hours)).toEqual([11.5]);
  });

  it("three caregivers go round in their listed order", () => {
    const r = proposeRota(input({ caregivers: [JO, ALEX, SAM], nights: 6 }));
    expect(who(r)).toEqual(["jo", "alex", "sam", "jo", "alex", "sam"]);
  });

  it("the listed order breaks the first tie", () => {
    expect(who(proposeRota(input({ caregivers: [SAM, ALEX], nights: 2 })))).toEqual(["sam", "alex"]);
  });
});

describe("rota: the rules, in order", () => {
  it("1. unavailability: someone unavailable for any part of the night does not get it", () => {
    const r = proposeRota(input({ unavailability: [awayFor("alex", "2026-06-01")] }));
    expect(who(r)).toEqual(["sam", "alex", "sam", "alex"]);
    expect(why(r)).toEqual(["Alex was unavailable", "Taking turns", "Taking turns", "Taking turns"]);

    // An early meeting at 06:00 on the 2nd rules Alex out of the night of the 1st.
    const meeting = {
      caregiverId: "alex",
      start: new Date("2026-06-02T06:00:00Z"),
      end: new Date("2026-06-02T09:00:00Z"),
    };
    expect(proposeRota(input({ nights: 1, unavailability: [meeting] })).shifts[0]).toMatchObject({
      caregiverId: "sam",
      reason: "Alex was unavailable",
    });
  });

  it("1. nobody available: the night stays unfilled, with a reason", () => {
    const r = proposeRota(
      input({ nights: 3, unavailability: [awayFor("alex", "2026-06-02"), awayFor("sam", "2026-06-02")] }),
    );
    expect(r.shifts.map((s) => s.date)).toEqual(["2026-06-01", "2026-06-03"]);
    expect(r.unfilled).toEqual([{ ...night("2026-06-02"), reason: "Nobody was available" }]);
  });

  it("2. the gap in nights carried: fewer nights first", () => {
    // Alex carried 4 nights, Sam 1 (most recently, so it would be Alex's turn).
    const history = ["2026-05-20", "2026-05-21", "2026-05-23", "2026-05-24"].map((date) => ({
      date,
      caregiverIds: ["alex"],
    }));
    const r = proposeRota(input({ nights: 1, history: [...history, { date: "2026-05-30", caregiverIds: ["sam"] }] }));
    expect(r.shifts[0]).toMatchObject({ caregiverId: "sam", reason: "Alex had carried 3 more nights" });
  });

  it("3. at most N nights in a row, even when the gap says otherwise", () => {
    // Alex carried 4 nights, Sam 1 (last night).
    const history = [
      ...["2026-05-25", "2026-05-26", "2026-05-28", "2026-05-29"].map((date) => ({ date, caregiverIds: ["alex"] })),
      { date: "2026-05-31", caregiverIds: ["sam"] },
    ];
    const r = proposeRota(input({ history }));
    expect(who(r)).toEqual(["sam", "alex", "sam", "sam"]);
    expect(why(r)).toEqual([
      "Alex had carried 3 more nights",
      "It would have been Sam's third night in a row",
      "Taking turns",
      "Alex had carried 2 more nights",
    ]);
    // A limit of 3 lets Sam close the gap faster.
    expect(who(proposeRota(input({ history, maxConsecutive: 3 })))).toEqual(["sam", "sam", "alex", "sam"]);
  });

  it("3. the limit gives way only when nobody else is available, and says so", () => {
    const away = ["2026-06-02", "2026-06-03", "2026-06-04"].map((d) => awayFor("sam", d));
    const r = proposeRota(input({ nights: 5, unavailability: away }));
    expect(who(r)).toEqual(["alex", "alex", "alex", "alex", "sam"]);
    expect(why(r)).toEqual([
      "Taking turns",
      "Sam was unavailable",
      "Alex took a third night in a row: nobody else was available",
      "Alex took a fourth night in a row: nobody else was available",
      // Every rule would have chosen Sam on its own.
      "Taking turns",
    ]);
  });

  it("3. with one caregiver in the rota, says that instead", () => {
    const r = proposeRota(input({ caregivers: [SAM], nights: 3 }));
    expect(why(r)[2]).toBe("Sam took a third night in a row: nobody else is in the rota");
  });

  it("4. taking turns is the tie-breaker, and the gap closes", () => {
    const r = proposeRota(input({ nights: 6, history: [{ date: "2026-05-31", caregiverIds: ["alex"] }] }));
    expect(who(r)).toEqual(["sam", "alex", "sam", "alex", "sam", "alex"]);
    expect(why(r).every((w) => w === "Taking turns")).toBe(true);
  });

  it("unavailability of a third caregiver is not mentioned when it changed nothing", () => {
    const r = proposeRota(
      input({ caregivers: [ALEX, SAM, JO], nights: 1, unavailability: [awayFor("jo", "2026-06-01")] }),
    );
    expect(r.shifts[0]).toMatchObject({ caregiverId: "alex", reason: "Taking turns" });
    const r2 = proposeRota(
      input({ caregivers: [ALEX, SAM, JO], nights: 1, unavailability: [awayFor("alex", "2026-06-01")] }),
    );
    expect(r2.shifts[0]).toMatchObject({ caregiverId: "sam", reason: "Alex was unavailable" });
  });
});

describe("rota: split nights", () => {
  it("the same split every night, the first half taking turns", () => {
    const r = proposeRota(input({ nights: 2, template: { kind: "split", splitAt: 60, firstHalf: "rotate" } }));
    expect(r.shifts.map((s) => `${s.date} ${at(s)} ${s.caregiverId}: ${s.reason}`)).toEqual([
      "2026-06-01 19:00–01:00 alex: Taking turns with the first half",
      "2026-06-01 01:00–07:00 sam: Split night with Alex",
      "2026-06-02 19:00–01:00 sam: Taking turns with the first half",
      "2026-06-02 01:00–07:00 alex: Split night with Sam",
    ]);
  });

  it("with two caregivers, a gap in history does not pin the first half on one of them", () => {
    const history = Array.from({ length: 10 }, (_, i) => ({
      date: `2026-05-${String(20 + i).padStart(2, "0")}`,
      caregiverIds: ["alex"],
    }));
    const r = proposeRota(input({ nights: 4, history, template: { kind: "split", splitAt: 60, firstHalf: "rotate" } }));
    expect(r.shifts.filter((_, i) => i % 2 === 0).map((s) => s.caregiverId)).toEqual(["alex", "sam", "alex", "sam"]);
  });

  it("with three caregivers, fairness picks the two on duty", () => {
    const r = proposeRota(
      input({ caregivers: [ALEX, SAM, JO], nights: 6, template: { kind: "split", splitAt: 60, firstHalf: "rotate" } }),
    );
    const byNight = new Map<string, string[]>();
    for (const s of r.shifts) byNight.set(s.date, [...(byNight.get(s.date) ?? []), s.caregiverId]);
    for (const pair of byNight.values()) expect(new Set(pair).size).toBe(2);
    const count = (id: string) => [...byNight.values()].filter((p) => p.includes(id)).length;
    expect([count("alex"), count("sam"), count("jo")]).toEqual([4, 4, 4]);
  });

  it("a fixed first half, with a fallback when that caregiver is unavailable", () => {
    const r = proposeRota(
      input({
        nights: 2,
        template: { kind: "split", splitAt: 60, firstHalf: "sam" },
        unavailability: [awayFor("sam", "2026-06-02")],
      }),
    );
    expect(r.shifts.map((s) => `${s.caregiverId}: ${s.reason}`)).toEqual([
      "sam: Sam always takes the first half",
      "alex: Split night with Sam",
      "alex: Sam usually takes the first half but was unavailable",
      "alex: Sam was unavailable",
    ]);
  });

  it("splits at the local time: the first 01:00 on a fall-back night (London: 6 h + 7 h)", () => {
    const r = proposeRota(
      input({
        timeZone: "Europe/London",
        from: "2026-10-24",
        nights: 1,
        template: { kind: "split", splitAt: 60, firstHalf: "rotate" },
      }),
    );
    expect(r.shifts.map((s) => [s.start.toISOString(), s.end.toISOString(), hours(s)])).toEqual([
      ["2026-10-24T18:00:00.000Z", "2026-10-25T00:00:00.000Z", 6], // 19:00 BST – 01:00 BST
      ["2026-10-25T00:00:00.000Z", "2026-10-25T07:00:00.000Z", 7], // 01:00 BST – 07:00 GMT
    ]);
  });

  it("a split at a time that does not exist moves forward by the gap (New York 02:30 → 03:30 EDT)", () => {
    const r = proposeRota(
      input({
        timeZone: "America/New_York",
        nightStart: 20 * 60,
        nightEnd: 6 * 60,
        from: "2026-03-07",
        nights: 1,
        template: { kind: "split", splitAt: 150, firstHalf: "rotate" },
      }),
    );
    expect(r.shifts.map((s) => [s.start.toISOString(), s.end.toISOString(), hours(s)])).toEqual([
      ["2026-03-08T01:00:00.000Z", "2026-03-08T07:30:00.000Z", 6.5],
      ["2026-03-08T07:30:00.000Z", "2026-03-08T10:00:00.000Z", 2.5],
    ]);
  });

  it("a split at a repeated time on Lord Howe Island takes the first one (01:45 at +11)", () => {
    const r = proposeRota(
      input({
        timeZone: "Australia/Lord_Howe",
        from: "2026-04-04",
        nights: 1,
        template: { kind: "split", splitAt: 105, firstHalf: "rotate" },
      }),
    );
    expect(r.shifts[0]!.end.toISOString()).toBe("2026-04-04T14:45:00.000Z");
    expect(r.shifts.map(hours)).toEqual([6.75, 5.75]); // a 12½-hour night
  });
});

describe("rota: weekly pattern", () => {
  it("Alex first half Sunday to Thursday, Sam second; weekends swapped", () => {
    const weekday = { split: 60, first: "alex", second: "sam" };
    const weekend = { split: 60, first: "sam", second: "alex" };
    const template = {
      kind: "weekly" as const,
      pattern: { 0: weekday, 1: weekday, 2: weekday, 3: weekday, 4: weekday, 5: weekend, 6: weekend },
    };
    const r = proposeRota(input({ nights: 7, template }));
    const firstHalves = r.shifts.filter((_, i) => i % 2 === 0);
    expect(firstHalves.map((s) => s.caregiverId)).toEqual(["alex", "alex", "alex", "alex", "sam", "sam", "alex"]);
    expect(why(r).slice(0, 2)).toEqual([
      "Alex usually takes the first half on Mondays",
      "Sam usually takes the second half on Mondays",
    ]);
    expect(firstHalves[4]!.reason).toBe("Sam usually takes the first half on Fridays");
  });

  it("whole nights by day; a day left out is filled by taking turns", () => {
    const r = proposeRota(
      input({
        nights: 3,
        template: { kind: "weekly", pattern: { 1: { caregiverId: "sam" }, 2: { caregiverId: "sam" } } },
      }),
    );
    expect(r.shifts.map((s) => `${s.caregiverId}: ${s.reason}`)).toEqual([
      "sam: Sam usually takes Mondays",
      "sam: Sam usually takes Tuesdays",
      "alex: Taking turns",
    ]);
  });

  it("falls back to the fairness rules when the usual caregiver is unavailable, and says why", () => {
    const template = { kind: "weekly" as const, pattern: { 1: { caregiverId: "sam" }, 2: { caregiverId: "sam" } } };
    const r = proposeRota(input({ nights: 2, template, unavailability: [awayFor("sam", "2026-06-01")] }));
    expect(r.shifts[0]).toMatchObject({ caregiverId: "alex", reason: "Sam usually takes Mondays but was unavailable" });
    const nobody = proposeRota(
      input({ nights: 1, template, unavailability: [awayFor("sam", "2026-06-01"), awayFor("alex", "2026-06-01")] }),
    );
    expect(nobody.unfilled.map((u) => u.reason)).toEqual([
      "Sam usually takes Mondays but was unavailable, and nobody else was available",
    ]);
  });
});

describe("rota: feed then hand over", () => {
  const template = { kind: "feed-then-handover" as const, feederId: "sam", feedUntil: 23 * 60 };

  it("the feeding parent takes the feed window, the other the rest", () => {
    const r = proposeRota(input({ nights: 1, template }));
    expect(r.shifts.map((s) => `${at(s)} ${s.caregiverId}: ${s.reason}`)).toEqual([
      "19:00–23:00 sam: Sam feeds until 23:00",
      "23:00–07:00 alex: After Sam's feed",
    ]);
  });

  it("when the feeder is away the other takes it all; when the other is away the feeder does", () => {
    const feederAway = proposeRota(input({ nights: 1, template, unavailability: [awayFor("sam", "2026-06-01")] }));
    expect(feederAway.shifts.map((s) => `${s.caregiverId}: ${s.reason}`)).toEqual([
      "alex: Sam usually feeds until 23:00 but was unavailable",
      "alex: Sam was unavailable",
    ]);
    const otherAway = proposeRota(input({ nights: 1, template, unavailability: [awayFor("alex", "2026-06-01")] }));
    expect(otherAway.shifts.map((s) => `${s.caregiverId}: ${s.reason}`)).toEqual([
      "sam: Sam feeds until 23:00",
      "sam: Alex was unavailable",
    ]);
  });

  it("with a helper, the rest of the night goes round the others", () => {
    const r = proposeRota(input({ caregivers: [SAM, ALEX, JO], nights: 4, template }));
    expect(r.shifts.filter((_, i) => i % 2 === 1).map((s) => s.caregiverId)).toEqual(["alex", "jo", "alex", "jo"]);
  });
});

describe("rota: shifts made by hand", () => {
  it("are never overwritten: the plan goes around them and reports them as kept", () => {
    const manual = {
      caregiverId: "alex",
      start: new Date("2026-06-01T19:00:00Z"),
      end: new Date("2026-06-01T23:00:00Z"),
      manual: true,
    };
    const r = proposeRota(input({ nights: 2, existing: [manual] }));
    expect(r.kept).toEqual([{ date: "2026-06-01", start: manual.start, end: manual.end, caregiverId: "alex" }]);
    expect(r.shifts.map((s) => `${s.date} ${at(s)} ${s.caregiverId}: ${s.reason}`)).toEqual([
      "2026-06-01 23:00–07:00 sam: Alex already has part of this night",
      "2026-06-02 19:00–07:00 alex: Taking turns",
    ]);
  });

  it("a whole night made by hand counts as carried", () => {
    const manual = { caregiverId: "sam", ...night("2026-06-02"), manual: true };
    const r = proposeRota(input({ nights: 3, existing: [manual] }));
    expect(r.shifts.map((s) => `${s.date} ${s.caregiverId}`)).toEqual(["2026-06-01 alex", "2026-06-03 alex"]);
  });

  it("nights made by hand later in the range count towards nights in a row", () => {
    const existing = ["2026-06-03", "2026-06-04"].map((d) => ({ caregiverId: "alex", ...night(d), manual: true }));
    const r = proposeRota(input({ nights: 4, existing, history: [{ date: "2026-05-31", caregiverIds: ["alex"] }] }));
    expect(r.shifts.map((s) => `${s.date} ${s.caregiverId}: ${s.reason}`)).toEqual([
      "2026-06-01 sam: Taking turns",
      "2026-06-02 sam: It would have been Alex's third night in a row",
    ]);
  });

  it("generated shifts in the range are replaced and counted", () => {
    const generated = (d: string, id: string) => ({ caregiverId: id, ...night(d), manual: false });
    const r = proposeRota(
      input({
        nights: 2,
        existing: [generated("2026-06-01", "sam"), generated("2026-06-02", "sam"), generated("2026-06-05", "alex")],
      }),
    );
    expect(r.replaced).toBe(2);
    expect(who(r)).toEqual(["alex", "sam"]);
    expect(rotaSpan(input({ nights: 2 }))).toEqual({ start: night("2026-06-01").start, end: night("2026-06-02").end });
  });
});

describe("rota: input", () => {
  it("refuses what cannot be planned, with sentences a person can act on", () => {
    expect(validateRotaInput(input())).toEqual([]);
    expect(validateRotaInput(input({ template: { kind: "split", splitAt: 12 * 60, firstHalf: "rotate" } }))).toEqual([
      "The split time must fall inside the night.",
    ]);
    expect(
      validateRotaInput(input({ template: { kind: "feed-then-handover", feederId: "nobody", feedUntil: 23 * 60 } })),
    ).toEqual(["The template names someone who is not taking part in the rota."]);
    expect(validateRotaInput(input({ timeZone: "Mars/Olympus_Mons", nights: -1, maxConsecutive: 0 }))).toEqual([
      '"Mars/Olympus_Mons" is not a time zone we know.',
      "The number of nights must be a whole number from 0 to 3660.",
      "The limit of nights in a row must be at least 1.",
    ]);
    expect(() => proposeRota(input({ from: "2026-02-30" }))).toThrow(RotaInputError);
  });

  it("no nights, no shifts; nobody in the rota, every night unfilled", () => {
    expect(proposeRota(input({ nights: 0 }))).toEqual({ shifts: [], kept: [], replaced: 0, unfilled: [] });
    expect(proposeRota(input({ caregivers: [], nights: 2 })).unfilled.map((u) => u.reason)).toEqual([
      "Nobody is in the rota",
      "Nobody is in the rota",
    ]);
  });
});

describe("fixedOnly caregivers", () => {
  it("take the nights the template names for them and no open ones", () => {
    const input: TRotaInput = {
      timeZone: "UTC",
      nightStart: 19 * 60,
      nightEnd: 7 * 60,
      from: "2026-12-07",
      nights: 14,
      caregivers: [
        { id: "a", name: "Sam" },
        { id: "b", name: "Alex" },
        { id: "n", name: "Nanny" },
      ],
      template: { kind: "weekly", pattern: { 5: { caregiverId: "n" } } },
      unavailability: [],
      history: [],
      existing: [],
      fixedOnly: ["n"],
    };
    const r = proposeRota(input);
    const nanny = r.shifts.filter((s) => s.caregiverId === "n");
    expect(nanny.map((s) => s.date)).toEqual(["2026-12-11", "2026-12-18"]);
    expect(r.shifts).toHaveLength(14);
  });
});

describe("reasonWithoutNames", () => {
  const others = [
    { name: "Alex", as: "your partner" },
    { name: "Anna Maria", as: "the helper" },
    { name: "Anna", as: "a parent" },
  ];

  it("replaces whole names only, longest first, once, and capitalises the start", () => {
    expect(reasonWithoutNames("Alex was unavailable; Anna Maria had carried 2 more nights", others)).toBe(
      "Your partner was unavailable; the helper had carried 2 more nights",
    );
    expect(reasonWithoutNames("It would have been Anna's 3rd night in a row", others)).toBe(
      "It would have been a parent's 3rd night in a row",
    );
    expect(reasonWithoutNames("Split night with Alexandra", others)).toBe("Split night with Alexandra");
  });

  it("leaves a reason without those names as it is", () => {
    expect(reasonWithoutNames("Taking turns", others)).toBe("Taking turns");
    expect(reasonWithoutNames("Alex was unavailable", [])).toBe("Alex was unavailable");
  });

  it("treats names as text, not patterns", () => {
    expect(reasonWithoutNames("J.R. (Jo) was unavailable; JxR", [{ name: "J.R. (Jo)", as: "your partner" }])).toBe(
      "Your partner was unavailable; JxR",
    );
  });
});

describe("reasonWithoutNames on a message reference", () => {
  it("replaces the names among its values and words it in the reader's language", () => {
    const reason = msg("nights.rota.reason.both", {
      first: msg("nights.rota.reason.unavailable", { name: "Alex" }),
      rest: msg("nights.rota.reason.limit", { name: "Anna", run: 3 }),
    });
    const others = [
      { name: "Alex", as: msg("nights.ics.unnamed.partner") },
      { name: "Anna", as: msg("nights.ics.unnamed.parent") },
    ];
    expect(reasonWithoutNames(reason, others, english)).toBe(
      "Your partner was unavailable; it would have been a parent's third night in a row",
    );
    expect(reasonWithoutNames(reason, [], english)).toBe(
      "Alex was unavailable; it would have been Anna's third night in a row",
    );
  });
});
