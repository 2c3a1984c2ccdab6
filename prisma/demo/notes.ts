// Demo notes for the Sam & Alex household: a few weeks of everyday notes,
// two pinned ones, a handoff note at the end of each past night by whoever
// had it, one note Sam hasn't read yet, and a thank-you. Relative to today,
// deterministic, and it scales with ATTUNE_DEMO_HISTORY_NIGHTS (three years
// make about 3,000 notes for the bench) with a few createMany calls.
import { getDb } from "../../lib/db.ts";
import { currentOrNextNight } from "../../lib/nights/night-window.ts";
import { addDays, fromDbDate, toDbDate } from "../../lib/time/local-date.ts";
import { instantAt } from "../../lib/time/local-time.ts";
import { demoWords } from "./words.ts";

const TZ = "Europe/London";

export async function seedNotes(pastNights: number): Promise<void> {
  const db = getDb();
  // What Sam and Alex wrote, in the demo's language (prisma/demo/words.ts).
  const { t, keys, list, clock } = demoWords();
  const EVERYDAY = list("notes.everyday");
  const HANDOFF = keys("notes.handoff").map((key) => (time: string) => t(`notes.handoff.${key}`, { time }));
  const h = await db.household.findFirstOrThrow({
    where: { name: "Sam & Alex", caregivers: { some: { user: { email: "sam@example.com" } } } },
    select: {
      id: true,
      nightStart: true,
      nightEnd: true,
      caregivers: { orderBy: { joinedAt: "asc" }, select: { id: true, joinedAt: true } },
    },
  });
  const [sam, alex] = h.caregivers as [{ id: string; joinedAt: Date }, { id: string; joinedAt: Date }];
  const now = new Date();
  const tonight = currentOrNextNight(now, TZ, h.nightStart, h.nightEnd).date;
  const from = addDays(tonight, -pastNights);
  const shifts = await db.shift.findMany({
    where: {
      householdId: h.id,
      nightDate: { gte: toDbDate(from), lt: toDbDate(tonight) },
    },
    orderBy: { startsAt: "asc" },
    select: { id: true, caregiverId: true, nightDate: true, endsAt: true },
  });
  const lastShiftOf = new Map<string, (typeof shifts)[number]>();
  for (const s of shifts) lastShiftOf.set(fromDbDate(s.nightDate), s);

  let seed = 11;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  type TRow = {
    householdId: string;
    authorId: string;
    kind: "note" | "handoff";
    body: string;
    nightDate?: Date;
    shiftId?: string;
    pinnedAt?: Date;
    createdAt: Date;
  };
  const notes: TRow[] = [];

  for (let i = pastNights; i >= 1; i--) {
    const night = addDays(tonight, -i);
    const last = lastShiftOf.get(night);
    if (last) {
      const at = new Date(last.endsAt.getTime() - (10 + Math.floor(rand() * 30)) * 60_000);
      if (at < now) {
        const body = HANDOFF[Math.floor(rand() * HANDOFF.length)]!(clock(60 + Math.floor(rand() * 240)));
        notes.push({
          householdId: h.id,
          authorId: last.caregiverId,
          kind: "handoff",
          body,
          nightDate: last.nightDate,
          shiftId: last.id,
          createdAt: at,
        });
      }
    }
    // Daytime notes on most days (the day after the night).
    const count = rand() < 0.2 ? 0 : 1 + Math.floor(rand() * 2);
    for (let k = 0; k < count; k++) {
      const at = instantAt(addDays(night, 1), 9 * 60 + Math.floor(rand() * 8 * 60), TZ);
      if (at >= now) continue;
      notes.push({
        householdId: h.id,
        authorId: rand() < 0.5 ? sam.id : alex.id,
        kind: "note",
        body: EVERYDAY[Math.floor(rand() * EVERYDAY.length)]!,
        createdAt: at,
      });
    }
  }
  const pinnedAt = new Date(now.getTime() - 10 * 86_400_000);
  notes.push(
    {
      householdId: h.id,
      authorId: alex.id,
      kind: "note",
      body: t("notes.cowsMilk"),
      pinnedAt,
      createdAt: new Date(now.getTime() - 12 * 86_400_000),
    },
    {
      householdId: h.id,
      authorId: sam.id,
      kind: "note",
      body: t("notes.healthVisitor"),
      pinnedAt: new Date(pinnedAt.getTime() + 60_000),
      createdAt: new Date(now.getTime() - 3 * 86_400_000),
    },
  );
  // Sam hasn't seen this one yet: the badge shows 1 at first sign-in, and it is the newest note
  // (about 40 minutes old, or just after last night's handoff note when seeded in the early morning).
  const newest = Math.max(...notes.map((n) => n.createdAt.getTime()));
  const unreadForSam = {
    householdId: h.id,
    authorId: alex.id,
    kind: "note" as const,
    body: t("notes.parcel"),
    createdAt: new Date(Math.max(now.getTime() - 40 * 60_000, Math.min(now.getTime() - 1_000, newest + 60_000))),
  };
  notes.push(unreadForSam);
  await db.note.createMany({ data: notes });

  // Everything else has been read by both (only notes since they joined count as new).
  const since = new Date(Math.min(sam.joinedAt.getTime(), alex.joinedAt.getTime()));
  const rows = await db.note.findMany({
    where: { householdId: h.id, createdAt: { gte: since } },
    select: { id: true, authorId: true, body: true },
  });
  const reads = [];
  for (const n of rows) {
    for (const c of [sam, alex]) {
      if (n.authorId === c.id) continue;
      if (c.id === sam.id && n.body === unreadForSam.body) continue;
      reads.push({ noteId: n.id, caregiverId: c.id });
    }
  }
  await db.noteRead.createMany({ data: reads, skipDuplicates: true });

  // A thank-you for the night before last, from the one who slept to the one who had it (not yet seen).
  const twoAgo = lastShiftOf.get(addDays(tonight, -2));
  if (twoAgo) {
    const thanker = twoAgo.caregiverId === sam.id ? alex : sam;
    await db.appreciation.create({
      data: {
        householdId: h.id,
        fromId: thanker.id,
        toId: twoAgo.caregiverId,
        nightDate: twoAgo.nightDate,
        createdAt: new Date(twoAgo.endsAt.getTime() + 3 * 3_600_000),
      },
    });
  }
}
