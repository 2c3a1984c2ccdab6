import type { ReactNode } from "react";
import type { TNoteView } from "@/lib/notes/read-notes";
import type { TNoteViewer } from "@/lib/notes/rights";
import { NoteCard } from "@/components/notes/note-card";
import { NoteEditor, NoteMenu } from "@/components/notes/note-actions";
import { canEditNote } from "@/lib/notes/rights";
import { MarkRead } from "@/components/notes/mark-read";
import styles from "@/components/notes/notes.module.css";

/** Notes, each row tappable to change (when `viewer` may) with a ⋯ menu for the rest; the unread ones are marked read once shown. */
export function NotesList({
  householdId,
  viewer,
  notes,
  timeZone,
  now,
  testId = "notes-list",
  label,
  empty,
  showNight = true,
}: {
  householdId: string;
  viewer: TNoteViewer;
  notes: TNoteView[];
  timeZone: string;
  now: Date;
  testId?: string;
  label?: string;
  empty?: ReactNode;
  showNight?: boolean;
}) {
  if (!notes.length) return empty ? <div data-testid={testId}>{empty}</div> : null;
  return (
    <>
      <ul className={styles.list} data-testid={testId} aria-label={label}>
        {notes.map((n) => (
          <NoteCard
            key={n.id}
            note={n}
            timeZone={timeZone}
            now={now}
            showNight={showNight}
            menu={<NoteMenu householdId={householdId} viewer={viewer} note={n} />}
            body={
              canEditNote(viewer, n)
                ? (text) => (
                    <NoteEditor householdId={householdId} note={n}>
                      {text}
                    </NoteEditor>
                  )
                : undefined
            }
          />
        ))}
      </ul>
      <MarkRead householdId={householdId} noteIds={notes.filter((n) => n.unread).map((n) => n.id)} />
    </>
  );
}
