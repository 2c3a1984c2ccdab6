import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, householdQuery, type TMe } from "@/lib/context";
import { ZId, ZText } from "@/lib/validation";
import { ZLocalDate } from "@/lib/time/schemas";
import { Mood } from "@/lib/generated/prisma/enums";
import { NOTE_MAX, type TMood } from "@/lib/balance/check-in-words";
import { canSeeCheckIn } from "@/lib/balance/rights";
import { publishLive } from "@/lib/live/publish";
import { fromDbDate, localDateOf, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { msg } from "@/lib/i18n/text";

// The morning check-in: one per caregiver per local morning, editable that
// day. Private unless the caregiver shares it (lib/balance/rights.ts
// canSeeCheckIn). Privacy lives in the queries themselves (`caregiverId = me
// OR shared`), and a private check-in is never announced on the live
// channel: the partner's screens don't even learn that one exists.

const CHOOSE_SLEEPINESS = msg("balance.errors.sleepiness");

export const ZCheckIn = z.object({
  householdId: ZId,
  sleepiness: z.coerce
    .number({ error: CHOOSE_SLEEPINESS })
    .int(CHOOSE_SLEEPINESS)
    .min(1, CHOOSE_SLEEPINESS)
    .max(9, CHOOSE_SLEEPINESS),
  mood: z.union([z.literal(""), z.enum(Mood, { error: msg("balance.errors.mood") })]).optional(),
  note: ZText(msg("balance.what.note"), NOTE_MAX).optional(),
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
const view = (r: Omit<TCheckInView, "date"> & { date: Date }): TCheckInView => ({ ...r, date: fromDbDate(r.date) });

/** Saves this morning's check-in (creates or replaces today's). */
export const saveCheckIn = householdAction(ZCheckIn, {}, async ({ me, household, data, now }) => {
  const shared = data.shared === true || data.shared === "on" || data.shared === "true";
  const date = toDbDate(localDateOf(now, household.timeZone));
  const fields = { sleepiness: data.sleepiness, mood: data.mood || null, note: data.note || null, shared };
  return db.$transaction(async (tx): Promise<TCheckInView> => {
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
});

/**
 * Check-ins of the dates from..to that `me` may see: all of their own, and
 * the others' shared ones (canSeeCheckIn, asked of Postgres). The only read
 * of check-ins in Attune; `me` comes from the request context.
 */
export async function visibleCheckIns(me: TMe, from: TLocalDate, to: TLocalDate): Promise<TCheckInView[]> {
  const rows = await db.checkIn.findMany({
    where: {
      householdId: me.householdId,
      date: { gte: toDbDate(from), lte: toDbDate(to) },
      OR: [{ caregiverId: me.caregiverId }, { shared: true }],
    },
    orderBy: { date: "asc" },
    select: SELECT,
  });
  // The query above is canSeeCheckIn in SQL; the filter keeps the two from drifting apart.
  return rows.map(view).filter((c) => canSeeCheckIn(me, c));
}

export const ZCheckInRange = z.object({ householdId: ZId, from: ZLocalDate, to: ZLocalDate });

/** The check-ins of from..to the caregiver may see (their own, and others' shared ones). */
export const getCheckIns = householdQuery(ZCheckInRange, {}, ({ me, data }) => visibleCheckIns(me, data.from, data.to));
