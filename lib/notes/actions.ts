"use server";

import { serverAction } from "@/lib/action";
import { createNote, deleteNote, markNotesRead, pinNote, updateNote } from "@/lib/notes/notes";
import { dismissSummary } from "@/lib/notes/summary";
import { markThanksSeen, sendThanks } from "@/lib/notes/thanks";

// Notes, handoff notes and thank-yous. Each is one domain operation
// (lib/context.ts checks who may), exposed by serverAction.
const NOTE_PAGES = ["/notes", "/tonight", "/nights"];
const SUMMARY_PAGES = ["/tonight", "/notes"];

export const createNoteAction = serverAction(createNote, { revalidate: NOTE_PAGES });
export const updateNoteAction = serverAction(updateNote, { revalidate: NOTE_PAGES });
export const deleteNoteAction = serverAction(deleteNote, { revalidate: NOTE_PAGES });
export const pinNoteAction = serverAction(pinNote, { revalidate: NOTE_PAGES });
/** Called by the screens after they showed unread notes; the caller refreshes the badge itself. */
export const markNotesReadAction = serverAction(markNotesRead);
export const sendThanksAction = serverAction(sendThanks, { revalidate: SUMMARY_PAGES });
export const markThanksSeenAction = serverAction(markThanksSeen, { revalidate: SUMMARY_PAGES });
export const dismissSummaryAction = serverAction(dismissSummary, { revalidate: ["/tonight"] });
