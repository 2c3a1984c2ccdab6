import "server-only";
import { db, type Tx } from "@/lib/db";
import { deviceName } from "@/lib/auth/device";

// Per-device sessions (docs/decisions/0016): each sign-in opens a row whose id
// travels in the JWT (claim `sid`). lib/auth/session.ts refuses a cookie whose
// row is revoked or gone, in the same statement that reads the user.

/** Opens a session for this sign-in; its id goes into the token. */
export async function openSession(userId: string, userAgent: string | null): Promise<string> {
  const row = await db.session.create({ data: { userId, device: deviceName(userAgent) }, select: { id: true } });
  return row.id;
}

/** Ends one of this user's sessions (never another user's: the user id is part of the match). */
export async function revokeSession(userId: string, sessionId: string, now: Date): Promise<boolean> {
  const { count } = await db.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null },
    data: { revokedAt: now },
  });
  return count === 1;
}

/** Ends every session of this user. */
export async function revokeAllSessions(userId: string, now: Date): Promise<void> {
  await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}

/**
 * Ends every session of this user, this device's too (sign out everywhere, a
 * password reset): the rows revoked and the session version bumped.
 */
export async function endEverySession(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session of this user but this device's (a password changed here). */
export async function revokeOtherSessions(tx: Tx, userId: string, keepSessionId: string, now: Date): Promise<void> {
  await tx.session.updateMany({
    where: { userId, revokedAt: null, id: { not: keepSessionId } },
    data: { revokedAt: now },
  });
}

export type TDevice = { id: string; device: string; createdAt: Date; lastSeenAt: Date; current: boolean };

/** This user's signed-in devices, most recently seen first; `current` marks the one asking. */
export async function listDevices(userId: string, currentSessionId: string): Promise<TDevice[]> {
  const rows = await db.session.findMany({
    where: { userId, revokedAt: null },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, device: true, createdAt: true, lastSeenAt: true },
    take: 50,
  });
  return rows.map((r) => ({ ...r, current: r.id === currentSessionId }));
}
