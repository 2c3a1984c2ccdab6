"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { markNotesReadAction } from "@/lib/notes/actions";
import { useAction } from "@/components/ui/use-action";

/**
 * Marks the unread notes a screen has just shown as read, once they are on
 * screen (after render, not when the server built the page). Then the page
 * refreshes, so the notes lose their "New" and the navigation's badge (the
 * layout's count) goes down. Renders nothing.
 */
export function MarkRead({ householdId, noteIds }: { householdId: string; noteIds: string[] }) {
  const router = useRouter();
  const { run } = useAction(markNotesReadAction, {
    onSuccess: ({ marked }) => {
      if (!marked) return;
      router.refresh();
    },
  });
  const sent = useRef(new Set<string>());
  const key = noteIds.join(",");
  // The one effect: "shown" is only known after render. Each id is sent once
  // per screen (`sent`), so the re-runs that a new `run` brings do nothing.
  useEffect(() => {
    const ids = key ? key.split(",").filter((id) => !sent.current.has(id)) : [];
    if (!ids.length) return;
    const form = new FormData();
    form.set("householdId", householdId);
    for (const id of ids) {
      sent.current.add(id);
      form.append("noteIds", id);
    }
    run(form);
  }, [householdId, key, run]);
  return null;
}
