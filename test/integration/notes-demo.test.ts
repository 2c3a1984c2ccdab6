// The demo household's notes: alive at once (pinned notes, handoff notes on
// recent nights, one unread for Sam, a thank-you), and with three years of
// history thousands of notes, seeded in seconds.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { getUnreadNotes, listNotes } from "@/lib/notes/read-notes";
import { actorOf } from "../helpers/factories";

describe("demo notes", () => {
  it("three years of history: thousands of notes, pins on top, one new for Sam", async () => {
    const previous = process.env.ATTUNE_DEMO_HISTORY_NIGHTS;
    process.env.ATTUNE_DEMO_HISTORY_NIGHTS = "1095";
    const t0 = Date.now();
    try {
      await seedDemo();
    } finally {
      // Put back what the other tests run with.
      if (previous === undefined) delete process.env.ATTUNE_DEMO_HISTORY_NIGHTS;
      else process.env.ATTUNE_DEMO_HISTORY_NIGHTS = previous;
    }
    const seconds = (Date.now() - t0) / 1000;
    console.log(`demo seed with 1095 nights: ${seconds.toFixed(1)} s`);
    const db = getDb();
    const sam = await db.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
    const actor = await actorOf({ id: sam.id, email: sam.email, name: sam.name, password: "" });
    const householdId = actor.membership!.householdId;
    expect(await db.note.count({ where: { householdId } })).toBeGreaterThan(2000);
    expect(await db.note.count({ where: { householdId, kind: "handoff" } })).toBeGreaterThan(1000);
    expect(await getUnreadNotes(actor, { householdId })).toEqual({ count: 1 });
    const page = await listNotes(actor, { householdId: householdId });
    expect(page.pinned.map((n) => n.body)).toEqual([
      expect.stringMatching(/^Health visitor Thursday 10:00/),
      expect.stringMatching(/^Robin: no cow's milk yet/),
    ]);
    expect(page.notes[0]!.unread).toBe(true);
    expect(await db.appreciation.count({ where: { householdId } })).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
