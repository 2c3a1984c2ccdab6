import type { ReactNode } from "react";
import type { TNoteView } from "@/lib/notes/read-notes";
import { NoteText } from "@/components/notes/note-text";
import { whenWritten } from "@/components/notes/format";
import styles from "@/components/notes/notes.module.css";
import { shortDay } from "@/lib/format";

/**
 * One note: who wrote it and when, pinned/new/handoff tags, and its text.
 * `menu`: the row's ⋯ menu (pin, remove); `body`: the text wrapped in what
 * makes the row tappable to edit (NoteEditor), when the viewer may.
 */
export function NoteCard({
  note,
  timeZone,
  now,
  menu,
  body,
  showNight = true,
}: {
  note: TNoteView;
  timeZone: string;
  now: Date;
  menu?: ReactNode;
  body?: (text: ReactNode) => ReactNode;
  showNight?: boolean;
}) {
  const text = <NoteText body={note.body} className={styles.body} />;
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
          {menu ? <div className={styles.menu}>{menu}</div> : null}
        </div>
        {body ? body(text) : text}
      </article>
    </li>
  );
}
