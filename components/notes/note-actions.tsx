"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { deleteNoteAction, pinNoteAction, updateNoteAction } from "@/lib/notes/actions";
import type { TNoteView } from "@/lib/notes/read-notes";
import type { TUpdateNoteResult } from "@/lib/notes/notes";
import { canDeleteNote, canEditNote, type TNoteViewer } from "@/lib/notes/rights";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { ConfirmRemove } from "@/components/ui/confirm-remove";
import { CharCount } from "@/components/notes/note-form";
import styles from "@/components/notes/notes.module.css";
import { closeDetails } from "@/components/ui/close-details";

/**
 * Pin (anyone), Change and Remove for one note, shown when the rights in
 * lib/notes/rights.ts allow them to `viewer`; the server checks the same ones.
 */
export function NoteActions({
  householdId,
  viewer,
  note,
}: {
  householdId: string;
  viewer: TNoteViewer;
  note: TNoteView;
}) {
  const what = note.mine ? "your note" : `${note.authorName}'s note`;
  return (
    <>
      {canEditNote(viewer, note) ? <NoteEditor householdId={householdId} note={note} what={what} /> : null}
      <PinButton householdId={householdId} note={note} what={what} />
      {canDeleteNote(viewer, note) ? (
        <ConfirmRemove
          action={deleteNoteAction}
          what={what}
          question={`Remove ${what}?`}
          detail="It goes for everyone in the household and can't be brought back."
          fields={{ householdId, noteId: note.id }}
        />
      ) : null}
    </>
  );
}

function PinButton({ householdId, note, what }: { householdId: string; note: TNoteView; what: string }) {
  const router = useRouter();
  const { state, pending, formProps } = useAction(pinNoteAction, { onSuccess: () => router.refresh() });
  return (
    <form {...formProps} aria-label={`${note.pinned ? "Unpin" : "Pin"} ${what}`}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="noteId" value={note.id} />
      <input type="hidden" name="pinned" value={note.pinned ? "false" : "true"} />
      <SubmitButton pending={pending} className="button button-secondary">
        {note.pinned ? "Unpin" : "Pin"}
        <span className="sr-only"> {what}</span>
      </SubmitButton>
      {state && !state.ok ? <FormError message={state.message} testId="pin-error" /> : null}
    </form>
  );
}

const FIELDS = ["body"] as const;

/**
 * Change a note, saved against the version it was opened at. If it changed
 * meanwhile (on another screen), both texts stay on screen: theirs to read,
 * yours in the box, and the next save goes against the new version.
 */
function NoteEditor({ householdId, note, what }: { householdId: string; note: TNoteView; what: string }) {
  const router = useRouter();
  const [body, setBody] = useState(note.body);
  const [version, setVersion] = useState(note.version);
  const [conflict, setConflict] = useState<Extract<TUpdateNoteResult, { status: "conflict" }>["current"] | null>(null);
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState(false);
  // Closed, the editor follows the latest text (a live refresh after a save
  // elsewhere). Open, it keeps what is being typed and the version it was
  // opened at, so a save after someone else's becomes a conflict, never a loss.
  useEffect(() => {
    if (open) return;
    setBody(note.body);
    setVersion(note.version);
    setConflict(null);
  }, [open, note.body, note.version]);
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
      if (form) closeDetails(form);
      router.refresh();
    },
  });
  const counterId = `edit-${note.id}-count`;
  return (
    <>
      <details
        onToggle={(e) => {
          setOpen(e.currentTarget.open);
          if (e.currentTarget.open) setSaved(false);
        }}
      >
        <summary className="button button-secondary">
          Change<span className="sr-only"> {what}</span>
        </summary>
        <form {...formProps} className="form" noValidate aria-label={`Change ${what}`} data-testid="note-editor">
          <FormError message={formError(state, FIELDS)} />
          {conflict ? (
            <div className={styles.conflict} role="alert" data-testid="note-conflict">
              <p>
                <strong>This note was changed on another screen while you were editing.</strong> Here is how it reads
                now:
              </p>
              <blockquote data-testid="note-conflict-theirs">{conflict.body}</blockquote>
              <p className="small">
                Your version is still in the box below. Save it to replace the one above, or take theirs.
              </p>
              <div>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => {
                    setBody(conflict.body);
                    setConflict(null);
                  }}
                >
                  Keep theirs instead
                </button>
              </div>
            </div>
          ) : null}
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="noteId" value={note.id} />
          <input type="hidden" name="version" value={version} />
          <Field label="Note" errors={fieldErrors(state, "body")}>
            {(control) => (
              <textarea
                {...control}
                aria-describedby={[control["aria-describedby"], counterId].filter(Boolean).join(" ")}
                name="body"
                rows={4}
                value={body}
                onChange={(e) => setBody(e.target.value)}
                className={styles.textarea}
              />
            )}
          </Field>
          <CharCount length={body.length} id={counterId} />
          <SubmitButton pending={pending} pendingLabel="Saving…">
            Save changes
          </SubmitButton>
        </form>
      </details>
      {/* Outside the editor so it stays in view (and is read out) after it closes. */}
      <p role="status" className="small" data-testid="note-saved">
        {saved ? "Saved." : ""}
      </p>
    </>
  );
}
