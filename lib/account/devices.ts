import "server-only";
import { z } from "zod";
import { accountAction } from "@/lib/context";
import { listDevices, revokeSession } from "@/lib/auth/sessions";
import { notFound } from "@/lib/errors";
import { ZId } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

/** "Your devices": where this account is signed in, this device marked. */
export const myDevices = accountAction(z.object({}), ({ actor }) => listDevices(actor.userId, actor.sessionId));

/** Signs one of your own devices out. Another person's session id is "not found", never revoked. */
export const signOutDevice = accountAction(z.object({ sessionId: ZId }), async ({ actor, data, now }) => {
  if (!(await revokeSession(actor.userId, data.sessionId, now))) throw notFound(msg("errors.what.device"));
});
