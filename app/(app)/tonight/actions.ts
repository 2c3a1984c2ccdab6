"use server";

import { deleteWaking, endWaking, reopenWaking, startWaking, updateWaking } from "@/lib/log/wakings";
import { answerTapOut, requestTapOut } from "@/lib/log/tap-outs";
import { requestSwap, respondToSwap, withdrawSwap } from "@/lib/nights/swaps";
import { runActionAndRevalidate, type TActionState } from "@/lib/action";
import { requestNow } from "@/lib/clock";

// The night screens: thin by rule. The live channel tells the partner's screens.
// "Now" comes from requestNow() so the e2e tests' pinned clock holds on the server too.
const NIGHT_PAGES = ["/tonight", "/nights"];

export async function startWakingAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => startWaking(a, i, await requestNow()), NIGHT_PAGES);
}

export async function endWakingAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => endWaking(a, i, await requestNow()), NIGHT_PAGES);
}

export async function updateWakingAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, updateWaking, NIGHT_PAGES);
}

export async function deleteWakingAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, deleteWaking, NIGHT_PAGES);
}

export async function reopenWakingAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, reopenWaking, NIGHT_PAGES);
}

export async function requestTapOutAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => requestTapOut(a, i, await requestNow()), NIGHT_PAGES);
}

export async function answerTapOutAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => answerTapOut(a, i, await requestNow()), NIGHT_PAGES);
}

export async function requestSwapAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => requestSwap(a, i, await requestNow()), NIGHT_PAGES);
}

export async function respondToSwapAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => respondToSwap(a, i, await requestNow()), NIGHT_PAGES);
}

export async function withdrawSwapAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, withdrawSwap, NIGHT_PAGES);
}
