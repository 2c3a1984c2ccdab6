"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import styles from "@/components/app-nav.module.css";

const NOTES_READ = "attune:notes-read";

/** MarkRead: `marked` notes were just marked read on this screen. */
export function announceNotesRead(marked: number): void {
  window.dispatchEvent(new CustomEvent<number>(NOTES_READ, { detail: marked }));
}

/**
 * "3 new" beside Notes in the navigation (read out with the link's name). The
 * count is the signed-in layout's (loadShell): a partner's note ("note.changed"
 * on the live channel) refreshes the page and so the layout. Marking notes
 * read on this screen (MarkRead) takes them off here at once, without a
 * refresh. Mount it with `key={count}`, so a new count from the layout starts
 * afresh (docs/decisions/0021, 0022).
 */
export function UnreadNotesBadge({ count }: { count: number }) {
  const t = useTranslations("notes.badge");
  const [read, setRead] = useState(0);
  useEffect(() => {
    const onRead = (e: Event) => setRead((r) => r + Number((e as CustomEvent<number>).detail || 0));
    window.addEventListener(NOTES_READ, onRead);
    return () => window.removeEventListener(NOTES_READ, onRead);
  }, []);
  const left = count - read;
  if (left <= 0) return null;
  return (
    <span className={styles.navBadge} data-testid="nav-badge-notes">
      {left > 99 ? "99+" : left}
      <span className="sr-only"> {t("new")}</span>
    </span>
  );
}
