import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { ZLocalDate } from "@/lib/time/schemas";
import { publishLive } from "@/lib/live/publish";

// A one-tap "thank you" for a night. One per night per pair (a unique key),
// so a second tap, or both phones at once, make one row.

export const ZSendThanks = z.object({
  householdId: ZId,
  toId: ZId,
  nightDate: ZLocalDate,
});

export async function sendThanks(actor: TActor | null, input: unknown): Promise<{ sent: boolean }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZSendThanks, input);
  if (data.toId === me.caregiverId)
    throw invalid("A thank-you goes to someone else.", { toId: ["A thank-you goes to someone else."] });
  const to = await db.caregiver.findFirst({ where: { id: data.toId, householdId }, select: { id: true } });
  if (!to) throw invalid("Choose someone from your household.", { toId: ["Choose someone from your household."] });
  return db.$transaction(async (tx) => {
    const res = await tx.appreciation.createMany({
      data: [{ householdId, fromId: me.caregiverId, toId: to.id, nightDate: new Date(`${data.nightDate}T00:00:00Z`) }],
      skipDuplicates: true,
    });
    if (res.count) await publishLive(tx, householdId, "appreciation.sent", [to.id], me.caregiverId);
    return { sent: res.count > 0 };
  });
}

export type TThanksView = { id: string; fromName: string; night: string; createdAt: string };

/** Thank-yous to this caregiver not yet put away (newest first, a handful). */
export async function unseenThanks(me: TMembership): Promise<TThanksView[]> {
  // One statement with the sender's name (relation loading would take three).
  const rows = await db.$queryRaw<{ id: string; night_date: Date; created_at: Date; from_name: string }[]>`
    SELECT a.id, a.night_date, a.created_at, u.name AS from_name
    FROM appreciations a JOIN caregivers c ON c.id = a.from_id JOIN users u ON u.id = c.user_id
    WHERE a.household_id = ${me.householdId}::uuid AND a.to_id = ${me.caregiverId}::uuid AND a.seen_at IS NULL
    ORDER BY a.created_at DESC LIMIT 5`;
  return rows.map((r) => ({
    id: r.id,
    fromName: r.from_name,
    night: r.night_date.toISOString().slice(0, 10),
    createdAt: r.created_at.toISOString(),
  }));
}

export async function getUnseenThanks(actor: TActor | null, householdId: unknown): Promise<TThanksView[]> {
  return unseenThanks(await requireMember(actor, householdId));
}

/** "Seen": the thank-yous to the caller are put away (only their own). */
export async function markThanksSeen(
  actor: TActor | null,
  input: unknown,
  now = new Date(),
): Promise<{ seen: number }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const res = await db.appreciation.updateMany({
    where: { householdId, toId: me.caregiverId, seenAt: null },
    data: { seenAt: now },
  });
  return { seen: res.count };
}
