"use server";

import { serverAction } from "@/lib/action";
import { saveCheckIn } from "@/lib/balance/check-ins";
import { updateBalanceSettings } from "@/lib/balance/settings";

// "Offer to take tonight" is no action of its own: it is a swap request
// (requestSwapAction in lib/nights/actions.ts).
export const saveCheckInAction = serverAction(saveCheckIn, { revalidate: ["/balance"] });
export const saveBalanceSettingsAction = serverAction(updateBalanceSettings, {
  revalidate: ["/balance", "/settings", "/tonight"],
});
