import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { accountAction } from "@/lib/context";
import { endEverySession } from "@/lib/auth/sessions";

/** Ends every session of this account, on every device, at their next request. */
export const signOutEverywhere = accountAction(z.object({}), async ({ actor, now }) => {
  await db.$transaction((tx) => endEverySession(tx, actor.userId, now));
});
