"use server";

import { serverAction } from "@/lib/action";
import { answerTapOut, requestTapOut } from "@/lib/log/tap-outs";
import { afterWaking, deleteWaking, endWaking, reopenWaking, startWaking, updateWaking } from "@/lib/log/wakings";

// The night log and the tap-out. The live channel tells the partner's screens.
const NIGHT_PAGES = ["/tonight", "/nights"];

export const startWakingAction = serverAction(startWaking, { revalidate: NIGHT_PAGES });
export const endWakingAction = serverAction(endWaking, { revalidate: NIGHT_PAGES });
export const updateWakingAction = serverAction(updateWaking, { revalidate: NIGHT_PAGES });
export const afterWakingAction = serverAction(afterWaking, { revalidate: NIGHT_PAGES });
export const deleteWakingAction = serverAction(deleteWaking, { revalidate: NIGHT_PAGES });
export const reopenWakingAction = serverAction(reopenWaking, { revalidate: NIGHT_PAGES });
export const requestTapOutAction = serverAction(requestTapOut, { revalidate: NIGHT_PAGES });
export const answerTapOutAction = serverAction(answerTapOut, { revalidate: NIGHT_PAGES });
