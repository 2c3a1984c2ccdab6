import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { verifyPassword } from "@/lib/auth/password";
import { recordFailedSignIn, signInBlockedFor } from "@/lib/auth/throttle";
import { AppError, invalid } from "@/lib/errors";

const WRONG = "That isn't your current password.";

/** The "current password" field of Settings' forms. */
export const ZCurrentPassword = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(1024, WRONG);

/**
 * Settings asks for the current password before changing the password or the
 * address, so a phone left unlocked is not enough. Wrong guesses count like
 * failed sign-ins (lib/auth/throttle.ts): a stolen session can't be used to
 * guess the password at leisure.
 */
export async function checkCurrentPassword(actor: TActor, password: string): Promise<void> {
  const keys = { email: actor.email, address: clientAddress(await headers()) };
  if ((await signInBlockedFor(keys)) > 0)
    throw new AppError("throttled", "Too many wrong passwords. Please wait 15 minutes and try again.");
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordFailedSignIn(keys);
    throw invalid(WRONG, { currentPassword: [WRONG] });
  }
}
