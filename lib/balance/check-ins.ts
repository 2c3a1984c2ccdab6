import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { requireMember } from "@/lib/household/guard";
import { parseInput, ZId } from "@/lib/validation";
import { MOODS, type TMood } from "@/lib/balance/check-in-words";
import { publishLive } from "@/lib/live/publish";
import { localDateOf, type TLocalDate } from "@/lib/time/local-date";

// The morning check-in: one per caregiver per local morning, editable that
// day. Private unless the caregiver shares it. Privacy lives in the queries
// themselves (`caregiverId = me OR shared`), and a private check-in is never
// announced on the live channel: the partner's screens don't even learn
// that one exists.

export const NOTE_MAX = 500;

export const ZCheckIn = z.object({
  householdId: ZId,
  sleepiness: z.coerce
    .number({ error: "Choose how sleepy you feel, 1 to 9." })
    .int("Choose how sleepy you feel, 1 to 9.")
    .min(1, "Choose how sleepy you feel, 1 to 9.")
    .max(9, "Choose how sleepy you feel, 1 to 9."),
  mood: z.union([z.literal(""), z.enum(MOODS, { error: "Choose one of the moods." })]).optional(),
  note: z.string().trim().max(NOTE_MAX, `Keep the note to ${NOTE_MAX} characters.`).optional(),
  /** A checkbox: "on" when ticked; also true/false from code. */
  shared: z.union([z.boolean(), z.enum(["on", "true", "false", ""])]).optional(),
});

export type TCheckInView = {
  id: string;
  caregiverId: string;
  date: TLocalDate;
  sleepiness: number;
  mood: TMood | null;
  note: string | null;
  shared: boolean;
};

const SELECT = {
  id: true,
  caregiverId: true,
  date: true,
  sleepiness: true,
  mood: true,
  note: true,
  shared: true,
} as const;
const view = (r: {
  id: string;
  caregiverId: string;
  date: Date;
  sleepiness: number;
  mood: TMood | null;
  note: string | null;
  shared: boolean;
}): TCheckInView => ({
  ...r,
  date: r.date.toISOString().slice(0, 10),
});

/** Saves this morning's check-in (creates or replaces today's). */
export async function saveCheckIn(actor: TActor | null, input: unknown, now = new Date()): Promise<TCheckInView> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZCheckIn, input);
  const shared = data.shared === true || data.shared === "on" || data.shared === "true";
  const h = await db.household.findUniqueOrThrow({ where: { id: me.householdId }, select: { timeZone: true } });
  const date = new Date(`${localDateOf(now, h.timeZone)}T00:00:00Z`);
  const fields = { sleepiness: data.sleepiness, mood: data.mood || null, note: data.note || null, shared };
  return db.$transaction(async (tx) => {
    const before = await tx.checkIn.findUnique({
      where: { caregiverId_date: { caregiverId: me.caregiverId, date } },
      select: { shared: true },
    });
    const row = await tx.checkIn.upsert({
      where: { caregiverId_date: { caregiverId: me.caregiverId, date } },
      create: { householdId: me.householdId, caregiverId: me.caregiverId, date, ...fields },
      update: fields,
      select: SELECT,
    });
    // Only what the others can see (or could until now) is their news.
    if (shared || before?.shared) await publishLive(tx, me.householdId, "checkin.changed", [row.id], me.caregiverId);
    return view(row);
  });
}

/**
 * Check-ins of the dates from..to that `me` may see: all of their own, and
 * the others' shared ones. The only read of check-ins in Attune; `me` must
 * come from requireMember (the caller's own membership, read from the database).
 */
export async function visibleCheckIns(me: TMembership, from: TLocalDate, to: TLocalDate): Promise<TCheckInView[]> {
  const caregiverId = me.caregiverId;
  const rows = await db.checkIn.findMany({
    where: {
      householdId: me.householdId,
      date: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) },
      OR: [{ caregiverId }, { shared: true }],
    },
    orderBy: { date: "asc" },
    select: SELECT,
  });
  return rows.map(view);
}

/** The caregiver's own check-ins (for a domain read as that caregiver). */
export async function getCheckIns(
  actor: TActor | null,
  householdId: unknown,
  from: TLocalDate,
  to: TLocalDate,
): Promise<TCheckInView[]> {
  const me = await requireMember(actor, householdId);
  return visibleCheckIns(me, from, to);
}
