"use server";

import { revalidatePath } from "next/cache";
import { addBaby } from "@/lib/household/add-baby";
import { createInvite, revokeInvite } from "@/lib/household/invites";
import { leaveHousehold, removeMember } from "@/lib/household/members";
import { updateHousehold } from "@/lib/household/update-household";
import { runAction, type TActionState } from "@/lib/action";
import type { TResult } from "@/lib/errors";

// Thin by rule: parse in the domain, authorize in the domain, then revalidate.
async function thenRevalidate<T>(result: Promise<TResult<T>>): Promise<TResult<T>> {
  const r = await result;
  if (r.ok) revalidatePath("/", "layout");
  return r;
}

export async function addBabyAction(_prev: TActionState, form: FormData) {
  return thenRevalidate(runAction(form, addBaby));
}

export async function updateHouseholdAction(_prev: TActionState, form: FormData) {
  return thenRevalidate(runAction(form, updateHousehold));
}

export async function createInviteAction(_prev: TActionState, form: FormData) {
  const r = await thenRevalidate(runAction(form, createInvite));
  // Dates don't survive the action boundary as Date objects in every client.
  return r.ok ? { ...r, data: { ...r.data, expiresAt: r.data.expiresAt.toISOString() } } : r;
}

export async function revokeInviteAction(_prev: TActionState, form: FormData) {
  return thenRevalidate(runAction(form, revokeInvite));
}

export async function removeMemberAction(_prev: TActionState, form: FormData) {
  return thenRevalidate(runAction(form, removeMember));
}

export async function leaveHouseholdAction(_prev: TActionState, form: FormData) {
  return thenRevalidate(runAction(form, leaveHousehold));
}
