// The Connect demo: alive at once (today has a plan, some of it done; the
// week has recurring items; history has moments), and quick to seed with
// three years of history: batched, so the number of statements hardly grows
// with the history (a bound on statements, not on seconds: a busy machine
// must not fail it).
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedConnectDemo } from "@/prisma/demo/connect";
import { getConnectDay, getConnectWeek } from "@/lib/connect/views";
import { getHistory } from "@/lib/connect/history";
import { getLibrary } from "@/lib/connect/activities";
import { actorOf, makeFamily } from "../helpers/factories";
import { countQueries } from "../helpers/count-queries";

/** The most check-offs the seed writes in one statement (prisma/demo/connect.ts). */
const CHECK_OFF_BATCH = 5000;

describe("connect demo", () => {
  it("three weeks: a living plan relative to today", async () => {
    const f = await makeFamily("D");
    await seedConnectDemo(f.parent.email, 21);
    const actor = await actorOf(f.parent);
    const day = await getConnectDay(actor, { householdId: f.householdId }, new Date());
    const items = day.plan.days[0]!.items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.some((i) => i.status === "open")).toBe(true);
    const week = await getConnectWeek(actor, { householdId: f.householdId }, new Date());
    expect(week.plan.days.every((d) => d.items.length > 0)).toBe(true);
    const history = await getHistory(actor, { householdId: f.householdId }, new Date());
    expect(history.count.daysWith).toBeGreaterThanOrEqual(10);
    const lib = await getLibrary(actor, { householdId: f.householdId });
    expect(lib.some((a) => a.name === "Bath time together")).toBe(true);
    expect(lib.some((a) => a.archived)).toBe(true);
  });

  it("three years seed in a handful of batched statements, with about 50 recurring items", async () => {
    const [small, big] = [await makeFamily("E"), await makeFamily("F")];
    const weeks = await countQueries(() => seedConnectDemo(small.parent.email, 21));
    const years = await countQueries(() => seedConnectDemo(big.parent.email, 1095));
    const db = getDb();
    const recurring = await db.planItem.count({ where: { householdId: big.householdId, recurrence: { not: "once" } } });
    const checks = await db.checkOff.count({ where: { householdId: big.householdId } });
    console.log(
      `connect demo, 1095 nights: ${recurring} recurring items, ${checks} check-offs in ${years.queries} statements (21 nights: ${weeks.queries})`,
    );
    expect(recurring).toBeGreaterThanOrEqual(50);
    expect(checks).toBeGreaterThan(1500);
    // Fifty times the history, and only the check-offs' extra batches on top.
    expect(years.queries).toBeLessThanOrEqual(weeks.queries + Math.ceil(checks / CHECK_OFF_BATCH));
    expect(years.queries).toBeLessThanOrEqual(20);
  });
});
