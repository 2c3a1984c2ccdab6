import type { TApiScope } from "@/lib/api/rights";

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
  membership: TMembership | null;
  /**
   * Set when a personal API token is asking (lib/api/tokens.ts) instead of a
   * signed-in browser; its `sessionId` is then empty. The request context
   * (lib/context.ts) holds the token to its scopes.
   */
  apiToken?: { id: string; scopes: readonly TApiScope[] };
};
