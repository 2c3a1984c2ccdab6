import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { readSessionClaims, type TSessionClaims } from "@/lib/auth/claims";
import type { TActor } from "@/lib/auth/actor";

/**
 * Who is asking: the claims in the cookie, confirmed by the database. A token
 * whose session version is older than the user's (after "sign out
 * everywhere") or whose user is gone resolves to nobody.
 */
export async function resolveActor(claims: TSessionClaims | null): Promise<TActor | null> {
  if (!claims) return null;
  const user = await db.user.findFirst({
    where: { id: claims.userId, sessionVersion: claims.sessionVersion },
    select: {
      id: true,
      email: true,
      name: true,
      sessionVersion: true,
      caregivers: { select: { id: true, householdId: true, role: true }, take: 1 },
    },
  });
  if (!user) return null;
  const c = user.caregivers[0];
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    sessionVersion: user.sessionVersion,
    membership: c ? { caregiverId: c.id, householdId: c.householdId, role: c.role } : null,
  };
}

/** The signed-in caregiver for this request (one query, cached per request). */
export const currentActor = cache(async (): Promise<TActor | null> => resolveActor(await readSessionClaims()));

/** For pages: the actor, or off to sign-in. */
export async function requireActorOrRedirect(next?: string): Promise<TActor> {
  const actor = await currentActor();
  if (!actor) redirect(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  return actor;
}

/** For pages inside the household: the actor and their membership, or onboarding. */
export async function requireMemberOrRedirect(next?: string) {
  const actor = await requireActorOrRedirect(next);
  if (!actor.membership) redirect("/onboarding");
  return { actor, membership: actor.membership };
}
