// Who may do what with personal API tokens (docs/decisions/0027). Pure
// predicates over plain objects, with no server code: the domain
// (lib/api/tokens.ts) refuses when one says no, and Settings shows a choice
// only when it says yes.
import type { TRole } from "@/lib/auth/actor";
import { msg } from "@/lib/i18n/text";

/** What a token may do: read the household's nights, or log at night ("I'm up", "back to sleep", "I need you"). */
export const API_SCOPES = ["read", "log:night"] as const;
export type TApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<TApiScope, string> = {
  read: msg("apiTokens.scopes.read"),
  "log:night": msg("apiTokens.scopes.logNight"),
};

type TWho = { caregiverId: string; role: TRole };

/**
 * A token acts as the member who made it, so it may carry only what that
 * member may do: every member reads the nights and logs wakings (helpers
 * take shifts and log too, lib/log/rights.ts).
 */
export function canGrantScope(_me: TWho, scope: TApiScope): boolean {
  return API_SCOPES.includes(scope);
}

/** Tokens are personal: each member sees and revokes only their own, parents included. */
export function canManageApiToken(me: TWho, token: { caregiverId: string }): boolean {
  return token.caregiverId === me.caregiverId;
}
