"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { NoteForm } from "@/components/notes/note-form";
import styles from "@/components/notes/notes.module.css";

/**
 * "Write a note": a button that opens the form, so the notes themselves, not
 * an empty box, fill the first screen. Saving closes it again and says so.
 */
export function ComposeNote({ householdId }: { householdId: string }) {
  const t = useTranslations("notes");
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) form.current?.querySelector("textarea")?.focus();
    else if (wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <div className={styles.compose}>
      {open ? (
        <section ref={form} className="card" aria-labelledby="new-note-heading">
          <h2 id="new-note-heading">{t("compose.heading")}</h2>
          <NoteForm
            householdId={householdId}
            label={t("compose.label")}
            hint={t("compose.hint")}
            allowPin
            onSaved={() => {
              setSaved(true);
              setOpen(false);
            }}
            onCancel={() => setOpen(false)}
          />
        </section>
      ) : (
        <div>
          <button
            ref={button}
            type="button"
            className="button"
            onClick={() => {
              setSaved(false);
              setOpen(true);
            }}
          >
            {t("compose.open")}
          </button>
        </div>
      )}
      <p role="status" className={`small ${styles.saved}`} data-testid="compose-status">
        {saved ? t("form.saved") : ""}
      </p>
    </div>
  );
}
