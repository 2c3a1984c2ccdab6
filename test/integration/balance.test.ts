// Balance on real Postgres: two weeks of known nights give the right figures
// and warnings at the thresholds (not below); the offer from a warning is a
// swap the right way round that the loaded parent accepts; check-ins stay
// private unless shared (domain reads as the partner and the helper, and the
// live channel); settings are for parents only.
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { english } from "@/lib/i18n/english";
import { getBalance, getBalanceWarnings } from "@/lib/balance/read-balance";
import { getCheckIns, saveCheckIn } from "@/lib/balance/check-ins";
import { getBalanceSettings, updateBalanceSettings } from "@/lib/balance/settings";
import { requestSwap, respondToSwap } from "@/lib/nights/swaps";
import { nightWindow } from "@/lib/nights/night-window";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
import { expectRefusedUnchanged } from "../helpers/refused";
import { addDays, fromDbDate, toDbDate } from "@/lib/time/local-date";

const TZ = "Europe/Berlin";
// Friday afternoon: tonight is the 20th, last night (the last one over) the 19th.
const NOW = new Date("2026-11-20T13:00:00Z");
const TONIGHT = "2026-11-20";
const MIN = 60_000;

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
let f: TFamily;
let P: string; // the parent (Sam, so to speak): carrying the load
let Q: string; // the partner
let H: string; // the helper
let babyId: string;

/**
 * 14 nights before tonight, alternating Q and P, except that the helper had
 * the 11th (with 5 wakings of its own) and P has had the 16th to the 19th and
 * has tonight too. Over the last 7 nights (13th–19th) P got up 8 times, Q
 * twice: 80%. On duty all night, P had no protected sleep those nights.
 */
async function seedTwoWeeks() {
  const db = getDb();
  const shifts = [];
  const wakings = [];
  for (let i = 14; i >= 0; i--) {
    const date = addDays(TONIGHT, -i);
    const w = nightWindow(date, TZ, 19 * 60, 7 * 60);
    const who = i === 9 ? H : i <= 3 ? P : i % 2 ? Q : P;
    shifts.push({
      householdId: f.householdId,
      caregiverId: who,
      nightDate: toDbDate(date),
      startsAt: w.start,
      endsAt: w.end,
      source: "rota" as const,
    });
  }
  // Tonight's and the next night's shifts (P, then Q).
  const next = addDays(TONIGHT, 1);
  const wn = nightWindow(next, TZ, 19 * 60, 7 * 60);
  shifts.push({
    householdId: f.householdId,
    caregiverId: Q,
    nightDate: toDbDate(next),
    startsAt: wn.start,
    endsAt: wn.end,
    source: "rota" as const,
  });
  await db.shift.createMany({ data: shifts });
  const wake = (responderId: string, date: string, hour: number, minutes = 20) => {
    const start = new Date(nightWindow(date, TZ, 19 * 60, 7 * 60).start.getTime() + hour * 60 * MIN);
    return {
      householdId: f.householdId,
      babyId,
      responderId,
      nightDate: toDbDate(date),
      startedAt: start,
      endedAt: new Date(start.getTime() + minutes * MIN),
    };
  };
  for (let i = 7; i >= 1; i--) {
    const date = addDays(TONIGHT, -i);
    wakings.push(wake(P, date, 6));
    if (i <= 1) wakings.push(wake(P, date, 9));
    if (i === 5 || i === 6) wakings.push(wake(Q, date, 8));
  }
  // The helper's night (9 nights ago): 5 wakings, none in the parents' shares.
  for (let k = 0; k < 5; k++) wakings.push(wake(H, addDays(TONIGHT, -9), 1 + k * 2));
  await db.waking.createMany({ data: wakings });
}

beforeEach(async () => {
  f = await makeFamily("Bal");
  const db = getDb();
  await db.household.update({
    where: { id: f.householdId },
    data: { timeZone: TZ, nightStart: 19 * 60, nightEnd: 7 * 60 },
  });
  [P, Q, H] = [await caregiverIdOf(f.parent), await caregiverIdOf(f.partner), await caregiverIdOf(f.helper)];
  babyId = (
    await db.baby.create({ data: { householdId: f.householdId, name: "Robin", birthDate: new Date("2026-06-01") } })
  ).id;
  await seedTwoWeeks();
});

describe("figures of two known weeks", () => {
  it("the last 7 nights: nights, hours, wakings, shares among parents only, runs going on tonight", async () => {
    const view = await getBalance(await actorOf(f.partner), { householdId: f.householdId, period: "7" }, NOW);
    expect(view.selection).toEqual({ kind: "period", nights: 7, from: "2026-11-13", to: "2026-11-19" });
    const t = (id: string) => view.totals.find((x) => x.caregiverId === id)!;
    // 13th..19th: i = 7..1 → 7 Q, 6 P, 5 Q, 4 P, 3 P, 2 P, 1 P.
    expect(t(P)).toMatchObject({ nightsOnDuty: 5, dutyMinutes: 5 * 12 * 60, wakings: 8, current: 5, longest: 5 });
    expect(t(Q)).toMatchObject({ nightsOnDuty: 2, wakings: 2, current: 0 });
    expect(t(P).share).toBeCloseTo(0.8);
    expect(t(Q).share).toBeCloseTo(0.2);
    expect(t(H)).toMatchObject({ nightsOnDuty: 0, wakings: 0, share: null });
    expect(view.nights).toHaveLength(7);
  });

  it("the last 14 nights: the helper's night is counted for the helper, not in the parents' shares", async () => {
    const view = await getBalance(await actorOf(f.parent), { householdId: f.householdId, period: "14" }, NOW);
    const t = (id: string) => view.totals.find((x) => x.caregiverId === id)!;
    expect(t(H)).toMatchObject({ nightsOnDuty: 1, wakings: 5, awakeMinutes: 100, share: null });
    expect(t(P).share! + t(Q).share!).toBeCloseTo(1);
  });

  it("a chosen range longer than 30 nights is computed by Postgres, with the same figures", async () => {
    const actor = await actorOf(f.parent);
    const short = await getBalance(actor, { householdId: f.householdId, from: "2026-11-06", to: "2026-11-19" }, NOW);
    const long = await getBalance(actor, { householdId: f.householdId, from: "2026-09-01", to: "2026-11-19" }, NOW);
    expect(long.selection).toMatchObject({ kind: "range", nights: 80 });
    expect(long.nights).toEqual([]); // too many for one bar per night
    const strip = (v: typeof short) => v.totals.map(({ protectedByNight: _p, protectedMedian: _m, ...rest }) => rest);
    expect(strip(long)).toEqual(strip(short));
  });

  it("a range ending after last night is clamped; a bad one is refused kindly", async () => {
    const actor = await actorOf(f.parent);
    expect(
      (await getBalance(actor, { householdId: f.householdId, from: "2026-11-10", to: "2026-12-31" }, NOW)).selection,
    ).toMatchObject({ to: "2026-11-19", nights: 10 });
    await expect(
      getBalance(actor, { householdId: f.householdId, from: "2026-11-19", to: "2026-11-10" }, NOW),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(
      getBalance(actor, { householdId: f.householdId, from: "2024-01-01", to: "2026-11-19" }, NOW),
    ).rejects.toMatchObject({ code: "invalid", message: "Choose at most 366 nights." });
    await expect(
      getBalance(actor, { householdId: f.householdId, from: "2026-02-30", to: "2026-11-19" }, NOW),
    ).rejects.toMatchObject({ code: "invalid" });
    // Years outside 2000–2100 are refused before any SQL (year 0000 would be a Postgres error, 0099 read as 1999).
    for (const [from, to] of [
      ["0000-01-01", "0000-01-02"],
      ["0099-01-01", "0099-01-05"],
      ["2101-01-01", "2101-01-02"],
    ]) {
      await expect(getBalance(actor, { householdId: f.householdId, from, to }, NOW)).rejects.toMatchObject({
        code: "invalid",
      });
    }
  });
});

describe("warnings", () => {
  it("the partner sees why, and an offer to take tonight", async () => {
    const { warnings } = await getBalanceWarnings(await actorOf(f.partner), { householdId: f.householdId }, NOW);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.caregiverId).toBe(P);
    expect(warnings[0]!.reasons.map((r) => r.kind)).toEqual(["consecutive", "share", "sleep"]);
    expect(english(warnings[0]!.reasons[0]!.text)).toMatch(
      /^ParentBal is on duty for the fifth night running tonight\. Could someone take tonight\?$/,
    );
    expect(warnings[0]!.offer).toMatchObject({ kind: "take", tonight: true });
  });

  it("not below the household's thresholds", async () => {
    await updateBalanceSettings(await actorOf(f.parent), {
      householdId: f.householdId,
      warnConsecutive: 7,
      warnSharePercent: 85,
      warnSleepHours: 1,
      warnSleepNights: 5,
    });
    expect((await getBalanceWarnings(await actorOf(f.partner), { householdId: f.householdId }, NOW)).warnings).toEqual(
      [],
    );
    await updateBalanceSettings(await actorOf(f.parent), {
      householdId: f.householdId,
      warnConsecutive: 7,
      warnSharePercent: 80,
      warnSleepHours: 1,
      warnSleepNights: 5,
    });
    expect(
      (
        await getBalanceWarnings(await actorOf(f.partner), { householdId: f.householdId }, NOW)
      ).warnings[0]!.reasons.map((r) => r.kind),
    ).toEqual(["share"]);
  });

  it("the offer is a swap from the loaded parent to the one offering; once accepted, tonight changes hands", async () => {
    const partner = await actorOf(f.partner);
    const { warnings } = await getBalanceWarnings(partner, { householdId: f.householdId }, NOW);
    const offer = warnings[0]!.offer!;
    if (offer.kind !== "take") throw new Error("expected an offer to take");
    const { swapId } = await requestSwap(partner, { householdId: f.householdId, shiftId: offer.shiftId }, NOW);
    const swap = await getDb().swap.findUniqueOrThrow({ where: { id: swapId } });
    expect(swap).toMatchObject({ fromId: P, toId: Q, requestedById: Q, status: "pending", shiftId: offer.shiftId });
    // The card named the one who answers it: the loaded parent.
    expect(offer.answererId).toBe(P);
    // Now the card says a swap is waiting rather than offering a second one.
    expect((await getBalanceWarnings(partner, { householdId: f.householdId }, NOW)).warnings[0]!.offer).toMatchObject({
      kind: "pending",
      tonight: true,
    });
    // The loaded parent sees "Ask …" no more, and accepts on Tonight as with any swap.
    await respondToSwap(await actorOf(f.parent), { householdId: f.householdId, swapId, answer: "accept" }, NOW);
    const tonight = await getDb().shift.findUniqueOrThrow({ where: { id: offer.shiftId } });
    expect(tonight.caregiverId).toBe(Q);
    const after = await getBalanceWarnings(partner, { householdId: f.householdId }, NOW);
    expect(after.warnings[0]!.reasons.map((r) => r.kind)).toEqual(["consecutive", "share", "sleep"]);
    expect(english(after.warnings[0]!.reasons[0]!.text)).toMatch(/has been on duty four nights running/);
  });

  it("the loaded parent is offered to ask the partner instead", async () => {
    const { warnings } = await getBalanceWarnings(await actorOf(f.parent), { householdId: f.householdId }, NOW);
    expect(warnings[0]!.offer).toMatchObject({ kind: "ask", toId: Q, answererId: Q, tonight: true });
  });
});

describe("check-ins stay private unless shared", () => {
  const SECRET = "secret-note-7f3a";
  const checkinEvents = () =>
    getDb().liveEvent.count({ where: { householdId: f.householdId, type: "checkin.changed" } });

  it("a private check-in reaches nobody else: not the partner's or helper's reads, not the live channel", async () => {
    const mine = await saveCheckIn(
      await actorOf(f.parent),
      { householdId: f.householdId, sleepiness: "8", mood: "low", note: SECRET },
      NOW,
    );
    expect(mine).toMatchObject({ date: "2026-11-20", sleepiness: 8, shared: false });
    expect(await checkinEvents()).toBe(0);
    for (const who of [f.partner, f.helper]) {
      const actor = await actorOf(who);
      const view = await getBalance(actor, { householdId: f.householdId }, NOW);
      const text = JSON.stringify(view);
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(mine.id);
      expect(view.checkIns).toEqual([]);
      expect(await getCheckIns(actor, { householdId: f.householdId, from: "2026-11-01", to: "2026-11-30" })).toEqual(
        [],
      );
    }
    // Its author sees it, and today's form is filled from it.
    const own = await getBalance(await actorOf(f.parent), { householdId: f.householdId }, NOW);
    expect(own.myCheckInToday).toMatchObject({ note: SECRET, shared: false });
  });

  it("shared, it shows for the partner and is announced; made private again, it disappears", async () => {
    const parent = await actorOf(f.parent);
    const c = await saveCheckIn(
      parent,
      { householdId: f.householdId, sleepiness: "6", shared: "on", note: "shared note" },
      NOW,
    );
    expect(await checkinEvents()).toBe(1);
    const seen = await getBalance(await actorOf(f.partner), { householdId: f.householdId }, NOW);
    expect(seen.checkIns).toEqual([
      expect.objectContaining({ id: c.id, caregiverId: P, sleepiness: 6, note: "shared note", shared: true }),
    ]);
    // Edited the same morning: still one row, now private.
    await saveCheckIn(parent, { householdId: f.householdId, sleepiness: "7", note: SECRET }, NOW);
    expect(await getDb().checkIn.count({ where: { caregiverId: P } })).toBe(1);
    expect(await checkinEvents()).toBe(2); // "it's gone" is news to those who saw it
    const after = JSON.stringify(await getBalance(await actorOf(f.partner), { householdId: f.householdId }, NOW));
    expect(after).not.toContain(SECRET);
    // Edited again while private: no event at all.
    await saveCheckIn(parent, { householdId: f.householdId, sleepiness: "5" }, NOW);
    expect(await checkinEvents()).toBe(2);
  });

  it("a new morning is a new check-in (the household's local date)", async () => {
    const parent = await actorOf(f.parent);
    await saveCheckIn(parent, { householdId: f.householdId, sleepiness: "4" }, new Date("2026-11-20T22:59:00Z")); // 23:59 in Berlin
    await saveCheckIn(parent, { householdId: f.householdId, sleepiness: "5" }, new Date("2026-11-20T23:01:00Z")); // 00:01 on the 21st
    const rows = await getDb().checkIn.findMany({ where: { caregiverId: P }, orderBy: { date: "asc" } });
    expect(rows.map((r) => fromDbDate(r.date))).toEqual(["2026-11-20", "2026-11-21"]);
  });

  it("after three very sleepy mornings: a rest suggestion with the household's support text, only for that person", async () => {
    const parent = await actorOf(f.parent);
    for (const [day, s] of [
      ["2026-11-18", 7],
      ["2026-11-19", 9],
      ["2026-11-20", 8],
    ] as const) {
      await saveCheckIn(
        parent,
        { householdId: f.householdId, sleepiness: String(s), shared: "on" },
        new Date(`${day}T08:00:00Z`),
      );
    }
    await updateBalanceSettings(parent, {
      householdId: f.householdId,
      warnConsecutive: 3,
      warnSharePercent: 65,
      warnSleepHours: 4,
      warnSleepNights: 3,
      supportText: "Call Mia, our health visitor: 0123 456",
    });
    expect((await getBalance(parent, { householdId: f.householdId }, NOW)).rest).toEqual({
      suggested: true,
      supportText: "Call Mia, our health visitor: 0123 456",
    });
    // The partner sees the shared check-ins, but no suggestion meant for someone else.
    expect((await getBalance(await actorOf(f.partner), { householdId: f.householdId }, NOW)).rest.suggested).toBe(
      false,
    );
  });

  it("bad input: a clear message, nothing written", async () => {
    const parent = await actorOf(f.parent);
    const err = await expectRefusedUnchanged(
      () => saveCheckIn(parent, { householdId: f.householdId, sleepiness: "10" }, NOW),
      "invalid",
    );
    expect(err.fieldErrors?.sleepiness).toEqual(["Choose how sleepy you feel, 1 to 9."]);
    await expectRefusedUnchanged(
      () => saveCheckIn(parent, { householdId: f.householdId, sleepiness: "5", mood: "ecstatic" }, NOW),
      "invalid",
    );
    await expectRefusedUnchanged(
      () => saveCheckIn(parent, { householdId: f.householdId, sleepiness: "5", note: "x".repeat(501) }, NOW),
      "invalid",
    );
  });
});

describe("balance settings", () => {
  it("parents change them; helpers only read them", async () => {
    const helper = await actorOf(f.helper);
    expect(await getBalanceSettings(helper, { householdId: f.householdId })).toMatchObject({
      warnConsecutive: 3,
      warnSharePercent: 65,
      warnSleepMinutes: 240,
      warnSleepNights: 3,
      supportText: null,
    });
    await expectRefusedUnchanged(
      () =>
        updateBalanceSettings(helper, {
          householdId: f.householdId,
          warnConsecutive: 4,
          warnSharePercent: 70,
          warnSleepHours: 5,
          warnSleepNights: 2,
        }),
      "forbidden",
    );
    const saved = await updateBalanceSettings(await actorOf(f.partner), {
      householdId: f.householdId,
      warnConsecutive: "4",
      warnSharePercent: "70",
      warnSleepHours: "5",
      warnSleepNights: "2",
      supportText: "  ",
    });
    expect(saved).toEqual({
      warnConsecutive: 4,
      warnSharePercent: 70,
      warnSleepMinutes: 300,
      warnSleepNights: 2,
      supportText: null,
    });
    expect(
      await getDb().liveEvent.count({ where: { householdId: f.householdId, type: "household.changed" } }),
    ).toBeGreaterThan(0);
  });

  it("out-of-range values are refused next to the field, nothing written", async () => {
    const parent = await actorOf(f.parent);
    const err = await expectRefusedUnchanged(
      () =>
        updateBalanceSettings(parent, {
          householdId: f.householdId,
          warnConsecutive: "1",
          warnSharePercent: "50",
          warnSleepHours: "11",
          warnSleepNights: "6",
        }),
      "invalid",
    );
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual([
      "warnConsecutive",
      "warnSharePercent",
      "warnSleepHours",
      "warnSleepNights",
    ]);
    expect(err).toBeInstanceOf(AppError);
  });
});
