"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { markNotesReadAction } from "@/lib/notes/actions";

/**
 * Marks the unread notes a screen has just shown as read, once they are on
 * screen (after render, not when the server built the page), then refreshes
 * so the "new" count in the navigation goes down. Renders nothing.
 */
export function MarkRead({ householdId, noteIds }: { householdId: string; noteIds: string[] }) {
  const router = useRouter();
  const sent = useRef(new Set<string>());
  const key = noteIds.join(",");
  useEffect(() => {
    const ids = key ? key.split(",").filter((id) => !sent.current.has(id)) : [];
    if (!ids.length) return;
    for (const id of ids) sent.current.add(id);
    let cancelled = false;
    void markNotesReadAction(null, { householdId, noteIds: ids }).then((r) => {
      if (!cancelled && r.ok && r.data.marked > 0) router.refresh();
    });
    return () => {
      cancelled = true;
    };
  }, [householdId, key, router]);
  return null;
}
