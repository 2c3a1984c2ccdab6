"use client";

import { useEffect, useRef } from "react";
import { markNotesReadAction } from "@/lib/notes/actions";
import { useAction } from "@/components/ui/use-action";
import { announceNotesRead } from "@/components/notes/unread-badge";

/**
 * Marks the unread notes a screen has just shown as read, once they are on
 * screen (after render, not when the server built the page), and tells the
 * navigation's badge how many fewer there are. The page is not refreshed: the
 * notes keep their "New" while this screen is open (what was new is still
 * worth seeing while one reads) and lose it on the next visit. A refresh here
 * re-rendered the whole page on the server and in the browser after every
 * first look at a new note: the largest main-thread task of a morning's
 * Tonight (#11, docs/decisions/0021). Renders nothing.
 */
export function MarkRead({ householdId, noteIds }: { householdId: string; noteIds: string[] }) {
  const { run } = useAction(markNotesReadAction, {
    onSuccess: ({ marked }) => {
      if (marked) announceNotesRead(marked);
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
