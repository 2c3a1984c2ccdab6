import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { TActor, TMembership, TRole } from "@/lib/auth/actor";
import { forbidden, unauthenticated } from "@/lib/errors";
import { ZId } from "@/lib/validation";

// TODO(#8 transition): the request context (lib/context.ts) replaces this; it
// goes once every domain is built with householdAction / householdQuery.

/**
 * The one answer to "may this person touch this household, in this role?".
 * Reads the membership from the database (never from the client) and is
 * called by every domain function that reads or writes household data.
 */
export async function requireMember(
  actor: TActor | null,
  householdId: unknown,
  opts: { role?: TRole } = {},
): Promise<TMembership> {
  if (!actor) throw unauthenticated();
  const id = ZId.safeParse(householdId);
  if (!id.success) throw forbidden("You're not a member of this household.");
  const c = await membershipThisRender(actor.userId, id.data);
  if (!c) throw forbidden("You're not a member of this household.");
  if (opts.role === "parent" && c.role !== "parent") throw forbidden("Only parents can do that.");
  return { caregiverId: c.id, householdId: c.householdId, role: c.role };
}

/**
 * One read per page render: a page's cards each check membership (as every
 * domain function must), and React's per-request cache makes those checks
 * one statement. Outside a render (server actions, route handlers, tests)
 * React calls straight through, so every action reads it afresh.
 */
const membershipThisRender = cache((userId: string, householdId: string) =>
  db.caregiver.findFirst({
    where: { householdId, userId },
    select: { id: true, householdId: true, role: true },
  }),
);
