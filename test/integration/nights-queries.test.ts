// The month view and Tonight read a fixed number of SQL statements however
// long the household's history: shown with three years of nights.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { getNights, getTonight } from "@/lib/nights/read-nights";
import { nightWindow } from "@/lib/nights/night-window";
import { countQueries } from "../helpers/count-queries";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
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
});
