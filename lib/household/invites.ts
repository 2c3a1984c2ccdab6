import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor, TRole } from "@/lib/auth/actor";
import { conflict, forbidden, invalid, notFound, unauthenticated } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { publish } from "@/lib/live/events";
import { hashInviteToken, INVITE_TTL_DAYS, invitePath, newInviteToken } from "@/lib/household/invite-token";

const ZRole = z.enum(["parent", "helper"], { error: "Choose parent or helper." });

export const ZCreateInvite = z.object({ householdId: ZId, role: ZRole });

/** Parents make a single-use link that expires in a week. The token is shown once. */
export async function createInvite(
  actor: TActor | null,
  input: unknown,
): Promise<{ inviteId: string; path: string; expiresAt: Date; role: TRole }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  await requireMember(actor, householdId, { role: "parent" });
  const { role } = parseInput(ZCreateInvite, input);
  const token = newInviteToken();
  const expiresAt = new Date(Date.now() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000);
  const invite = await db.invite.create({
    data: { householdId, role, tokenHash: hashInviteToken(token), createdById: actor!.userId, expiresAt },
    select: { id: true },
  });
  return { inviteId: invite.id, path: invitePath(token), expiresAt, role };
}

export const ZRevokeInvite = z.object({ householdId: ZId, inviteId: ZId });

export async function revokeInvite(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  await requireMember(actor, householdId, { role: "parent" });
  const { inviteId } = parseInput(ZRevokeInvite, input);
  // Scoped by household in the write itself; used or revoked links stay as they are.
  const res = await db.invite.updateMany({
    where: { id: inviteId, householdId, usedAt: null, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (res.count === 0) {
    const exists = await db.invite.findFirst({ where: { id: inviteId, householdId }, select: { usedAt: true } });
    if (!exists) throw notFound("That invite");
    throw conflict(exists.usedAt ? "That invite was already used." : "That invite was already revoked.");
  }
}

export type TInviteStatus = "valid" | "used" | "expired" | "revoked" | "unknown";

export type TInvitePreview =
  | { status: "unknown" }
  | {
      status: Exclude<TInviteStatus, "unknown">;
      householdName: string;
      invitedBy: string;
      role: TRole;
      expiresAt: Date;
    };

function statusOf(
  i: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): TInviteStatus {
  if (i.revokedAt) return "revoked";
  if (i.usedAt) return "used";
  if (i.expiresAt <= now) return "expired";
  return "valid";
}

/** What the invite page may show to whoever holds the link (the link is the secret). */
export async function previewInvite(token: string): Promise<TInvitePreview> {
  if (!token || token.length > 100) return { status: "unknown" };
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      role: true,
      household: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!invite) return { status: "unknown" };
  return {
    status: statusOf(invite) as Exclude<TInviteStatus, "unknown">,
    householdName: invite.household.name,
    invitedBy: invite.createdBy.name,
    role: invite.role,
    expiresAt: invite.expiresAt,
  };
}

export const INVITE_MESSAGES: Record<Exclude<TInviteStatus, "valid">, string> = {
  unknown: "This invite link isn't valid. Check you copied all of it, or ask for a new one.",
  used: "This invite link has already been used. Ask for a new one if you still need to join.",
  expired: "This invite link has expired. Ask the person who sent it for a new one.",
  revoked: "This invite link was withdrawn. Ask the person who sent it for a new one.",
};

export const ZAcceptInvite = z.object({
  token: z.string().min(1, "The invite link is incomplete.").max(100, "That invite link isn't valid."),
});

/**
 * Joins the household behind a valid link, exactly once: the link is claimed
 * with a conditional update, so two people opening it at once get one winner.
 */
export async function acceptInvite(actor: TActor | null, input: unknown): Promise<{ householdId: string }> {
  if (!actor) throw unauthenticated();
  const { token } = parseInput(ZAcceptInvite, input);
  const tokenHash = hashInviteToken(token);
  try {
    return await claimInvite(actor, tokenHash);
  } catch (e) {
    // The same person accepting two links at once: caregivers.user_id is unique.
    if (isUniqueViolation(e)) throw forbidden("You already belong to a household. Leave it first to join this one.");
    throw e;
  }
}

function claimInvite(actor: TActor, tokenHash: string) {
  return db.$transaction(async (tx) => {
    const already = await tx.caregiver.findFirst({ where: { userId: actor.userId }, select: { householdId: true } });
    const invite = await tx.invite.findUnique({
      where: { tokenHash },
      select: { id: true, householdId: true, role: true, usedAt: true, revokedAt: true, expiresAt: true },
    });
    if (!invite) throw invalid(INVITE_MESSAGES.unknown);
    if (already?.householdId === invite.householdId) throw conflict("You're already a member of this household.");
    if (already) throw forbidden("You already belong to a household. Leave it first to join this one.");
    const status = statusOf(invite);
    if (status !== "valid") throw conflict(INVITE_MESSAGES[status]);
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date(), usedById: actor.userId },
    });
    if (claimed.count !== 1) throw conflict(INVITE_MESSAGES.used);
    const joined = await tx.caregiver.create({
      data: { householdId: invite.householdId, userId: actor.userId, role: invite.role },
      select: { id: true },
    });
    await publish(tx, {
      type: "household.changed",
      householdId: invite.householdId,
      ids: [joined.id],
      actorCaregiverId: joined.id,
    });
    return { householdId: invite.householdId };
  });
}
