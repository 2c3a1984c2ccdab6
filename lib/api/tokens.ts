import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor, TRole } from "@/lib/auth/actor";
import { householdAction, householdQuery } from "@/lib/context";
import { forbidden, notFound } from "@/lib/errors";
import { hashSecretToken, isWellFormedSecretToken, newSecretToken, sameHash } from "@/lib/tokens";
import { ZId, ZList, ZName } from "@/lib/validation";
import { API_SCOPES, canGrantScope, canManageApiToken, type TApiScope } from "@/lib/api/rights";
import { msg } from "@/lib/i18n/text";

// Personal API tokens (docs/decisions/0027): a bedside button or a home
// automation acting as the caregiver who made the token. The secret is shown
// once; only its SHA-256 is stored (lib/tokens.ts, as for invites and
// calendar feeds). A token is revoked, never deleted, so Settings can still
// say when it stopped.

/** A member's live tokens: enough for every device they own, few enough to review. */
export const MAX_TOKENS_PER_CAREGIVER = 20;
/** Last use is written at most this often, not on every request. */
export const LAST_USED_EVERY_SECONDS = 60;

const ZScopes = ZList(z.enum(API_SCOPES, { error: msg("apiTokens.errors.chooseFromList") }), API_SCOPES.length).refine(
  (s) => s.length > 0,
  msg("apiTokens.errors.chooseOne"),
);

export type TCreatedApiToken = { id: string; name: string; scopes: TApiScope[]; token: string };

/** Makes a token for the caller only; the secret exists only in this return value. */
export const createApiToken = householdAction(
  z.object({ householdId: ZId, name: ZName(msg("apiTokens.what.name"), 60), scopes: ZScopes }),
  {},
  async ({ me, data, now }): Promise<TCreatedApiToken> => {
    for (const s of data.scopes) if (!canGrantScope(me, s)) throw forbidden(msg("apiTokens.errors.cantGrant"));
    const live = await db.apiToken.count({ where: { caregiverId: me.caregiverId, revokedAt: null } });
    if (live >= MAX_TOKENS_PER_CAREGIVER)
      throw forbidden(msg("apiTokens.errors.tooMany", { max: MAX_TOKENS_PER_CAREGIVER }));
    const token = newSecretToken();
    const scopes = API_SCOPES.filter((s) => data.scopes.includes(s));
    const row = await db.apiToken.create({
      data: {
        householdId: me.householdId,
        caregiverId: me.caregiverId,
        name: data.name,
        scopes,
        tokenHash: hashSecretToken(token),
        createdAt: now,
      },
      select: { id: true, name: true },
    });
    return { ...row, scopes, token };
  },
);

/** Stops a token of the caller's at once (the next request is refused). Revoking twice changes nothing. */
export const revokeApiToken = householdAction(
  z.object({ householdId: ZId, tokenId: ZId }),
  {},
  async ({ me, data, now }): Promise<{ revoked: boolean }> => {
    const t = await db.apiToken.findFirst({
      where: { id: data.tokenId, householdId: me.householdId },
      select: { caregiverId: true },
    });
    if (!t) throw notFound(msg("errors.what.token"));
    if (!canManageApiToken(me, t)) throw forbidden(msg("apiTokens.errors.notYours"));
    const res = await db.apiToken.updateMany({
      where: { id: data.tokenId, householdId: me.householdId, caregiverId: me.caregiverId, revokedAt: null },
      data: { revokedAt: now },
    });
    return { revoked: res.count > 0 };
  },
);

export type TApiTokenView = {
  id: string;
  name: string;
  scopes: TApiScope[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The caller's own tokens, newest first, for Settings. Never a secret: none is stored. */
export const listApiTokens = householdQuery(
  z.object({ householdId: ZId }),
  {},
  async ({ me }): Promise<TApiTokenView[]> => {
    const rows = await db.apiToken.findMany({
      where: { householdId: me.householdId, caregiverId: me.caregiverId },
      orderBy: { createdAt: "desc" },
      take: 100,
      select: { id: true, name: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
    return rows.map((r) => ({ ...r, scopes: API_SCOPES.filter((s) => r.scopes.includes(s)) }));
  },
);

type TTokenRow = {
  id: string;
  tokenHash: string;
  scopes: string[];
  userId: string;
  email: string;
  name: string;
  sessionVersion: number;
  caregiverId: string;
  householdId: string;
  role: TRole;
};

/**
 * Who a bearer token is: its caregiver as an actor, as lib/auth/session.ts
 * makes one from a cookie, with the token's scopes; null for anything but a
 * live token (malformed, unknown, revoked, or its member gone: the row goes
 * with them). One statement, and a write at most once a minute per token
 * (a writable CTE, as sessions are marked seen). The secret is looked up by
 * its hash, then the hash compared in constant time (see
 * lib/nights/calendar-feed.ts calendarFeedForToken for why this suffices).
 */
export async function actorForApiToken(secret: string): Promise<TActor | null> {
  if (!isWellFormedSecretToken(secret)) return null;
  const hash = hashSecretToken(secret);
  const rows = await db.$queryRaw<TTokenRow[]>`
    WITH used AS (
      UPDATE api_tokens SET last_used_at = now()
       WHERE token_hash = ${hash} AND revoked_at IS NULL
         AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => ${LAST_USED_EVERY_SECONDS})))
    SELECT t.id, t.token_hash AS "tokenHash", t.scopes, u.id AS "userId", u.email, u.name,
           u.session_version AS "sessionVersion", c.id AS "caregiverId", c.household_id AS "householdId",
           c.role::text AS role
      FROM api_tokens t
      JOIN caregivers c ON c.id = t.caregiver_id AND c.household_id = t.household_id AND c.removed_at IS NULL
      JOIN users u ON u.id = c.user_id
     WHERE t.token_hash = ${hash} AND t.revoked_at IS NULL`;
  const t = rows[0];
  if (!t || !sameHash(t.tokenHash, hash)) return null;
  return {
    userId: t.userId,
    email: t.email,
    name: t.name,
    sessionVersion: t.sessionVersion,
    sessionId: "",
    membership: { caregiverId: t.caregiverId, householdId: t.householdId, role: t.role },
    apiToken: { id: t.id, scopes: API_SCOPES.filter((s) => t.scopes.includes(s)) },
  };
}
