// The Connect demo: alive at once (today has a plan, some of it done; the
// week has recurring items; history has moments), and quick to seed with
// three years of history.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedConnectDemo } from "@/prisma/demo/connect";
import { getConnectDay, getConnectWeek } from "@/lib/connect/views";
import { getHistory } from "@/lib/connect/history";
import { getLibrary } from "@/lib/connect/activities";
import { actorOf, makeFamily } from "../helpers/factories";

describe("connect demo", () => {
  it("three weeks: a living plan relative to today", async () => {
    const f = await makeFamily("D");
    await seedConnectDemo(f.parent.email, 21);
    const actor = await actorOf(f.parent);
    const day = await getConnectDay(actor, f.householdId, undefined, new Date());
    const items = day.plan.days[0]!.items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.some((i) => i.status === "open")).toBe(true);
    const week = await getConnectWeek(actor, f.householdId, undefined, new Date());
    expect(week.plan.days.every((d) => d.items.length > 0)).toBe(true);
    const history = await getHistory(actor, f.householdId, new Date());
    expect(history.count.daysWith).toBeGreaterThanOrEqual(10);
    const lib = await getLibrary(actor, f.householdId);
    expect(lib.some((a) => a.name === "Bath time together")).toBe(true);
    expect(lib.some((a) => a.archived)).toBe(true);
  });

  it("three years seed in a few seconds, with about 50 recurring items", async () => {
    const f = await makeFamily("E");
    const t0 = Date.now();
    await seedConnectDemo(f.parent.email, 1095);
    const ms = Date.now() - t0;
    const db = getDb();
    const recurring = await db.planItem.count({ where: { householdId: f.householdId, recurrence: { not: "once" } } });
    const checks = await db.checkOff.count({ where: { householdId: f.householdId } });
    console.log(`connect demo, 1095 nights: ${recurring} recurring items, ${checks} check-offs in ${ms} ms`);
    expect(recurring).toBeGreaterThanOrEqual(50);
    expect(checks).toBeGreaterThan(1500);
    expect(ms).toBeLessThan(10_000);
  });
});
