"use server";

import { createNote, deleteNote, markNotesRead, pinNote, updateNote } from "@/lib/notes/notes";
import { markThanksSeen, sendThanks } from "@/lib/notes/thanks";
import { dismissSummary } from "@/lib/notes/summary";
import { runAction, runActionAndRevalidate, type TActionState } from "@/lib/action";
import { requestNow } from "@/lib/clock";

// Notes, handoff notes and thank-yous: thin by rule, the domain checks who may.
// "Now" comes from requestNow() so the e2e tests' pinned clock holds on the server too.
const NOTE_PAGES = ["/notes", "/tonight", "/nights"];

export async function createNoteAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => createNote(a, i, await requestNow()), NOTE_PAGES);
}

export async function updateNoteAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => updateNote(a, i, await requestNow()), NOTE_PAGES);
}

export async function deleteNoteAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, deleteNote, NOTE_PAGES);
}

export async function pinNoteAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => pinNote(a, i, await requestNow()), NOTE_PAGES);
}

/** Called by the screens after they showed unread notes; the caller refreshes (the badge) itself. */
export async function markNotesReadAction(input: { householdId: string; noteIds: string[] }) {
  return runAction(input, markNotesRead);
}

export async function sendThanksAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, sendThanks, ["/tonight", "/notes"]);
}

export async function markThanksSeenAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => markThanksSeen(a, i, await requestNow()), ["/tonight", "/notes"]);
}

export async function dismissSummaryAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => dismissSummary(a, i, await requestNow()), ["/tonight"]);
}
