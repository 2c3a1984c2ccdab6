import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { hashPassword, ZNewPassword } from "@/lib/auth/password";
import { requestNow } from "@/lib/clock";
import { conflict } from "@/lib/errors";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/i18n/locales";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { parseInput, ZEmail, ZName } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

const ZSignUp = z.object({
  name: ZName(msg("auth.what.yourName")),
  email: ZEmail,
  password: ZNewPassword,
});

/** The domain's answer for a taken address; the sign-up action never shows it (docs/decisions/0016). */
export const EMAIL_TAKEN = msg("auth.errors.emailTaken");

/**
 * Creates an account. For an address that already has one, nothing is
 * created; the existing account is marked (signUpAttemptAt) so its owner is
 * told at their next sign-in, and a `conflict` is thrown for the caller to
 * hide. Either way one password hash is made, so both take the same time.
 */
/** The sign-up form's checks, alone (they come before any throttle or hash). */
export function parseSignUp(input: unknown): z.infer<typeof ZSignUp> {
  return parseInput(ZSignUp, input);
}

export async function signUp(
  input: unknown,
  /** The browser's language at sign-up (Accept-Language, lib/i18n/locales.ts); they can change it in Settings. */
  locale: TLocale = DEFAULT_LOCALE,
): Promise<{ id: string; email: string }> {
  const data = parseSignUp(input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db.user.create({
      data: { name: data.name, email: data.email, passwordHash, locale },
      select: { id: true, email: true },
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      await db.user.update({ where: { email: data.email }, data: { signUpAttemptAt: await requestNow() } });
      throw conflict(EMAIL_TAKEN);
    }
    throw e;
  }
}

/**
 * At sign-in: when someone tried to sign up with this account's address since
 * the last sign-in, when (and the mark is cleared, so it is told once).
 */
export async function takeSignUpAttempt(email: string): Promise<Date | null> {
  const rows = await db.$queryRaw<{ at: Date }[]>`
    WITH prev AS (
      SELECT id, sign_up_attempt_at FROM users
       WHERE email = ${email.trim().toLowerCase()} AND sign_up_attempt_at IS NOT NULL FOR UPDATE)
    UPDATE users u SET sign_up_attempt_at = NULL FROM prev WHERE u.id = prev.id
    RETURNING prev.sign_up_attempt_at AS at`;
  return rows[0]?.at ?? null;
}
