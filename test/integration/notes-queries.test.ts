// The Notes list, the unread badge and the morning summary read a fixed
// number of SQL statements however many notes and nights the household has:
// shown with 10 against 3,000 notes and a few nights against three years.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { listNotes, getUnreadNotes, getHandoffNotes } from "@/lib/notes/read-notes";
import { getMorningSummary } from "@/lib/notes/summary";
import { nightWindow } from "@/lib/nights/night-window";
import { countQueries } from "../helpers/count-queries";
import { actorOf, caregiverIdOf, makeFamily } from "../helpers/factories";
import { addDays } from "@/lib/time/local-date";
import { instantAt } from "@/lib/time/local-time";

const TZ = "Europe/Berlin";
const TODAY_NIGHT = "2026-11-20";
const MORNING = instantAt("2026-11-21", 9 * 60, TZ);

/** `nights` nights up to TODAY_NIGHT: the partner on duty every night, two wakings, a handoff note, and `notesPerNight` more notes. */
async function seed(
  householdId: string,
  authors: [string, string],
  babyId: string,
  nights: number,
  notesPerNight: number,
) {
  const db = getDb();
  const shifts = [],
    wakings = [],
    notes = [];
  for (let i = nights - 1; i >= 0; i--) {
    const date = addDays(TODAY_NIGHT, -i);
    const w = nightWindow(date, TZ, 19 * 60, 7 * 60);
    const nightDate = new Date(`${date}T00:00:00Z`);
    shifts.push({
      householdId,
      caregiverId: authors[1],
      nightDate,
      startsAt: w.start,
      endsAt: w.end,
      source: "rota" as const,
    });
    for (const h of [1, 4]) {
      const startedAt = new Date(w.start.getTime() + (6 + h) * 3_600_000);
      wakings.push({
        householdId,
        babyId,
        responderId: authors[1],
        nightDate,
        startedAt,
        endedAt: new Date(startedAt.getTime() + 20 * 60_000),
        helped: ["rock"],
      });
    }
    notes.push({
      householdId,
      authorId: authors[1],
      kind: "handoff" as const,
      nightDate,
      body: `Handoff ${date}`,
      createdAt: new Date(w.end.getTime() - 600_000),
    });
    for (let k = 0; k < notesPerNight; k++) {
      notes.push({
        householdId,
        authorId: authors[k % 2]!,
        body: `Note ${date} #${k} 50% sure`,
        createdAt: new Date(w.start.getTime() - (k + 1) * 3_600_000),
        pinnedAt: k === 0 && i % 200 === 0 ? new Date() : null,
      });
    }
  }
  await db.shift.createMany({ data: shifts });
  await db.waking.createMany({ data: wakings });
  await db.note.createMany({ data: notes });
  return notes.length;
}

describe("notes stay cheap as history grows", () => {
  let small: Awaited<ReturnType<typeof makeFamily>>;
  let big: Awaited<ReturnType<typeof makeFamily>>;
  beforeAll(async () => {
    [small, big] = await Promise.all([makeFamily("Small"), makeFamily("Big")]);
    for (const [fam, nights, perNight] of [
      [small, 3, 2],
      [big, 3 * 365, 2],
    ] as const) {
      const cgs: [string, string] = [await caregiverIdOf(fam.parent), await caregiverIdOf(fam.partner)];
      const baby = await getDb().baby.create({
        data: { householdId: fam.householdId, name: "Robin", birthDate: new Date("2023-09-01") },
      });
      // Members since before the history, so its notes count as new to them.
      await getDb().caregiver.updateMany({
        where: { householdId: fam.householdId },
        data: { joinedAt: new Date("2023-01-01T00:00:00Z") },
      });
      const n = await seed(fam.householdId, cgs, baby.id, nights, perNight);
      if (fam === big) expect(n).toBeGreaterThan(3000);
      else expect(n).toBeLessThanOrEqual(10);
    }
  }, 120_000);

  it("the Notes list, a search, an older page, the badge and handoff notes: the same number of queries with 9 and 3,285 notes", async () => {
    const counts = async (fam: typeof small) => {
      const actor = await actorOf(fam.parent);
      const list = await countQueries(() => listNotes(actor, { householdId: fam.householdId }));
      const search = await countQueries(() => listNotes(actor, { householdId: fam.householdId, q: "50%" }));
      const older = list.result.older
        ? await countQueries(() => listNotes(actor, { householdId: fam.householdId, before: list.result.older! }))
        : null;
      const badge = await countQueries(() => getUnreadNotes(actor, { householdId: fam.householdId }));
      const handoff = await countQueries(() =>
        getHandoffNotes(actor, { householdId: fam.householdId, nights: [addDays(TODAY_NIGHT, -1), TODAY_NIGHT] }),
      );
      return { list, search, older, badge, handoff };
    };
    const s = await counts(small);
    const b = await counts(big);
    console.log(
      `queries: notes list ${s.list.queries} → ${b.list.queries}, search ${s.search.queries} → ${b.search.queries}, badge ${s.badge.queries} → ${b.badge.queries}, handoff ${s.handoff.queries} → ${b.handoff.queries}, older page ${b.older?.queries}`,
    );
    expect(s.list.queries).toBeGreaterThan(1);
    expect(b.list.queries).toBe(s.list.queries);
    expect(b.search.queries).toBe(s.search.queries);
    // The membership (lib/context.ts; shared with the page's other reads in a render), then one COUNT.
    expect(b.badge.queries).toBe(2);
    expect(s.badge.queries).toBe(2);
    expect(b.handoff.queries).toBe(s.handoff.queries);
    expect(b.older!.queries).toBeLessThanOrEqual(b.list.queries);
    expect(b.list.queries).toBeLessThanOrEqual(2);
    // And the views are right.
    expect(b.list.result.notes).toHaveLength(30);
    expect(b.list.result.pinned.length).toBeGreaterThan(0);
    expect(b.search.result.notes.every((n) => n.body.includes("50%"))).toBe(true);
    expect(b.badge.result.count).toBeGreaterThan(1000);
  });

  it("the morning summary: the same number of queries with 3 nights and with 3 years", async () => {
    const [sa, ba] = [await actorOf(small.parent), await actorOf(big.parent)];
    const s = await countQueries(() => getMorningSummary(sa, { householdId: small.householdId }, MORNING));
    const b = await countQueries(() => getMorningSummary(ba, { householdId: big.householdId }, MORNING));
    console.log(`queries: morning summary ${s.queries} → ${b.queries}`);
    expect(s.result).not.toBeNull();
    expect(b.result?.wakings).toHaveLength(2);
    expect(b.result?.notes.map((n) => n.body)).toEqual([`Handoff ${TODAY_NIGHT}`]);
    expect(b.queries).toBe(s.queries);
    // 7 of its own; the rest are the night log's and the day plan's reads, reused as they are.
    expect(b.queries).toBeLessThanOrEqual(32);
  });
});
