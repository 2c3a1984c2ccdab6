import type { Role } from "@/lib/generated/prisma/enums";
import { msg } from "@/lib/i18n/text";

// Who may do what with a note (docs/decisions/0012-notes.md), as pure
// predicates over plain objects. The domain (lib/notes/notes.ts) refuses when
// one says no; the screens (components/notes/note-actions.tsx) show a button
// only when it says yes. Nothing else states these rules.
//  - anyone in the household writes, reads and pins (membership, checked by
//    lib/context.ts, is the whole rule: no predicate needed);
//  - only the author edits (a note says what its author wrote);
//  - the author or any parent deletes; a helper deletes only their own.

/** Who is looking: their caregiver id and role in the note's household. */
export type TNoteViewer = { caregiverId: string; role: Role };
/** What the rules need of a note: who wrote it (null once the author left). */
export type TNoteAuthor = { authorId: string | null };

export function isNoteAuthor(me: TNoteViewer, note: TNoteAuthor): boolean {
  return note.authorId !== null && note.authorId === me.caregiverId;
}

/** Only the author changes a note's text. */
export function canEditNote(me: TNoteViewer, note: TNoteAuthor): boolean {
  return isNoteAuthor(me, note);
}

/** The author, or any parent (a note written by mistake, or by someone who left). */
export function canDeleteNote(me: TNoteViewer, note: TNoteAuthor): boolean {
  return isNoteAuthor(me, note) || me.role === "parent";
}

export const EDIT_REFUSED = msg("notes.errors.editRefused");
export const DELETE_REFUSED = msg("notes.errors.deleteRefused");
