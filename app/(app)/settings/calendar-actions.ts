"use server";

import { revalidatePath } from "next/cache";
import { runAction, type TActionState } from "@/lib/action";
import { createCalendarFeed, deleteCalendarFeed, setFeedIncludesPartner } from "@/lib/nights/calendar-feed";

// Thin by rule: the domain parses, authorizes (own feed only) and writes.

export async function createCalendarFeedAction(_prev: TActionState, form: FormData) {
  const r = await runAction(form, createCalendarFeed);
  if (!r.ok) return r;
  revalidatePath("/settings");
  // Dates don't survive the action boundary as Date objects in every client.
  return { ...r, data: { ...r.data, createdAt: r.data.createdAt.toISOString() } };
}

export async function setFeedIncludesPartnerAction(_prev: TActionState, form: FormData) {
  const r = await runAction(form, setFeedIncludesPartner);
  if (r.ok) revalidatePath("/settings");
  return r;
}

export async function deleteCalendarFeedAction(_prev: TActionState, form: FormData) {
  const r = await runAction(form, deleteCalendarFeed);
  if (r.ok) revalidatePath("/settings");
  return r;
}
