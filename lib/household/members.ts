import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { conflict, forbidden, notFound } from "@/lib/errors";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { publish } from "@/lib/live/events";

/**
 * Locks the household's caregiver rows for the rest of the transaction, so two
 * parents removing each other (or leaving) at the same moment cannot both
 * succeed and leave a household without a parent.
 */
async function lockCaregivers(tx: Tx, householdId: string) {
  return tx.$queryRaw<{ id: string; user_id: string; role: "parent" | "helper" }[]>`
    SELECT id, user_id, role FROM caregivers WHERE household_id = ${householdId}::uuid ORDER BY id FOR UPDATE`;
}

export const ZRemoveMember = z.object({ householdId: ZId, caregiverId: ZId });

/** Parents remove another member. The last parent can't be removed. */
export async function removeMember(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  await requireMember(actor, householdId, { role: "parent" });
  const { caregiverId } = parseInput(ZRemoveMember, input);
  await db.$transaction(async (tx) => {
    const rows = await lockCaregivers(tx, householdId);
    const me = rows.find((r) => r.user_id === actor!.userId);
    if (!me || me.role !== "parent") throw forbidden("Only parents can remove members.");
    const target = rows.find((r) => r.id === caregiverId);
    if (!target) throw notFound("That member");
    if (target.id === me.id) throw invalidSelf();
    if (target.role === "parent" && rows.filter((r) => r.role === "parent").length <= 1) {
      throw conflict("The last parent can't be removed.");
    }
    await tx.caregiver.delete({ where: { id: target.id } });
    // Also closes the removed member's open streams (they re-check membership on each event).
    await publish(tx, { type: "household.changed", householdId, ids: [target.id], actorCaregiverId: me.id });
  });
}

function invalidSelf() {
  return conflict("To remove yourself, use “Leave household”.");
}

export const ZLeaveHousehold = z.object({ householdId: ZId });

/** Any member may leave, except the last parent (someone must stay in charge). */
export async function leaveHousehold(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(ZLeaveHousehold, input);
  await requireMember(actor, householdId);
  await db.$transaction(async (tx) => {
    const rows = await lockCaregivers(tx, householdId);
    const me = rows.find((r) => r.user_id === actor!.userId);
    if (!me) throw forbidden("You're not a member of this household.");
    if (me.role === "parent" && rows.filter((r) => r.role === "parent").length <= 1) {
      throw conflict(
        rows.length > 1
          ? "You're the last parent, so you can't leave yet. Invite another parent first."
          : "You're the only member. Deleting a household will come with data export; until then it stays yours.",
      );
    }
    await tx.caregiver.delete({ where: { id: me.id } });
    await publish(tx, { type: "household.changed", householdId, ids: [me.id] });
  });
}

export type THouseholdOverview = {
  household: { id: string; name: string; timeZone: string; nightStart: number; nightEnd: number };
  me: { caregiverId: string; role: "parent" | "helper" };
  members: {
    caregiverId: string;
    name: string;
    email: string;
    role: "parent" | "helper";
    joinedAt: string;
    isMe: boolean;
  }[];
  babies: { id: string; name: string; birthDate: string }[];
  pendingInvites: { id: string; role: "parent" | "helper"; expiresAt: string; createdBy: string }[];
};

/** Everything the household page shows, for a member, in one round of queries. */
export async function getHouseholdOverview(actor: TActor | null, householdId: unknown): Promise<THouseholdOverview> {
  const me = await requireMember(actor, householdId);
  const h = await db.household.findUnique({
    where: { id: me.householdId },
    select: {
      id: true,
      name: true,
      timeZone: true,
      nightStart: true,
      nightEnd: true,
      caregivers: {
        orderBy: { joinedAt: "asc" },
        select: { id: true, role: true, joinedAt: true, user: { select: { id: true, name: true, email: true } } },
      },
      babies: { orderBy: { birthDate: "asc" }, select: { id: true, name: true, birthDate: true } },
      invites: {
        where: { usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        orderBy: { createdAt: "desc" },
        select: { id: true, role: true, expiresAt: true, createdBy: { select: { name: true } } },
      },
    },
  });
  if (!h) throw notFound("That household");
  return {
    household: { id: h.id, name: h.name, timeZone: h.timeZone, nightStart: h.nightStart, nightEnd: h.nightEnd },
    me: { caregiverId: me.caregiverId, role: me.role },
    members: h.caregivers.map((c) => ({
      caregiverId: c.id,
      name: c.user.name,
      email: c.user.email,
      role: c.role,
      joinedAt: c.joinedAt.toISOString(),
      isMe: c.user.id === actor!.userId,
    })),
    babies: h.babies.map((b) => ({ id: b.id, name: b.name, birthDate: b.birthDate.toISOString().slice(0, 10) })),
    // Helpers see who is invited but links are a parent's business.
    pendingInvites:
      me.role === "parent"
        ? h.invites.map((i) => ({
            id: i.id,
            role: i.role,
            expiresAt: i.expiresAt.toISOString(),
            createdBy: i.createdBy.name,
          }))
        : [],
  };
}
