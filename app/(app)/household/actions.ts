"use server";

import { addBaby } from "@/lib/household/add-baby";
import { createInvite, revokeInvite } from "@/lib/household/invites";
import { leaveHousehold, removeMember } from "@/lib/household/members";
import { updateHousehold } from "@/lib/household/update-household";
import { runActionAndRevalidate, type TActionState } from "@/lib/action";

// Thin by rule: parse in the domain, authorize in the domain, then revalidate.
const EVERYWHERE = ["/"];

export async function addBabyAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, addBaby, EVERYWHERE);
}

export async function updateHouseholdAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, updateHousehold, EVERYWHERE);
}

export async function createInviteAction(_prev: TActionState, form: FormData) {
  const r = await runActionAndRevalidate(form, createInvite, EVERYWHERE);
  // Dates don't survive the action boundary as Date objects in every client.
  return r.ok ? { ...r, data: { ...r.data, expiresAt: r.data.expiresAt.toISOString() } } : r;
}

export async function revokeInviteAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, revokeInvite, EVERYWHERE);
}

export async function removeMemberAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, removeMember, EVERYWHERE);
}

export async function leaveHouseholdAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, leaveHousehold, EVERYWHERE);
}
