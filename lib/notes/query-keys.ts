// React Query keys for notes (pure, shared by server and browser). Every key
// starts with "notes", so the live channel's "note.changed" (and
// "appreciation.sent") invalidate them all (lib/live/query-keys.ts).

export const notesKeys = {
  all: ["notes"] as const,
  /** The caller's count of notes new to them in a household: the navigation's badge. */
  unread: (householdId: string) => ["notes", householdId, "unread"] as const,
};

/** What GET /api/notes/unread answers, and the shell's count for the navigation's badge (docs/decisions/0022). */
export type TUnreadNotes = { count: number };
