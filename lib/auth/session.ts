import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { db } from "@/lib/db";
import { readSessionClaims, type TSessionClaims } from "@/lib/auth/claims";
import type { TActor, TRole } from "@/lib/auth/actor";
import { rememberSessionMembership } from "@/lib/context";
import { DEFAULT_LOCALE, isAnyLocale } from "@/lib/i18n/locales";
import { UNREAD_NOTES_OF_C } from "@/lib/notes/unread-sql";

/** A session is marked seen at most this often (not per request). */
export const LAST_SEEN_EVERY_MINUTES = 5;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type TActorRow = {
  id: string;
  email: string;
  name: string;
  sessionVersion: number;
  caregiverId: string | null;
  householdId: string | null;
  role: TRole | null;
  householdName: string | null;
  timeZone: string | null;
  nightStart: number | null;
  nightEnd: number | null;
  householdLocale: string | null;
  locale: string | null;
  unreadNotes: number | null;
};

/**
 * Who is asking: the claims in the cookie, confirmed by the database. A token
 * whose session (this device) is revoked or gone, whose session version is
 * older than the user's (after "sign out everywhere"), or whose user is gone
 * resolves to nobody.
 *
 * One statement, as before sessions existed: the session row is joined to the
 * user, and a writable CTE marks it seen when the mark is older than
 * LAST_SEEN_EVERY_MINUTES (a write once per device per few minutes, no extra
 * round trip; docs/decisions/0016). The same statement reads the caller's
 * membership with the household's clock and their unread notes count, which
 * every signed-in page shows: a page render then needs no membership read and
 * no badge read of its own (lib/context.ts, #11).
 */
async function readActor(claims: TSessionClaims | null): Promise<{ actor: TActor; row: TActorRow } | null> {
  if (!claims || !UUID.test(claims.userId) || !UUID.test(claims.sessionId)) return null;
  const { userId, sessionId, sessionVersion } = claims;
  if (!Number.isSafeInteger(sessionVersion)) return null;
  const rows = await db.$queryRaw<TActorRow[]>`
    WITH seen AS (
      UPDATE sessions SET last_seen_at = now()
       WHERE id = ${sessionId}::uuid AND user_id = ${userId}::uuid AND revoked_at IS NULL
         AND last_seen_at < now() - make_interval(mins => ${LAST_SEEN_EVERY_MINUTES}))
    SELECT u.id, u.email, u.name, u.session_version AS "sessionVersion", u.locale,
           c.id AS "caregiverId", c.household_id AS "householdId", c.role::text AS role,
           h.name AS "householdName", h.time_zone AS "timeZone",
           h.night_start AS "nightStart", h.night_end AS "nightEnd", h.locale AS "householdLocale",
           CASE WHEN c.id IS NULL THEN NULL ELSE ${UNREAD_NOTES_OF_C} END AS "unreadNotes"
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      LEFT JOIN LATERAL (SELECT id, household_id, role, joined_at FROM caregivers WHERE user_id = u.id AND removed_at IS NULL LIMIT 1) c ON true
      LEFT JOIN households h ON h.id = c.household_id
     WHERE s.id = ${sessionId}::uuid AND s.user_id = ${userId}::uuid AND s.revoked_at IS NULL
       AND u.session_version = ${sessionVersion}`;
  const user = rows[0];
  if (!user) return null;
  return {
    row: user,
    actor: {
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionVersion: user.sessionVersion,
      sessionId,
      locale: isAnyLocale(user.locale) ? user.locale : null,
      ...(isAnyLocale(user.householdLocale) ? { householdLocale: user.householdLocale } : {}),
      membership:
        user.caregiverId && user.householdId && user.role
          ? { caregiverId: user.caregiverId, householdId: user.householdId, role: user.role }
          : null,
    },
  };
}

export async function resolveActor(claims: TSessionClaims | null): Promise<TActor | null> {
  return (await readActor(claims))?.actor ?? null;
}

/**
 * The signed-in caregiver for this request (one statement, cached per
 * request). In a page render it also leaves the membership, clock and badge
 * it read for lib/context.ts.
 */
export const currentActor = cache(async (): Promise<TActor | null> => {
  const read = await readActor(await readSessionClaims());
  if (!read) return null;
  const { actor, row } = read;
  if (actor.membership && row.householdName !== null && row.timeZone !== null)
    rememberSessionMembership(actor.userId, {
      ...actor.membership,
      name: row.householdName,
      timeZone: row.timeZone,
      nightStart: row.nightStart!,
      nightEnd: row.nightEnd!,
      locale: isAnyLocale(row.householdLocale) ? row.householdLocale : DEFAULT_LOCALE,
      unreadNotes: row.unreadNotes ?? 0,
    });
  return actor;
});

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
