import "server-only";
import { headers } from "next/headers";
import { z } from "zod";
import { db } from "@/lib/db";
import { accountAction } from "@/lib/context";
import {
  confirmEmailPath,
  EMAIL_CHANGE_HOURS,
  findLiveToken,
  issueAccountToken,
  LINK_PROBLEM,
  retireAccountTokens,
  useToken,
} from "@/lib/account/account-tokens";
import { checkCurrentPassword, ZCurrentPassword } from "@/lib/account/current-password";
import type { TActor } from "@/lib/auth/actor";
import { clientAddress } from "@/lib/auth/client-address";
import { consumeMailRequest } from "@/lib/auth/throttle";
import { AppError, conflict, invalid } from "@/lib/errors";
import { confirmNewEmailMail, emailChangeNoticeMail, emailTakenMail } from "@/lib/mail/messages";
import { linkTo, sendMail } from "@/lib/mail/send";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { ZEmail } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

// Settings' "Change email". The address changes only when the link mailed to
// the new address is opened (proof that it is yours), and the old address is
// told. A taken address gets the same answer (no enumeration, as sign-up:
// docs/decisions/0016); its owner gets a note instead of a link.

const ZChangeEmail = z.object({ currentPassword: ZCurrentPassword, newEmail: ZEmail });

export const changeEmail = accountAction(ZChangeEmail, async ({ actor, data, now }) => {
  await checkCurrentPassword(actor, data.currentPassword);
  const newEmail = data.newEmail;
  if (newEmail === actor.email)
    throw invalid(msg("settings.errors.sameAddress"), { newEmail: [msg("settings.errors.sameAddress")] });
  if ((await consumeMailRequest({ email: newEmail, address: clientAddress(await headers()) })) > 0)
    throw new AppError("throttled", msg("auth.errors.tooManyRequests"));
  const taken = await db.user.findUnique({ where: { email: newEmail }, select: { id: true, locale: true } });
  // Each mail in its reader's language: the other account's owner in theirs.
  const me = { locale: actor.locale, householdLocale: actor.householdLocale };
  if (taken) {
    sendMail(emailTakenMail({ email: newEmail, locale: taken.locale }));
  } else {
    const token = await issueAccountToken({
      userId: actor.userId,
      purpose: "email_change",
      newEmail,
      expiresAt: new Date(now.getTime() + EMAIL_CHANGE_HOURS * 3_600_000),
    });
    sendMail(
      confirmNewEmailMail({ email: newEmail, ...me }, actor.name, linkTo(confirmEmailPath(token)), EMAIL_CHANGE_HOURS),
    );
  }
  // Told either way, so the owner's own inbox doesn't say whether the other address is taken.
  sendMail(emailChangeNoticeMail({ email: actor.email, ...me }, actor.name, newEmail));
  return { sentTo: newEmail };
});

/** For the confirmation page: the address this link would make yours, or null when it can't be used. */
export async function previewEmailChange(actor: TActor, token: string, now: Date): Promise<string | null> {
  return (await findLiveToken(token, "email_change", now, actor.userId))?.newEmail ?? null;
}

/**
 * Opening the link, signed in as the account that asked: the address changes,
 * once. Every other link the account had out stops working.
 */
export const confirmEmailChange = accountAction(
  z.object({ token: z.string({ error: LINK_PROBLEM }).max(200, LINK_PROBLEM) }),
  async ({ actor, data, now }) => {
    const live = await findLiveToken(data.token, "email_change", now, actor.userId);
    if (!live?.newEmail) throw invalid(LINK_PROBLEM);
    const email = live.newEmail;
    try {
      await db.$transaction(async (tx) => {
        if (!(await useToken(tx, live.id, now))) throw invalid(LINK_PROBLEM);
        await tx.user.update({ where: { id: actor.userId }, data: { email } });
        await retireAccountTokens(tx, actor.userId, now);
      });
    } catch (e) {
      // Someone signed up with it since the link was sent (only the address's owner can see this).
      if (isUniqueViolation(e)) throw conflict(msg("settings.errors.addressTakenNow"));
      throw e;
    }
    return { email };
  },
);
