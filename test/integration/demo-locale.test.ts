// The demo household in another language (ATTUNE_DEMO_LOCALE): what Sam and
// Alex typed reads in that language, and the household keeps its conventions.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";

describe("the demo household in German", () => {
  it("has German notes, reasons and activities, and the household's language is de", async () => {
    const previous = process.env.ATTUNE_DEMO_LOCALE;
    process.env.ATTUNE_DEMO_LOCALE = "de";
    try {
      expect(await seedDemo()).toEqual({ created: true });
    } finally {
      if (previous === undefined) delete process.env.ATTUNE_DEMO_LOCALE;
      else process.env.ATTUNE_DEMO_LOCALE = previous;
    }
    const db = getDb();
    const h = await db.household.findFirstOrThrow({ where: { name: "Sam & Alex" } });
    expect(h.locale).toBe("de");
    expect((await db.unavailability.findFirstOrThrow({ where: { householdId: h.id } })).note).toBe(
      "Dienstreise nach Leipzig",
    );
    expect((await db.swap.findFirst({ where: { householdId: h.id } }))?.message ?? "").not.toMatch(/Early meeting/);
    const own = await db.activity.findMany({ where: { householdId: h.id, builtinKey: null }, select: { name: true } });
    expect(own.map((a) => a.name).sort()).toEqual(["Gemeinsam baden", "Zum Ententeich"]);
    const pinned = await db.note.findMany({
      where: { householdId: h.id, pinnedAt: { not: null } },
      select: { body: true },
    });
    expect(pinned.map((n) => n.body).sort()).toEqual([
      expect.stringMatching(/^Robin: noch keine Kuhmilch/),
      expect.stringMatching(/^U-Untersuchung Donnerstag 10:00/),
    ]);
    const handoffs = await db.note.findMany({ where: { householdId: h.id, kind: "handoff" }, select: { body: true } });
    expect(handoffs.length).toBeGreaterThan(0);
    for (const n of handoffs) expect(n.body).toMatch(/\d\d:\d\d/);
    expect(await db.note.count({ where: { householdId: h.id, body: { contains: "nappies" } } })).toBe(0);
  }, 60_000);
});
