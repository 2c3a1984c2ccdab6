import "server-only";
import { db, type Tx } from "@/lib/db";
import type { AccountTokenPurpose } from "@/lib/generated/prisma/enums";
import { hashSecretToken, isWellFormedSecretToken, newSecretToken } from "@/lib/tokens";
import { msg } from "@/lib/i18n/text";

// The single-use links Attune mails about an account (table account_tokens):
// a 256-bit secret in the link, only its SHA-256 stored.

export const PASSWORD_RESET_MINUTES = 30;
export const EMAIL_CHANGE_HOURS = 24;

export const resetPasswordPath = (token: string) => `/reset-password/${token}`;
export const confirmEmailPath = (token: string) => `/confirm-email/${token}`;

/** One message for every link that can't be used: unknown, used and expired look alike. */
export const LINK_PROBLEM = msg("auth.errors.linkProblem");

/** Makes a link's secret and stores its hash; the secret goes into the mail and nowhere else. */
export async function issueAccountToken(opts: {
  userId: string;
  purpose: AccountTokenPurpose;
  expiresAt: Date;
  newEmail?: string;
}): Promise<string> {
  const token = newSecretToken();
  await db.accountToken.create({
    data: {
      userId: opts.userId,
      purpose: opts.purpose,
      tokenHash: hashSecretToken(token),
      expiresAt: opts.expiresAt,
      newEmail: opts.newEmail ?? null,
    },
  });
  return token;
}

export type TLiveToken = { id: string; userId: string; newEmail: string | null };

/** The unused, unexpired token this secret is, for this purpose (and user, when given); else null. */
export async function findLiveToken(
  token: unknown,
  purpose: AccountTokenPurpose,
  now: Date,
  userId?: string,
  client: Tx | typeof db = db,
): Promise<TLiveToken | null> {
  if (!isWellFormedSecretToken(token)) return null;
  return client.accountToken.findFirst({
    where: {
      tokenHash: hashSecretToken(token),
      purpose,
      usedAt: null,
      expiresAt: { gt: now },
      ...(userId && { userId }),
    },
    select: { id: true, userId: true, newEmail: true },
  });
}

/**
 * Marks the token used; false when another request used it first (the
 * condition is in the update, so two tabs opening one link can't both win).
 */
export async function useToken(tx: Tx, id: string, now: Date): Promise<boolean> {
  const { count } = await tx.accountToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

/** Every link this account still has out stops working (its password or address just changed). */
export async function retireAccountTokens(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
}
