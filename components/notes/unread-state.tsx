import type { ReactNode } from "react";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/query-client";
import { notesKeys, type TUnreadNotes } from "@/lib/notes/query-keys";

/**
 * The shell's unread count, handed to the browser's React Query cache, so
 * UnreadNotesBadge shows it at once (no fetch on load) and keeps it fresh.
 * A server component: wrap the navigation in it.
 */
export function UnreadNotesState({
  householdId,
  unread,
  children,
}: {
  householdId: string;
  unread: TUnreadNotes;
  children: ReactNode;
}) {
  const queryClient = getQueryClient();
  queryClient.setQueryData(notesKeys.unread(householdId), unread);
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}
