import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { unauthenticated } from "@/lib/errors";

/** Ends every session of this account, on every device, at their next request. */
export async function signOutEverywhere(actor: TActor | null): Promise<void> {
  if (!actor) throw unauthenticated();
  await db.user.update({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
}
