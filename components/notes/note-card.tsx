import type { ReactNode } from "react";
import type { TNoteView } from "@/lib/notes/read-notes";
import { NoteText } from "@/components/notes/note-text";
import { whenWritten } from "@/components/notes/format";
import styles from "@/components/notes/notes.module.css";
import { shortDay } from "@/lib/format";

/** One note: who wrote it and when, pinned/new/handoff tags, its text, and the actions the viewer may take. */
export function NoteCard({
  note,
  timeZone,
  now,
  actions,
  showNight = true,
}: {
  note: TNoteView;
  timeZone: string;
  now: Date;
  actions?: ReactNode;
  showNight?: boolean;
}) {
  return (
    <li>
      <article
        className={styles.note}
        data-testid="note"
        data-note-id={note.id}
        data-pinned={note.pinned || undefined}
        data-unread={note.unread || undefined}
        aria-label={`${note.mine ? "Your note" : `Note from ${note.authorName}`}${note.unread ? ", new" : ""}`}
      >
        <div className={styles.noteHead}>
          <span className={styles.author}>{note.mine ? "You" : note.authorName}</span>
          <time dateTime={note.createdAt} className="muted">
            {whenWritten(note.createdAt, timeZone, now)}
          </time>
          {note.editedAt ? <span className="muted small">(edited)</span> : null}
          {note.pinned ? <span className={styles.tag}>Pinned</span> : null}
          {note.kind === "handoff" ? (
            <span className={styles.tag}>
              Handoff{showNight && note.night ? `, night of ${shortDay(note.night)}` : ""}
            </span>
          ) : null}
          {note.unread ? (
            <span className={styles.tag} data-testid="note-new">
              New
            </span>
          ) : null}
        </div>
        <NoteText body={note.body} className={styles.body} />
        {actions ? <div className={styles.actions}>{actions}</div> : null}
      </article>
    </li>
  );
}
