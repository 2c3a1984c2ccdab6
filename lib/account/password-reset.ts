import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import {
  findLiveToken,
  issueAccountToken,
  LINK_PROBLEM,
  PASSWORD_RESET_MINUTES,
  resetPasswordPath,
  retireAccountTokens,
  useToken,
} from "@/lib/account/account-tokens";
import { hashPassword, ZNewPassword } from "@/lib/auth/password";
import { endEverySession } from "@/lib/auth/sessions";
import { consumeMailRequest } from "@/lib/auth/throttle";
import { AppError, invalid } from "@/lib/errors";
import { passwordResetMail } from "@/lib/mail/messages";
import { linkTo, sendMail } from "@/lib/mail/send";
import { parseInput, ZEmail } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

// "Forgot password?": public by nature (whoever asks is signed out). It never
// says whether an account uses the address (docs/decisions/0016, 0025).

const ZForgotPassword = z.object({ email: ZEmail });

/** What the form says after any well-formed request, account or not. */
export const RESET_SENT = msg("auth.forgot.sent");

/**
 * Mails a reset link when an account uses the address; otherwise does
 * nothing, and answers the same. Throttled per client address and per
 * address asked about, counting every request alike.
 */
export async function requestPasswordReset(input: unknown, ctx: { address: string; now: Date }): Promise<void> {
  const { email } = parseInput(ZForgotPassword, input); // a typo costs no attempt
  if ((await consumeMailRequest({ email, address: ctx.address })) > 0)
    throw new AppError("throttled", msg("auth.errors.tooManyRequests"));
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, locale: true },
  });
  if (!user) return;
  const token = await issueAccountToken({
    userId: user.id,
    purpose: "password_reset",
    expiresAt: new Date(ctx.now.getTime() + PASSWORD_RESET_MINUTES * 60_000),
  });
  sendMail(
    passwordResetMail(
      { email: user.email, locale: user.locale },
      user.name,
      linkTo(resetPasswordPath(token)),
      PASSWORD_RESET_MINUTES,
    ),
  );
}

/** For the reset page: whether the link can still be used (it says so before asking for a password). */
export async function resetLinkIsLive(token: string, now: Date): Promise<boolean> {
  return Boolean(await findLiveToken(token, "password_reset", now));
}

const ZResetPassword = z.object({
  token: z.string({ error: LINK_PROBLEM }).max(200, LINK_PROBLEM),
  password: ZNewPassword,
});

/**
 * Sets a new password with a reset link, once. Every session of the account
 * ends (whoever knew the old password is out), and every other link it had
 * out stops working. A used, expired or unknown link changes nothing.
 */
export async function resetPassword(input: unknown, now: Date): Promise<void> {
  const data = parseInput(ZResetPassword, input);
  // Looked up before hashing: a made-up link costs no argon2 work.
  const live = await findLiveToken(data.token, "password_reset", now);
  if (!live) throw invalid(LINK_PROBLEM);
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    if (!(await useToken(tx, live.id, now))) throw invalid(LINK_PROBLEM);
    await tx.user.update({ where: { id: live.userId }, data: { passwordHash } });
    await endEverySession(tx, live.userId, now);
    await retireAccountTokens(tx, live.userId, now);
  });
}
