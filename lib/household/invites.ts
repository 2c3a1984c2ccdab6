import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { requestNow } from "@/lib/clock";
import { accountAction, householdAction } from "@/lib/context";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { Role } from "@/lib/generated/prisma/enums";
import { hashInviteToken, INVITE_TTL_DAYS, invitePath, newInviteToken } from "@/lib/household/invite-token";
import { publishLive } from "@/lib/live/publish";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { ZId } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

const ZCreateInvite = z.object({
  householdId: ZId,
  role: z.enum(Role, { error: msg("household.errors.invite.chooseRole") }),
});

/** Parents make a single-use link that expires in a week. The token is shown once. */
export const createInvite = householdAction(
  ZCreateInvite,
  { role: "parent" },
  async ({ me, data, now }): Promise<{ inviteId: string; path: string; expiresAt: Date; role: Role }> => {
    const token = newInviteToken();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 24 * 60 * 60 * 1000);
    const invite = await db.invite.create({
      data: {
        householdId: me.householdId,
        role: data.role,
        tokenHash: hashInviteToken(token),
        createdById: me.userId,
        expiresAt,
      },
      select: { id: true },
    });
    return { inviteId: invite.id, path: invitePath(token), expiresAt, role: data.role };
  },
);

const ZRevokeInvite = z.object({ householdId: ZId, inviteId: ZId });

export const revokeInvite = householdAction(ZRevokeInvite, { role: "parent" }, async ({ me, data, now }) => {
  const where = { id: data.inviteId, householdId: me.householdId };
  // Scoped by household in the write itself; used or revoked links stay as they are.
  const res = await db.invite.updateMany({
    where: { ...where, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (res.count === 0) {
    const exists = await db.invite.findFirst({ where, select: { usedAt: true } });
    if (!exists) throw notFound(msg("errors.what.invite"));
    throw conflict(
      msg(exists.usedAt ? "household.errors.invite.alreadyUsed" : "household.errors.invite.alreadyRevoked"),
    );
  }
});

type TInviteStatus = "valid" | "used" | "expired" | "revoked" | "unknown";

export type TInvitePreview =
  | { status: "unknown" }
  | {
      status: Exclude<TInviteStatus, "unknown">;
      householdId: string;
      householdName: string;
      invitedBy: string;
      role: Role;
      expiresAt: Date;
    };

function statusOf(i: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): TInviteStatus {
  if (i.revokedAt) return "revoked";
  if (i.usedAt) return "used";
  if (i.expiresAt <= now) return "expired";
  return "valid";
}

/**
 * What the invite page may show to whoever holds the link, signed in or not:
 * the link is the secret, so there is no membership to check. `now` is the
 * request's clock unless a test passes one.
 */
export async function previewInvite(token: string, now?: Date): Promise<TInvitePreview> {
  if (!token || token.length > 100) return { status: "unknown" };
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      usedAt: true,
      revokedAt: true,
      expiresAt: true,
      role: true,
      household: { select: { id: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
  if (!invite) return { status: "unknown" };
  return {
    status: statusOf(invite, now ?? (await requestNow())) as Exclude<TInviteStatus, "unknown">,
    householdId: invite.household.id,
    householdName: invite.household.name,
    invitedBy: invite.createdBy.name,
    role: invite.role,
    expiresAt: invite.expiresAt,
  };
}

export const INVITE_MESSAGES: Record<Exclude<TInviteStatus, "valid">, string> = {
  unknown: msg("invite.problem.unknown"),
  used: msg("invite.problem.used"),
  expired: msg("invite.problem.expired"),
  revoked: msg("invite.problem.revoked"),
};

/** Why someone signed in can't join through a link: one account, one household. */
export const JOIN_REFUSALS = {
  here: msg("invite.refusal.here"),
  elsewhere: msg("invite.refusal.elsewhere"),
};

/**
 * Whether `actor` could join `householdId` through an invite, judged before
 * any tap so the invite page can say why not: "here" (already a member of it),
 * "elsewhere" (a member of another household), or null (free to join).
 * The claim below refuses the same cases with JOIN_REFUSALS.
 */
export function whyCantJoin(actor: Pick<TActor, "membership">, householdId: string): keyof typeof JOIN_REFUSALS | null {
  if (!actor.membership) return null;
  return actor.membership.householdId === householdId ? "here" : "elsewhere";
}

const ZAcceptInvite = z.object({
  token: z.string().min(1, msg("invite.errors.incomplete")).max(100, msg("invite.errors.notValid")),
});

/**
 * Joins the household behind a valid link, exactly once: the link is claimed
 * with a conditional update, so two people opening it at once get one winner.
 */
export const acceptInvite = accountAction(ZAcceptInvite, async ({ actor, data, now }) => {
  try {
    return await claimInvite(actor, hashInviteToken(data.token), now);
  } catch (e) {
    // The same person accepting two links at once: caregivers.user_id is unique.
    if (isUniqueViolation(e)) throw forbidden(JOIN_REFUSALS.elsewhere);
    throw e;
  }
});

function claimInvite(actor: TActor, tokenHash: string, now: Date): Promise<{ householdId: string }> {
  return db.$transaction(async (tx) => {
    // Signed in but in no household yet: read inside the transaction, beside the claim.
    const already = await tx.caregiver.findFirst({
      where: { userId: actor.userId, removedAt: null },
      select: { householdId: true },
    });
    const invite = await tx.invite.findUnique({
      where: { tokenHash },
      select: { id: true, householdId: true, role: true, usedAt: true, revokedAt: true, expiresAt: true },
    });
    if (!invite) throw invalid(INVITE_MESSAGES.unknown);
    if (already?.householdId === invite.householdId) throw conflict(JOIN_REFUSALS.here);
    if (already) throw forbidden(JOIN_REFUSALS.elsewhere);
    const status = statusOf(invite, now);
    if (status !== "valid") throw conflict(INVITE_MESSAGES[status]);
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedById: actor.userId },
    });
    if (claimed.count !== 1) throw conflict(INVITE_MESSAGES.used);
    // Back in a household they left: their old row comes back, so their past is theirs again (docs/decisions/0030).
    const before = await tx.caregiver.findFirst({
      where: { householdId: invite.householdId, userId: actor.userId, removedAt: { not: null } },
      orderBy: { removedAt: "desc" },
      select: { id: true },
    });
    const joined = before
      ? await tx.caregiver.update({
          where: { id: before.id },
          data: { removedAt: null, role: invite.role, joinedAt: now },
          select: { id: true },
        })
      : await tx.caregiver.create({
          data: { householdId: invite.householdId, userId: actor.userId, role: invite.role },
          select: { id: true },
        });
    await publishLive(tx, invite.householdId, "household.changed", [joined.id], joined.id);
    return { householdId: invite.householdId };
  });
}
