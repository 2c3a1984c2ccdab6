import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { accountAction } from "@/lib/context";
import { retireAccountTokens } from "@/lib/account/account-tokens";
import { checkCurrentPassword, ZCurrentPassword } from "@/lib/account/current-password";
import { hashPassword, ZNewPassword } from "@/lib/auth/password";
import { revokeOtherSessions } from "@/lib/auth/sessions";

const ZChangePassword = z.object({ currentPassword: ZCurrentPassword, newPassword: ZNewPassword });

/**
 * Settings' "Change password": the current one first, then the new one by
 * sign-up's rules. Every other device is signed out (whoever knew the old
 * password is out); this one stays signed in. Links still out stop working.
 */
export const changePassword = accountAction(ZChangePassword, async ({ actor, data, now }) => {
  await checkCurrentPassword(actor, data.currentPassword);
  const passwordHash = await hashPassword(data.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.userId }, data: { passwordHash } });
    await revokeOtherSessions(tx, actor.userId, actor.sessionId, now);
    await retireAccountTokens(tx, actor.userId, now);
  });
});
