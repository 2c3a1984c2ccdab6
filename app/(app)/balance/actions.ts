"use server";

import { saveCheckIn } from "@/lib/balance/check-ins";
import { updateBalanceSettings } from "@/lib/balance/settings";
import { runActionAndRevalidate, type TActionState } from "@/lib/action";
import { requestNow } from "@/lib/clock";

// Thin by rule. "Offer to take tonight" is no action of its own: it is a
// swap request (requestSwapAction in app/(app)/tonight/actions.ts).

export async function saveCheckInAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, async (a, i) => saveCheckIn(a, i, await requestNow()), ["/balance"]);
}

export async function saveBalanceSettingsAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, updateBalanceSettings, ["/balance", "/settings", "/tonight"]);
}
