import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { householdAction, householdQuery } from "@/lib/context";
import { conflict, forbidden, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { canManageHousehold, isLastParent, whyCantLeave } from "@/lib/household/rights";
import { publishLive } from "@/lib/live/publish";
import { detailsOf } from "@/lib/household/details";
import { ZId } from "@/lib/validation";
import { localDateOf, toDbDate } from "@/lib/time/local-date";
import { msg } from "@/lib/i18n/text";

/**
 * Locks the household's ACTIVE caregiver rows for the rest of the transaction,
 * so two parents removing each other (or leaving) at the same moment cannot
 * both succeed and leave a household without a parent. The request context
 * read the membership before the transaction; these rows are the fresh truth.
 * Removed members (docs/decisions/0030) count for nothing here.
 */
export async function lockCaregivers(tx: Tx, householdId: string) {
  return tx.$queryRaw<{ id: string; user_id: string; role: Role }[]>`
    SELECT id, user_id, role FROM caregivers
     WHERE household_id = ${householdId}::uuid AND removed_at IS NULL ORDER BY id FOR UPDATE`;
}

/**
 * Ends a membership without touching the past (docs/decisions/0030): the row
 * stays (removedAt set), so Balance, the calendar, the night log and notes
 * keep what happened and who did it. What was still to come goes, so nobody
 * counts on someone who left: shifts and unavailability that start after
 * `now` (a shift already under way stays: it is part of tonight's record),
 * their pending swaps, their assignment on plan items still running. Their
 * ways in go too: calendar feed, API tokens, this household's push devices.
 */
export async function endMembership(tx: Tx, caregiverId: string, householdId: string, now: Date): Promise<void> {
  const h = await tx.household.findUniqueOrThrow({ where: { id: householdId }, select: { timeZone: true } });
  const today = toDbDate(localDateOf(now, h.timeZone));
  await tx.caregiver.update({ where: { id: caregiverId }, data: { removedAt: now } });
  await tx.swap.updateMany({
    where: { householdId, status: "pending", OR: [{ fromId: caregiverId }, { toId: caregiverId }] },
    data: { status: "withdrawn", respondedAt: now },
  });
  await tx.shift.deleteMany({ where: { householdId, caregiverId, startsAt: { gte: now } } });
  await tx.unavailability.deleteMany({ where: { householdId, caregiverId, startsAt: { gte: now } } });
  await tx.planItem.updateMany({
    where: { householdId, assigneeId: caregiverId, OR: [{ untilDate: null }, { untilDate: { gte: today } }] },
    data: { assigneeId: null },
  });
  await tx.calendarFeed.deleteMany({ where: { caregiverId } });
  await tx.apiToken.deleteMany({ where: { caregiverId } });
  await tx.pushSubscription.deleteMany({ where: { caregiverId } });
  await tx.pushOutbox.deleteMany({ where: { recipientId: caregiverId, sentAt: null } });
}

const ZRemoveMember = z.object({ householdId: ZId, caregiverId: ZId });

/** Parents remove another member. The last parent can't be removed. */
export const removeMember = householdAction(ZRemoveMember, { role: "parent" }, async ({ me, data, now }) => {
  await db.$transaction(async (tx) => {
    const rows = await lockCaregivers(tx, me.householdId);
    const mine = rows.find((r) => r.user_id === me.userId);
    if (!mine || !canManageHousehold(mine)) throw forbidden(msg("household.errors.members.parentsOnly"));
    const target = rows.find((r) => r.id === data.caregiverId);
    if (!target) throw notFound(msg("errors.what.member"));
    if (target.id === mine.id) throw conflict(msg("household.errors.members.removeSelf"));
    if (isLastParent(target, rows)) throw conflict(msg("household.errors.members.lastParent"));
    await endMembership(tx, target.id, me.householdId, now);
    // Also closes the removed member's open streams (they re-check membership on each event).
    await publishLive(tx, me.householdId, "household.changed", [target.id], mine.id);
  });
});

const ZLeaveHousehold = z.object({ householdId: ZId });

/** Any member may leave, except the last parent (someone must stay in charge). */
export const leaveHousehold = householdAction(ZLeaveHousehold, {}, async ({ me, now }) => {
  await db.$transaction(async (tx) => {
    const rows = await lockCaregivers(tx, me.householdId);
    const mine = rows.find((r) => r.user_id === me.userId);
    if (!mine) throw forbidden(msg("errors.notMember"));
    const why = whyCantLeave(mine, rows);
    if (why === "last parent") throw conflict(msg("household.errors.members.leaveLastParent"));
    if (why === "only member") throw conflict(msg("household.errors.members.leaveOnlyMember"));
    await endMembership(tx, mine.id, me.householdId, now);
    await publishLive(tx, me.householdId, "household.changed", [mine.id]);
  });
});

export type THouseholdOverview = {
  household: {
    id: string;
    name: string;
    timeZone: string;
    nightStart: number;
    nightEnd: number;
    keepFormerNames: boolean;
  };
  me: { caregiverId: string; role: Role };
  members: { caregiverId: string; name: string; email: string; role: Role; joinedAt: string; isMe: boolean }[];
  babies: { id: string; name: string; birthDate: string }[];
  pendingInvites: { id: string; role: Role; expiresAt: string; createdBy: string }[];
};

/**
 * Everything the household page shows, for a member, in one round of queries.
 * `invites: false` (the other pages' overview, lib/household/current.ts)
 * leaves the pending invites out: only the household page shows them, so the
 * others send no statement for them.
 */
export const getHouseholdOverview = householdQuery(
  z.object({ householdId: ZId, invites: z.boolean().optional() }),
  {},
  async ({ me, household, data, now }): Promise<THouseholdOverview> => {
    // Members and babies from the household's details (cached across requests); invites are a parent's business.
    const [details, invites] = await Promise.all([
      detailsOf(me.householdId),
      // Helpers see who is invited but links are a parent's business.
      data.invites !== false && canManageHousehold(me)
        ? db.invite.findMany({
            relationLoadStrategy: "join",
            where: { householdId: me.householdId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
            orderBy: { createdAt: "desc" },
            select: { id: true, role: true, expiresAt: true, createdBy: { select: { name: true } } },
          })
        : [],
    ]);
    return {
      household: { ...household, keepFormerNames: details.keepFormerNames },
      me: { caregiverId: me.caregiverId, role: me.role },
      members: details.members.map((c) => ({
        caregiverId: c.caregiverId,
        name: c.name,
        email: c.email,
        role: c.role,
        joinedAt: c.joinedAt.toISOString(),
        isMe: c.userId === me.userId,
      })),
      babies: details.babies,
      pendingInvites: invites.map((i) => ({
        id: i.id,
        role: i.role,
        expiresAt: i.expiresAt.toISOString(),
        createdBy: i.createdBy.name,
      })),
    };
  },
);
