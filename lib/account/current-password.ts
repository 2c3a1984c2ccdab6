import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { verifyPassword } from "@/lib/auth/password";
import { recordFailedSignIn, signInBlockedFor } from "@/lib/auth/throttle";
import { AppError, invalid } from "@/lib/errors";
import { msg } from "@/lib/i18n/text";

const WRONG = msg("settings.errors.wrongPassword");

/** The "current password" field of Settings' forms. */
export const ZCurrentPassword = z
  .string({ error: msg("settings.errors.enterCurrentPassword") })
  .min(1, msg("settings.errors.enterCurrentPassword"))
  .max(1024, WRONG);

/**
 * Settings asks for the current password before changing the password or the
 * address, so a phone left unlocked is not enough. Wrong guesses count like
 * failed sign-ins (lib/auth/throttle.ts): a stolen session can't be used to
 * guess the password at leisure.
 */
export async function checkCurrentPassword(actor: TActor, password: string): Promise<void> {
  const keys = { email: actor.email, address: clientAddress(await headers()) };
  if ((await signInBlockedFor(keys)) > 0) throw new AppError("throttled", msg("settings.errors.tooManyWrongPasswords"));
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailedSignIn(keys);
    throw invalid(WRONG, { currentPassword: [WRONG] });
  }
}
