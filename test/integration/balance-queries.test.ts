// The Balance page's domain reads run the same small number of SQL
// statements with one month of history and with three years: every query is
// bounded by an indexed range (or small by nature), and a chosen range of a
// year is aggregated by Postgres in one statement.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getBalance, getBalanceWarnings } from "@/lib/balance/read-balance";
import { nightWindow } from "@/lib/nights/night-window";
import { countQueries } from "../helpers/count-queries";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
import { addDays, toDbDate } from "@/lib/time/local-date";

const NOW = new Date("2026-11-20T13:00:00Z");
const TONIGHT = "2026-11-20";

async function seedHistory(householdId: string, cgs: string[], babyId: string, nights: number) {
  const db = getDb();
  const h = await db.household.findUniqueOrThrow({ where: { id: householdId } });
  const shifts = [];
  const wakings = [];
  const tapOuts = [];
  const checkIns = [];
  for (let i = nights; i >= -14; i--) {
    const date = addDays(TONIGHT, -i);
    const w = nightWindow(date, h.timeZone, h.nightStart, h.nightEnd);
    const night = toDbDate(date);
    const who = cgs[((i % 2) + 2) % 2]!;
    shifts.push({
      householdId,
      caregiverId: who,
      nightDate: night,
      startsAt: w.start,
      endsAt: w.end,
      source: "rota" as const,
    });
    if (i < 1) continue;
    for (let k = 0; k < 3; k++) {
      const startedAt = new Date(w.start.getTime() + (2 + k * 3) * 3600_000);
      wakings.push({
        householdId,
        babyId,
        responderId: k === 2 ? cgs[(i + 1) % 2]! : who,
        nightDate: night,
        startedAt,
        endedAt: new Date(startedAt.getTime() + 20 * 60_000),
      });
    }
    if (i % 5 === 0)
      tapOuts.push({
        householdId,
        nightDate: night,
        requesterId: who,
        requestedAt: new Date(w.start.getTime() + 5 * 3600_000),
        answer: "coming" as const,
        answeredById: cgs[(i + 1) % 2]!,
        answeredAt: new Date(w.start.getTime() + 5 * 3600_000 + 60_000),
      });
    for (const c of cgs)
      checkIns.push({
        householdId,
        caregiverId: c,
        date: toDbDate(addDays(date, 1)),
        sleepiness: 1 + ((i + c.length) % 9),
        shared: i % 3 === 0,
      });
  }
  await db.shift.createMany({ data: shifts });
  await db.waking.createMany({ data: wakings });
  await db.tapOut.createMany({ data: tapOuts });
  await db.checkIn.createMany({ data: checkIns, skipDuplicates: true });
  return { shifts: shifts.length, wakings: wakings.length };
}

describe("balance reads stay cheap as history grows", () => {
  let f: Awaited<ReturnType<typeof makeFamily>>;
  let cgs: string[];
  let babyId: string;
  beforeAll(async () => {
    f = await makeFamily("BQ");
    cgs = [await caregiverIdOf(f.parent), await caregiverIdOf(f.partner)];
    babyId = (
      await getDb().baby.create({
        data: { householdId: f.householdId, name: "Robin", birthDate: new Date("2023-06-01") },
      })
    ).id;
  });

  it("the same statements with one month and with three years of nights, wakings, tap-outs and check-ins", async () => {
    const actor = await actorOf(f.parent);
    const reads = {
      page: () => getBalance(actor, { householdId: f.householdId, period: "30" }, NOW),
      range: () =>
        getBalance(actor, { householdId: f.householdId, from: addDays(TONIGHT, -366), to: addDays(TONIGHT, -1) }, NOW),
      tonight: () => getBalanceWarnings(actor, { householdId: f.householdId }, NOW),
    };
    await seedHistory(f.householdId, cgs, babyId, 31);
    await reads.page(); // warm up (connection, prepared statements)
    const month = {
      page: await countQueries(reads.page),
      range: await countQueries(reads.range),
      tonight: await countQueries(reads.tonight),
    };

    const more = await seedHistoryBefore(f.householdId, cgs, babyId);
    expect(more).toBeGreaterThan(3000);
    const years = {
      page: await countQueries(reads.page),
      range: await countQueries(reads.range),
      tonight: await countQueries(reads.tonight),
    };

    console.log(
      `balance queries: page ${month.page.queries} → ${years.page.queries}, chosen year ${month.range.queries} → ${years.range.queries}, tonight card ${month.tonight.queries} → ${years.tonight.queries}`,
    );
    expect(years.page.queries).toBe(month.page.queries);
    expect(years.range.queries).toBe(month.range.queries);
    expect(years.tonight.queries).toBe(month.tonight.queries);
    expect(month.page.queries).toBeLessThanOrEqual(5);
    expect(month.range.queries).toBe(month.page.queries + 1);
    expect(month.tonight.queries).toBeLessThanOrEqual(3);
    // Every read of the big tables is bounded by household and a range: on its own, or as a
    // relation-join part of one household's row (LATERAL, joined on that household's id).
    const bigTable = /FROM "public"\."(shifts|wakings|tap_outs|check_ins)" AS "(\w+)"/g;
    for (const q of years.page.sql) {
      for (const [, table, alias] of q.matchAll(bigTable)) {
        // This table's part of the statement: up to the next table it reads.
        const from = q.indexOf(`FROM "public"."${table}" AS "${alias}"`);
        const next = q.indexOf('FROM "public".', from + 1);
        const part = q.slice(from, next === -1 ? undefined : next);
        expect(part, table).toMatch(
          new RegExp(`"${alias}"\\."household_id" = \\$\\d|"t0"\\."id" = "${alias}"\\."household_id"`),
        );
        expect(part, table).toMatch(/"(night_date|requested_at|date)" >= \$\d/);
      }
    }
    // And the figures are right with three years: a year of nights in the range, the last 30 on the page.
    expect(years.range.result.selection).toMatchObject({ kind: "range", nights: 366 });
    expect(years.range.result.totals.find((t) => t.caregiverId === cgs[0])!.nightsOnDuty).toBe(183);
    expect(years.page.result.totals.reduce((s, t) => s + t.wakings, 0)).toBe(90);
  });

  /** Three years of history before the month already there. */
  async function seedHistoryBefore(householdId: string, caregivers: string[], baby: string) {
    const db = getDb();
    const before = await db.shift.count({ where: { householdId } });
    await db.shift.deleteMany({ where: { householdId } });
    await db.waking.deleteMany({ where: { householdId } });
    await db.tapOut.deleteMany({ where: { householdId } });
    await db.checkIn.deleteMany({ where: { householdId } });
    const { shifts, wakings } = await seedHistory(householdId, caregivers, baby, 3 * 365);
    expect(shifts).toBeGreaterThan(before);
    return shifts + wakings;
  }
});
