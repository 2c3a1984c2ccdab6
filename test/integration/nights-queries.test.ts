// The month view and Tonight read a fixed number of SQL statements however
// long the household's history: shown with three years of nights.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getNights, getTonight } from "@/lib/nights/read-nights";
import { nightWindow } from "@/lib/nights/night-window";
import { getUnreadNotes, getHandoffNotes } from "@/lib/notes/read-notes";
import { getNightLog, getNightWakings, getPendingSwaps } from "@/lib/log/read-log";
import { householdDetails } from "@/lib/household/details";
import type { TActor } from "@/lib/auth/actor";
import { countQueries, inOneRender } from "../helpers/count-queries";
import { actorOf, caregiverIdOf, makeBaby, makeFamily, makeNote, makeWaking } from "../helpers/factories";
import { addDays, toDbDate } from "@/lib/time/local-date";

async function seedHistory(householdId: string, caregivers: string[], firstNight: string, nights: number) {
  const h = await getDb().household.findUniqueOrThrow({ where: { id: householdId } });
  const rows = [];
  for (let i = 0; i < nights; i++) {
    const date = addDays(firstNight, i);
    const w = nightWindow(date, h.timeZone, h.nightStart, h.nightEnd);
    const mid = new Date((w.start.getTime() + w.end.getTime()) / 2);
    const base = { householdId, nightDate: toDbDate(date), source: "rota" as const };
    if (i % 3 === 0) {
      rows.push(
        { ...base, caregiverId: caregivers[0]!, startsAt: w.start, endsAt: mid },
        { ...base, caregiverId: caregivers[1]!, startsAt: mid, endsAt: w.end },
      );
    } else {
      rows.push({ ...base, caregiverId: caregivers[i % 2]!, startsAt: w.start, endsAt: w.end });
    }
  }
  await getDb().shift.createMany({ data: rows });
  return rows.length;
}

describe("night views stay cheap as history grows", () => {
  let f: Awaited<ReturnType<typeof makeFamily>>;
  beforeAll(async () => {
    f = await makeFamily("Q");
  });

  it("month view and Tonight: the same number of queries with 0 nights and with 3 years", async () => {
    const actor = await actorOf(f.parent);
    const now = new Date("2026-11-26T20:00:00Z");
    const small = await countQueries(() =>
      getNights(actor, { householdId: f.householdId, from: "2026-11-02", count: 42 }),
    );
    const tonightSmall = await countQueries(() => getTonight(actor, { householdId: f.householdId }, now));

    const cgs = [await caregiverIdOf(f.parent), await caregiverIdOf(f.partner)];
    const rows = await seedHistory(f.householdId, cgs, "2023-11-26", 3 * 365 + 30);
    expect(rows).toBeGreaterThan(1400);

    const big = await countQueries(() =>
      getNights(actor, { householdId: f.householdId, from: "2026-11-02", count: 42 }),
    );
    const tonightBig = await countQueries(() => getTonight(actor, { householdId: f.householdId }, now));
    expect(small.queries).toBeGreaterThan(2); // the counter itself works
    console.log(
      `queries: month view ${small.queries} → ${big.queries}, tonight ${tonightSmall.queries} → ${tonightBig.queries}`,
    );
    expect(big.queries).toBe(small.queries);
    expect(tonightBig.queries).toBe(tonightSmall.queries);
    expect(big.queries).toBeLessThanOrEqual(8);
    // And the views are right: 42 nights, each with its shifts.
    expect(big.result.nights).toHaveLength(42);
    expect(big.result.nights.every((n) => n.shifts.length >= 1)).toBe(true);
    expect(tonightBig.result.duty.onDuty).not.toBeNull();
  });

  it("a night's page: at most 8 statements, the same with 3 years of history, and the same data", async () => {
    const actor = await actorOf(f.parent);
    const db = getDb();
    const now = new Date("2026-11-27T12:00:00Z");
    const date = "2026-11-28";
    const [me, partner] = [await caregiverIdOf(f.parent), await caregiverIdOf(f.partner)];
    const small = await countQueries(() => nightPage(actor, f.householdId, date, now));

    // The night itself: a shift with a pending swap, a waking, a handoff note, someone away, a history line.
    const h = await db.household.findUniqueOrThrow({ where: { id: f.householdId } });
    const w = nightWindow(date, h.timeZone, h.nightStart, h.nightEnd);
    const shift = await db.shift.findFirstOrThrow({ where: { householdId: f.householdId, nightDate: toDbDate(date) } });
    await db.swap.create({
      data: {
        householdId: f.householdId,
        shiftId: shift.id,
        shiftVersion: shift.version,
        fromId: shift.caregiverId,
        toId: shift.caregiverId === me ? partner : me,
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
        nightDate: shift.nightDate,
        requestedById: shift.caregiverId,
      },
    });
    await makeBaby(f.householdId);
    await makeWaking(f.householdId, me, { night: date });
    await makeNote(f.householdId, partner, { kind: "handoff", night: date });
    await db.unavailability.create({
      data: {
        householdId: f.householdId,
        caregiverId: partner,
        startsAt: w.start,
        endsAt: w.end,
        createdById: partner,
      },
    });
    await db.nightEvent.create({
      data: { householdId: f.householdId, nightDate: toDbDate(date), kind: "shift.set", summary: "Set by hand" },
    });

    const big = await countQueries(() => nightPage(actor, f.householdId, date, now));
    const [before, after] = [inOneRender(small.sql), inOneRender(big.sql)];
    console.log(`queries: a night's page ${before} → ${after} in one render (${big.queries} outside one)`);
    expect(big.queries).toBe(small.queries);
    expect(after).toBe(before);
    expect(after).toBeLessThanOrEqual(8);

    // The data the page shows, as read before: the night log's swaps, the night's rows.
    const { view, swaps, wakings, notes } = big.result;
    const night = view.nights[0]!;
    expect(swaps).toEqual((await getNightLog(actor, { householdId: f.householdId }, now)).swaps);
    expect(swaps.map((s) => s.shiftId)).toEqual([shift.id]);
    expect(night.shifts.map((s) => s.id)).toEqual(
      (
        await db.shift.findMany({
          where: { householdId: f.householdId, nightDate: toDbDate(date) },
          orderBy: { startsAt: "asc" },
        })
      ).map((s) => s.id),
    );
    expect(night.unavailable.map((u) => u.caregiverId)).toEqual([partner]);
    expect(night.events.map((e) => e.summary)).toEqual(["Set by hand"]);
    expect(night.handoffNotes).toBe(1);
    expect(wakings).toHaveLength(1);
    expect(notes).toHaveLength(1);
    expect(view.caregivers.map((c) => c.id)).toEqual(
      (await db.caregiver.findMany({ where: { householdId: f.householdId }, orderBy: { joinedAt: "asc" } })).map(
        (c) => c.id,
      ),
    );
  });
});

/**
 * What /nights/<date> reads, composed as the page composes it: the shell
 * (unread badge, cached details), the night, the pending swaps, the night's
 * wakings and its handoff notes. In a render React's cache reads the
 * membership and the details once; outside one (here) every call reads them
 * again, so the repeats are dropped from the count, and the session read
 * (the cookie's user, one statement) is added.
 */
async function nightPage(actor: TActor, householdId: string, date: string, now: Date) {
  const [, view] = await Promise.all([
    Promise.all([householdDetails(householdId), getUnreadNotes(actor, { householdId })]),
    getNights(actor, { householdId, from: date, count: 1 }),
  ]);
  const [swaps, wakings, notes] = await Promise.all([
    getPendingSwaps(actor, { householdId }, now),
    getNightWakings(actor, { householdId, night: date }),
    getHandoffNotes(actor, { householdId, nights: [date] }),
  ]);
  return { view, swaps, wakings, notes };
}
