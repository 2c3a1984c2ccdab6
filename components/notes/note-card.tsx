import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { TNoteView } from "@/lib/notes/read-notes";
import { NoteText } from "@/components/notes/note-text";
import { writtenParts } from "@/components/notes/format";
import styles from "@/components/notes/notes.module.css";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";

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
  const t = useTranslations("notes.card");
  const text = <NoteText body={note.body} className={styles.body} />;
  const f = useFormat();
  const say = useText();
  const author = say(note.authorName);
  const written = writtenParts(note.createdAt, timeZone, now, f);
  return (
    <li>
      <article
        className={styles.note}
        data-testid="note"
        data-note-id={note.id}
        data-pinned={note.pinned || undefined}
        data-unread={note.unread || undefined}
        aria-label={t("label", {
          mine: note.mine ? "yes" : "no",
          author,
          unread: note.unread ? "yes" : "no",
        })}
      >
        <div className={styles.noteHead}>
          <span className={styles.author}>{note.mine ? t("you") : author}</span>
          <time dateTime={note.createdAt} className="muted">
            {written.kind === "today"
              ? t("writtenToday", written)
              : written.kind === "day"
                ? t("writtenDay", written)
                : t("writtenDayYear", written)}
          </time>
          {note.editedAt ? <span className="muted small">{t("edited")}</span> : null}
          {note.pinned ? <span className={styles.tag}>{t("pinned")}</span> : null}
          {note.kind === "handoff" ? (
            <span className={styles.tag}>
              {showNight && note.night ? t("handoffNight", { day: f.shortDay(note.night) }) : t("handoff")}
            </span>
          ) : null}
          {note.unread ? (
            <span className={styles.tag} data-testid="note-new">
              {t("new")}
            </span>
          ) : null}
          {menu ? <div className={styles.menu}>{menu}</div> : null}
        </div>
        {body ? body(text) : text}
      </article>
    </li>
  );
}
