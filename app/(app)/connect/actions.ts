"use server";

import { addPlanItem, removePlanItem } from "@/lib/connect/plan";
import { checkOff, setCheckOffNote, skipPlanItem, uncheck } from "@/lib/connect/check-offs";
import { acceptSuggestion, dismissSuggestion } from "@/lib/connect/suggestions";
import { addActivity, editActivity, setActivityArchived } from "@/lib/connect/activities";
import { runActionAndRevalidate, type TActionState } from "@/lib/action";
import { requestNow } from "@/lib/clock";

// Connect: thin by rule. "Now" (which decides today) comes from requestNow()
// so the e2e tests' pinned clock holds on the server too.
const PAGES = ["/connect", "/tonight"];

export async function addPlanItemAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => addPlanItem(a, i, await requestNow()), PAGES);
}

export async function removePlanItemAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => removePlanItem(a, i, await requestNow()), PAGES);
}

export async function checkOffAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => checkOff(a, i, await requestNow()), PAGES);
}

export async function uncheckAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => uncheck(a, i, await requestNow()), PAGES);
}

export async function skipPlanItemAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => skipPlanItem(a, i, await requestNow()), PAGES);
}

export async function checkOffNoteAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => setCheckOffNote(a, i, await requestNow()), PAGES);
}

export async function acceptSuggestionAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => acceptSuggestion(a, i, await requestNow()), PAGES);
}

export async function dismissSuggestionAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => dismissSuggestion(a, i, await requestNow()), PAGES);
}

export async function addActivityAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, addActivity, PAGES);
}

export async function editActivityAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, editActivity, PAGES);
}

export async function archiveActivityAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => setActivityArchived(a, i, await requestNow()), PAGES);
}
