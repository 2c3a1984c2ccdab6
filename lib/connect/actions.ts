"use server";

import { serverAction } from "@/lib/action";
import { addActivity, editActivity, setActivityArchived } from "@/lib/connect/activities";
import { checkOff, setCheckOffNote, skipPlanItem, uncheck } from "@/lib/connect/check-offs";
import { addPlanItem, removePlanItem } from "@/lib/connect/plan";
import { acceptSuggestion, dismissSuggestion } from "@/lib/connect/suggestions";

// Connect: each action is one domain operation (lib/context.ts checks who may).
const PAGES = ["/connect", "/tonight"];

export const addPlanItemAction = serverAction(addPlanItem, { revalidate: PAGES });
export const removePlanItemAction = serverAction(removePlanItem, { revalidate: PAGES });
export const checkOffAction = serverAction(checkOff, { revalidate: PAGES });
export const uncheckAction = serverAction(uncheck, { revalidate: PAGES });
export const skipPlanItemAction = serverAction(skipPlanItem, { revalidate: PAGES });
export const checkOffNoteAction = serverAction(setCheckOffNote, { revalidate: PAGES });
export const acceptSuggestionAction = serverAction(acceptSuggestion, { revalidate: PAGES });
export const dismissSuggestionAction = serverAction(dismissSuggestion, { revalidate: PAGES });
export const addActivityAction = serverAction(addActivity, { revalidate: PAGES });
export const editActivityAction = serverAction(editActivity, { revalidate: PAGES });
export const archiveActivityAction = serverAction(setActivityArchived, { revalidate: PAGES });
