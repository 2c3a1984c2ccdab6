import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, householdQuery, type TMe } from "@/lib/context";
import { invalid } from "@/lib/errors";
import { ZId } from "@/lib/validation";
import { ZLocalDate } from "@/lib/time/schemas";
import { fromDbDate, toDbDate } from "@/lib/time/local-date";
import { publishLive } from "@/lib/live/publish";
import { caregiverNameSql } from "@/lib/household/caregiver-name";
import { msg } from "@/lib/i18n/text";

// A one-tap "thank you" for a night. One per night per pair (a unique key),
// so a second tap, or both phones at once, make one row.

const ZHouseholdRef = z.object({ householdId: ZId });

export const ZSendThanks = z.object({
  householdId: ZId,
  toId: ZId,
  nightDate: ZLocalDate,
});

export const sendThanks = householdAction(ZSendThanks, {}, async ({ me, data }): Promise<{ sent: boolean }> => {
  const householdId = me.householdId;
  if (data.toId === me.caregiverId)
    throw invalid(msg("notes.errors.thankSomeoneElse"), { toId: [msg("notes.errors.thankSomeoneElse")] });
  const to = await db.caregiver.findFirst({
    where: { id: data.toId, householdId, removedAt: null },
    select: { id: true },
  });
  if (!to) throw invalid(msg("notes.errors.chooseSomeone"), { toId: [msg("notes.errors.chooseSomeone")] });
  return db.$transaction(async (tx) => {
    const res = await tx.appreciation.createMany({
      data: [{ householdId, fromId: me.caregiverId, toId: to.id, nightDate: toDbDate(data.nightDate) }],
      skipDuplicates: true,
    });
    if (res.count) await publishLive(tx, householdId, "appreciation.sent", [to.id], me.caregiverId);
    return { sent: res.count > 0 };
  });
});

export type TThanksView = { id: string; fromName: string; night: string; createdAt: string };

/** Thank-yous to this caregiver not yet put away (newest first, a handful), for a context already resolved. */
export async function unseenThanksOf(me: TMe): Promise<TThanksView[]> {
  // One statement with the sender's name (relation loading would take three).
  const rows = await db.$queryRaw<{ id: string; night_date: Date; created_at: Date; from_name: string }[]>`
    SELECT a.id, a.night_date, a.created_at, ${caregiverNameSql()} AS from_name
    FROM appreciations a JOIN caregivers c ON c.id = a.from_id LEFT JOIN users u ON u.id = c.user_id
    WHERE a.household_id = ${me.householdId}::uuid AND a.to_id = ${me.caregiverId}::uuid AND a.seen_at IS NULL
    ORDER BY a.created_at DESC LIMIT 5`;
  return rows.map((r) => ({
    id: r.id,
    fromName: r.from_name,
    night: fromDbDate(r.night_date),
    createdAt: r.created_at.toISOString(),
  }));
}

export const getUnseenThanks = householdQuery(ZHouseholdRef, {}, ({ me }) => unseenThanksOf(me));

/** "Seen": the thank-yous to the caller are put away (only their own). */
export const markThanksSeen = householdAction(ZHouseholdRef, {}, async ({ me, now }): Promise<{ seen: number }> => {
  const res = await db.appreciation.updateMany({
    where: { householdId: me.householdId, toId: me.caregiverId, seenAt: null },
    data: { seenAt: now },
  });
  return { seen: res.count };
});
