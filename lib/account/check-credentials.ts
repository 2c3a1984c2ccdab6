import "server-only";
import { db } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { clearSignInThrottle, recordFailedSignIn, signInBlockedFor } from "@/lib/auth/throttle";

export type TCheckedUser = { id: string; email: string; name: string; sessionVersion: number };
export type TCheckResult =
  | { ok: true; user: TCheckedUser }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/**
 * Verifies an email and password. An unknown email and a wrong password give
 * the same answer after one argon2 verification each (a dummy hash stands in
 * for the missing user). Failures count against the account at this address,
 * the address, and the account (lib/auth/throttle.ts).
 */
export async function checkCredentials(input: {
  email: string;
  password: string;
  address: string;
}): Promise<TCheckResult> {
  const email = input.email.trim().toLowerCase().slice(0, 254);
  const password = input.password.slice(0, 1024);
  const keys = { email: email || "(empty)", address: input.address };

  const retryAfterSeconds = await signInBlockedFor(keys);
  if (retryAfterSeconds > 0) return { ok: false, reason: "throttled", retryAfterSeconds };

  const user = email
    ? await db.user.findUnique({
        where: { email },
        select: { id: true, email: true, name: true, sessionVersion: true, passwordHash: true },
      })
    : null;
  const matches = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !matches || !password) {
    await recordFailedSignIn(keys);
    return { ok: false, reason: "invalid" };
  }
  await clearSignInThrottle(keys);
  const { passwordHash: _omit, ...safe } = user;
  return { ok: true, user: safe };
}
