// React Query keys for Connect, shared by the server prefetch and the browser.
// The first element is the domain, so the live channel's "connect" prefix
// (lib/live/query-keys.ts: plan.changed, activity.changed) makes them stale.

export const connectKeys = {
  all: ["connect"] as const,
  household: (householdId: string) => ["connect", householdId] as const,
  /** Today's plan items with their check-offs (GET /api/connect/today). */
  today: (householdId: string) => ["connect", householdId, "today"] as const,
};
