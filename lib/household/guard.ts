import "server-only";
import { cache } from "react";
import { db, type Tx } from "@/lib/db";
import type { TActor, TMembership, TRole } from "@/lib/auth/actor";
import { forbidden, unauthenticated } from "@/lib/errors";
import { ZId } from "@/lib/validation";

/**
 * The one answer to "may this person touch this household, in this role?".
 * Reads the membership from the database (never from the client) and is
 * called by every domain function that reads or writes household data.
 */
export async function requireMember(
  actor: TActor | null,
  householdId: unknown,
  opts: { role?: TRole; tx?: Tx } = {},
): Promise<TMembership> {
  if (!actor) throw unauthenticated();
  const id = ZId.safeParse(householdId);
  if (!id.success) throw forbidden("You're not a member of this household.");
  const c = opts.tx
    ? await membershipIn(opts.tx, actor.userId, id.data)
    : await membershipThisRender(actor.userId, id.data);
  if (!c) throw forbidden("You're not a member of this household.");
  if (opts.role === "parent" && c.role !== "parent") throw forbidden("Only parents can do that.");
  return { caregiverId: c.id, householdId: c.householdId, role: c.role };
}

function membershipIn(client: Tx | typeof db, userId: string, householdId: string) {
  return client.caregiver.findFirst({
    where: { householdId, userId },
    select: { id: true, householdId: true, role: true },
  });
}

/**
 * One read per page render: a page's cards each check membership (as every
 * domain function must), and React's per-request cache makes those checks
 * one statement. Outside a render (server actions, route handlers, tests)
 * React calls straight through, so every action reads it afresh; inside a
 * transaction the check always reads through that transaction.
 */
const membershipThisRender = cache((userId: string, householdId: string) => membershipIn(db, userId, householdId));

/** For creating or joining a household: signed in and not yet in one. */
export async function requireNoHousehold(actor: TActor | null, tx?: Tx): Promise<TActor> {
  if (!actor) throw unauthenticated();
  const existing = await (tx ?? db).caregiver.findFirst({ where: { userId: actor.userId }, select: { id: true } });
  if (existing) throw forbidden("You already belong to a household. Leave it first to join or create another.");
  return actor;
}
