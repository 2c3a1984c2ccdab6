import type { TApiScope } from "@/lib/api/rights";
import type { TAnyLocale } from "@/lib/i18n/locales";

export type TRole = "parent" | "helper";

export type TMembership = { caregiverId: string; householdId: string; role: TRole };

/** The signed-in person, as read from the database for this request. */
export type TActor = {
  userId: string;
  email: string;
  name: string;
  sessionVersion: number;
  /** This device's session (lib/auth/sessions.ts). */
  sessionId: string;
  /** The language they chose in Settings; null follows the browser (lib/i18n/request.ts). */
  locale?: TAnyLocale | null;
  /** Their household's conventions (the clock), when they have a household. */
  householdLocale?: TAnyLocale;
  membership: TMembership | null;
  /**
   * Set when a personal API token is asking (lib/api/tokens.ts) instead of a
   * signed-in browser; its `sessionId` is then empty. The request context
   * (lib/context.ts) holds the token to its scopes.
   */
  apiToken?: { id: string; scopes: readonly TApiScope[] };
};
