import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { ComingSoon } from "@/components/coming-soon";
import { NoteIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Notes" };

export default async function NotesPage() {
  await requireMemberOrRedirect("/notes");
  return (
    <ComingSoon
      title="Notes"
      lead="Messages between you and handoff notes for each night, so whoever wakes up next knows what happened."
      icon={<NoteIcon size={36} />}
      emptyTitle="No notes yet"
      emptyText="When someone leaves a note, you'll find it here, along with what happened while you were asleep."
    />
  );
}
