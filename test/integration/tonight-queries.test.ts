// Tonight's night data (who is on duty and the next nights, the night log,
// tap-outs, pending swaps, the handoff card) and the morning's "While you
// were asleep" read a fixed, small number of SQL statements, the same with
// three years of history as with a few nights. Measured as the page composes
// them (app/(app)/tonight/page.tsx): getTonight and getNightLog together, the
// handoff card's notes, and the morning summary with its thanks.
//
// Outside a React render `cache()` calls straight through, so each operation
// here reads its own membership (one statement each; the page reads it once).
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getTonight } from "@/lib/nights/read-nights";
import { getNightLog } from "@/lib/log/read-log";
import { getTonightHandoffNotes } from "@/lib/notes/read-notes";
import { getMorningSummary } from "@/lib/notes/summary";
import { getUnseenThanks } from "@/lib/notes/thanks";
import { nightWindow } from "@/lib/nights/night-window";
import type { TActor } from "@/lib/auth/actor";
import { countQueries } from "../helpers/count-queries";
import {
  actorOf,
  caregiverIdOf,
  makeBaby,
  makeFamily,
  makeNote,
  makeShift,
  makeWaking,
  nightInstant,
} from "../helpers/factories";
import { addDays, toDbDate } from "@/lib/time/local-date";

const CLOCK = { timeZone: "Europe/Berlin", nightStart: 19 * 60, nightEnd: 7 * 60 };
const NIGHT = "2026-11-25";
const EVENING = nightInstant(NIGHT, "21:00", CLOCK); // tonight, in progress
const MORNING = nightInstant(NIGHT, "09:00", CLOCK); // the day after (09:00 falls on the next date)

/** What the page reads at night (the parent, on duty): the night card and log, then the handoff card. */
async function nightReads(actor: TActor, householdId: string, now: Date) {
  const [nights, log] = await Promise.all([
    getTonight(actor, { householdId }, now),
    getNightLog(actor, { householdId }, now),
  ]);
  const handoff = await getTonightHandoffNotes(actor, { householdId, tonight: nights.tonight.date }, now);
  return { nights, log, handoff };
}

/** What the page reads in the morning (the partner, off last night, on duty tonight): the above and the summary card. */
async function morningReads(actor: TActor, householdId: string, now: Date) {
  const [night, summary, thanks] = await Promise.all([
    nightReads(actor, householdId, now),
    getMorningSummary(actor, { householdId }, now),
    getUnseenThanks(actor, { householdId }, now),
  ]);
  return { ...night, summary, thanks };
}

async function seedHistory(householdId: string, caregivers: string[], last: string, nights: number) {
  const rows = [];
  for (let i = nights; i >= 1; i--) {
    const date = addDays(last, -i);
    const w = nightWindow(date, CLOCK.timeZone, CLOCK.nightStart, CLOCK.nightEnd);
    rows.push({
      householdId,
      caregiverId: caregivers[i % 2]!,
      nightDate: toDbDate(date),
      startsAt: w.start,
      endsAt: w.end,
      source: "rota" as const,
    });
  }
  await getDb().shift.createMany({ data: rows });
}

describe("Tonight's reads stay few as history grows", () => {
  let f: Awaited<ReturnType<typeof makeFamily>>;
  let parentId: string;
  let partnerId: string;
  let swapId: string;
  beforeAll(async () => {
    f = await makeFamily("T");
    parentId = await caregiverIdOf(f.parent);
    partnerId = await caregiverIdOf(f.partner);
    await makeBaby(f.householdId);
    // The rota from last night to a week ahead: the partner last night, the parent tonight, then in turns.
    const shifts = [];
    for (let i = -1; i <= 7; i++) {
      shifts.push(await makeShift(f.householdId, i % 2 === 0 ? parentId : partnerId, { night: addDays(NIGHT, i) }));
    }
    await makeWaking(f.householdId, partnerId, { night: addDays(NIGHT, -1), at: "02:00", helped: ["rock"] });
    await makeWaking(f.householdId, parentId, { night: NIGHT, at: "20:15", minutes: 15 });
    await getDb().tapOut.create({
      data: {
        householdId: f.householdId,
        nightDate: toDbDate(NIGHT),
        requesterId: parentId,
        requestedAt: nightInstant(NIGHT, "20:40", CLOCK),
      },
    });
    // The parent asks the partner to take the night after next (pending).
    const later = shifts[3]!;
    const swap = await getDb().swap.create({
      data: {
        householdId: f.householdId,
        shiftId: later.id,
        shiftVersion: later.version,
        fromId: parentId,
        toId: partnerId,
        startsAt: later.startsAt,
        endsAt: later.endsAt,
        nightDate: later.nightDate,
        requestedById: parentId,
      },
    });
    swapId = swap.id;
    await makeNote(f.householdId, partnerId, {
      kind: "handoff",
      night: addDays(NIGHT, -1),
      at: nightInstant(addDays(NIGHT, -1), "06:50", CLOCK),
    });
  });

  it("night and morning: a fixed number of statements, the same with three years of history", async () => {
    const parent = await actorOf(f.parent);
    const partner = await actorOf(f.partner);
    const measure = async () => ({
      night: await countQueries(() => nightReads(parent, f.householdId, EVENING)),
      morning: await countQueries(() => morningReads(partner, f.householdId, MORNING)),
    });
    const small = await measure();
    await seedHistory(f.householdId, [parentId, partnerId], addDays(NIGHT, -1), 3 * 365);
    const big = await measure();
    console.log(
      `queries: tonight ${small.night.queries} → ${big.night.queries}, morning ${small.morning.queries} → ${big.morning.queries}`,
    );
    if (process.env.SHOW_SQL) console.log(big.morning.sql.map((q) => q.slice(0, 160)).join("\n"));
    expect(big.night.queries).toBe(small.night.queries);
    expect(big.morning.queries).toBe(small.morning.queries);
    // Outside a render each operation reads its own membership (3 at night, 5 in the morning), the cached
    // household details and, in the morning, the night log twice: the page reads each once (React cache).
    expect(big.night.queries).toBeLessThanOrEqual(8);
    expect(big.morning.queries).toBeLessThanOrEqual(18);

    // The night: the parent on duty, the week ahead, tonight's waking, the tap-out, the swap, last night's handoff.
    const n = big.night.result;
    expect(n.nights.tonight.date).toBe(NIGHT);
    expect(n.nights.nights).toHaveLength(7);
    expect(n.nights.nights.every((x) => x.shifts.length === 1)).toBe(true);
    expect(n.nights.duty.onDuty?.caregiverId).toBe(parentId);
    expect(n.nights.duty.next?.caregiverId).toBe(partnerId);
    expect(n.log.night).toBe(NIGHT);
    expect(n.log.babies.map((b) => b.name)).toEqual(["Pip"]);
    expect(n.log.wakings.map((w) => w.responderId)).toEqual([parentId]);
    expect(n.log.open).toEqual([]);
    expect(n.log.tapOuts.map((t) => t.requesterId)).toEqual([parentId]);
    expect(n.log.swaps.map((s) => [s.id, s.fromId, s.toId, s.night])).toEqual([
      [swapId, parentId, partnerId, addDays(NIGHT, 2)],
    ]);
    expect(n.log.recent[0]!.night).toBe(addDays(NIGHT, -1));
    expect(n.log.recent[0]!.wakings.map((w) => [w.responderId, w.helped])).toEqual([[partnerId, ["rock"]]]);
    expect(n.handoff.map((x) => [x.night, x.mine])).toEqual([[addDays(NIGHT, -1), false]]);

    // The morning (the partner slept through the parent's night): the summary of it.
    const m = big.morning.result;
    expect(m.nights.tonight.date).toBe(addDays(NIGHT, 1));
    expect(m.summary?.night).toBe(NIGHT);
    expect(m.summary?.shifts.map((s) => s.caregiverId)).toEqual([parentId]);
    expect(m.summary?.wakings.map((w) => w.responderId)).toEqual([parentId]);
    expect(m.summary?.tapOuts).toHaveLength(1);
    expect(m.summary?.thank.map((p) => [p.id, p.thanked])).toEqual([[parentId, false]]);
    expect(m.thanks).toEqual([]);
  });
});
