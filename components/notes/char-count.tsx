"use client";

import { useTranslations } from "next-intl";
import { NOTE_MAX } from "@/lib/notes/limits";
import styles from "@/components/notes/notes.module.css";

// Its own module: the note editor (on every list of notes) needs it, and
// should not bring the new-note form with it.

/** "Characters left" once it matters, and a clear word when over. */
export function CharCount({ length, id }: { length: number; id: string }) {
  const t = useTranslations("notes.form");
  const left = NOTE_MAX - length;
  if (left > 200) return null;
  return (
    <p id={id} className={styles.counter} data-over={left < 0 || undefined} aria-live="polite">
      {left >= 0 ? t("charsLeft", { count: left }) : t("tooMany", { count: -left, max: NOTE_MAX })}
    </p>
  );
}
