// React Query keys for the night log (pure, client-safe). The live channel
// invalidates by the first element (lib/live/query-keys.ts: "log").

export const logKeys = {
  all: ["log"] as const,
  /** The open wakings, tonight's log and the last hour's tap-outs (GET /api/log/tonight). */
  tonight: (householdId: string) => ["log", householdId, "tonight"] as const,
};
