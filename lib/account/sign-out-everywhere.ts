import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { accountAction } from "@/lib/context";

/** Ends every session of this account, on every device, at their next request. */
export const signOutEverywhere = accountAction(z.object({}), async ({ actor, now }) => {
  await db.$transaction([
    db.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } }),
    db.session.updateMany({ where: { userId: actor.userId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
});
