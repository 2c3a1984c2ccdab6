// React Query keys for Connect. No query reads Connect through React Query
// today: its pages render the plan on the server and a live event refreshes
// them (docs/decisions/0022). The prefix stays in the live table
// (lib/live/query-keys.ts: plan.changed, activity.changed), so a Connect query
// added later, whose key starts with it, is made stale by the partner's changes.

export const connectKeys = {
  all: ["connect"] as const,
};
