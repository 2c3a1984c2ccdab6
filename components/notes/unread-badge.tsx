"use client";

import { useQuery } from "@tanstack/react-query";
import { notesKeys, type TUnreadNotes } from "@/lib/notes/query-keys";
import styles from "@/components/notes/notes.module.css";

async function fetchUnread(householdId: string): Promise<TUnreadNotes> {
  const res = await fetch(`/api/notes/unread?householdId=${encodeURIComponent(householdId)}`, {
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new Error(`The unread count could not be read (${res.status}).`);
  return (await res.json()) as TUnreadNotes;
}

/**
 * "3 new" beside Notes in the navigation (read out with the link's name).
 * The shell hydrates the count (UnreadNotesState); a partner's note
 * ("note.changed" on the live channel) and marking notes read invalidate it.
 */
export function UnreadNotesBadge({ householdId }: { householdId: string }) {
  const { data } = useQuery({ queryKey: notesKeys.unread(householdId), queryFn: () => fetchUnread(householdId) });
  const n = data?.count ?? 0;
  if (n <= 0) return null;
  return (
    <span className={styles.navBadge} data-testid="nav-badge-notes">
      {n > 99 ? "99+" : n}
      <span className="sr-only"> new</span>
    </span>
  );
}
