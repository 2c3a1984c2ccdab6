"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { deleteNoteAction, pinNoteAction, updateNoteAction } from "@/lib/notes/actions";
import type { TNoteView } from "@/lib/notes/read-notes";
import type { TUpdateNoteResult } from "@/lib/notes/notes";
import { canDeleteNote, type TNoteViewer } from "@/lib/notes/rights";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { ConfirmRemove } from "@/components/ui/confirm-remove";
import { CharCount } from "@/components/notes/char-count";
import styles from "@/components/notes/notes.module.css";
import { RowMenu } from "@/components/ui/row-menu";
import { useText } from "@/components/use-text";

/** A note's values for the messages that name it: "your note", "Sam's note". */
export const noteWho = (note: TNoteView, say: (s: string) => string) => ({
  mine: note.mine ? "yes" : "no",
  author: say(note.authorName),
});

/**
 * The note's ⋯ menu (components/ui/row-menu.tsx): Pin (anyone) and Remove,
 * quiet and red, with a confirm step, when lib/notes/rights.ts allows it to
 * `viewer`; the server checks the same rights.
 */
export function NoteMenu({ householdId, viewer, note }: { householdId: string; viewer: TNoteViewer; note: TNoteView }) {
  const t = useTranslations("notes.menu");
  const say = useText();
  const who = noteWho(note, say);
  return (
    <RowMenu label={t("label", who)}>
      <PinButton householdId={householdId} note={note} />
      {canDeleteNote(viewer, note) ? (
        <ConfirmRemove
          action={deleteNoteAction}
          what={t("what", who)}
          question={t("removeQuestion", who)}
          detail={t("removeDetail")}
          fields={{ householdId, noteId: note.id }}
          triggerClassName="row-menu-item danger"
        />
      ) : null}
    </RowMenu>
  );
}

function PinButton({ householdId, note }: { householdId: string; note: TNoteView }) {
  const t = useTranslations("notes.menu");
  const say = useText();
  const values = { ...noteWho(note, say), pinned: note.pinned ? "yes" : "no" };
  const router = useRouter();
  const { state, pending, formProps } = useAction(pinNoteAction, { onSuccess: () => router.refresh() });
  return (
    <form {...formProps} aria-label={t("pinLabel", values)}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="noteId" value={note.id} />
      <input type="hidden" name="pinned" value={note.pinned ? "false" : "true"} />
      <SubmitButton pending={pending} className="row-menu-item">
        {t.rich("pinButton", { ...values, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
      </SubmitButton>
      {state && !state.ok ? <FormError message={state.message} testId="pin-error" /> : null}
    </form>
  );
}

const FIELDS = ["body"] as const;

/**
 * The note's text, and the whole row a button that opens it for a change (a
 * stretched button under the row's links and menu). Saved against the version
 * it was opened at: if it changed meanwhile (on another screen), both texts
 * stay on screen, theirs to read and yours in the box, and the next save goes
 * against the new version.
 */
export function NoteEditor({
  householdId,
  note,
  children,
}: {
  householdId: string;
  note: TNoteView;
  children: ReactNode;
}) {
  const t = useTranslations("notes.editor");
  const say = useText();
  const label = t("label", noteWho(note, say));
  const router = useRouter();
  const [body, setBody] = useState(note.body);
  const [version, setVersion] = useState(note.version);
  const [conflict, setConflict] = useState<Extract<TUpdateNoteResult, { status: "conflict" }>["current"] | null>(null);
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState(false);
  const rowButton = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Closed, the editor follows the latest text (a live refresh after a save
  // elsewhere). Open, it keeps what is being typed and the version it was
  // opened at, so a save after someone else's becomes a conflict, never a loss.
  useEffect(() => {
    if (open) return;
    setBody(note.body);
    setVersion(note.version);
    setConflict(null);
  }, [open, note.body, note.version]);
  // Focus goes back to the row once the editor closes, so a keyboard user is not left nowhere.
  useEffect(() => {
    if (!open && wasOpen.current) rowButton.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const { state, pending, formProps } = useAction(updateNoteAction, {
    onSuccess: (data, form) => {
      if (data.status === "conflict") {
        setConflict(data.current);
        setVersion(data.current.version);
        form?.querySelector("textarea")?.focus();
        return;
      }
      setConflict(null);
      setSaved(true);
      setOpen(false);
      router.refresh();
    },
  });
  const counterId = `edit-${note.id}-count`;
  return (
    <>
      {open ? (
        <form {...formProps} className="form" noValidate aria-label={label} data-testid="note-editor">
          <FormError message={formError(state, FIELDS)} />
          {conflict ? (
            <div className={styles.conflict} role="alert" data-testid="note-conflict">
              <p>{t.rich("conflictLead", { strong: (chunks) => <strong>{chunks}</strong> })}</p>
              <blockquote data-testid="note-conflict-theirs">{conflict.body}</blockquote>
              <p className="small">{t("conflictHint")}</p>
              <div>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setBody(conflict.body);
                    setConflict(null);
                  }}
                >
                  {t("keepTheirs")}
                </button>
              </div>
            </div>
          ) : null}
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="noteId" value={note.id} />
          <input type="hidden" name="version" value={version} />
          <Field label={t("field")} errors={fieldErrors(state, "body")}>
            {(control) => (
              <textarea
                {...control}
                aria-describedby={[control["aria-describedby"], counterId].filter(Boolean).join(" ")}
                name="body"
                rows={4}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                className={styles.textarea}
                autoFocus
              />
            )}
          </Field>
          <CharCount length={body.length} id={counterId} />
          <div className="cluster">
            <SubmitButton pending={pending} pendingLabel={t("saving")}>
              {t("save")}
            </SubmitButton>
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <>
          {children}
          <button
            ref={rowButton}
            type="button"
            className={styles.rowButton}
            onClick={() => {
              setSaved(false);
              setOpen(true);
            }}
            data-testid="note-change"
          >
            <span className="sr-only">{label}</span>
          </button>
        </>
      )}
      <p role="status" className={`small ${styles.saved}`} data-testid="note-saved">
        {saved ? t("saved") : ""}
      </p>
    </>
  );
}
