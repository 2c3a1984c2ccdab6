"use server";

import { createShift, deleteShift, splitShift, updateShift } from "@/lib/nights/shifts";
import { addUnavailability, removeUnavailability } from "@/lib/nights/unavailability";
import { runActionAndRevalidate, type TActionState } from "@/lib/action";

// Thin: the domain parses, authorizes and writes; then the night screens refresh.
const NIGHT_PAGES = ["/nights", "/tonight"];

export async function createShiftAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, createShift, NIGHT_PAGES);
}

export async function updateShiftAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, updateShift, NIGHT_PAGES);
}

export async function deleteShiftAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, deleteShift, NIGHT_PAGES);
}

export async function splitShiftAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, splitShift, NIGHT_PAGES);
}

export async function addUnavailabilityAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, addUnavailability, NIGHT_PAGES);
}

export async function removeUnavailabilityAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, removeUnavailability, NIGHT_PAGES);
}
