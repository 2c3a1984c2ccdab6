"use server";

import { serverAction } from "@/lib/action";
import { createCalendarFeed, deleteCalendarFeed, setFeedIncludesPartner } from "@/lib/nights/calendar-feed";
import { fillRota } from "@/lib/nights/fill-rota";
import { createShift, deleteShift, splitShift, updateShift } from "@/lib/nights/shifts";
import { requestSwap, respondToSwap, withdrawSwap } from "@/lib/nights/swaps";
import { addUnavailability, removeUnavailability } from "@/lib/nights/unavailability";

// Night duty: shifts, the rota, unavailability, swaps and the calendar feed.
const NIGHT_PAGES = ["/nights", "/tonight"];

export const createShiftAction = serverAction(createShift, { revalidate: NIGHT_PAGES });
export const updateShiftAction = serverAction(updateShift, { revalidate: NIGHT_PAGES });
export const deleteShiftAction = serverAction(deleteShift, { revalidate: NIGHT_PAGES });
export const splitShiftAction = serverAction(splitShift, { revalidate: NIGHT_PAGES });
export const addUnavailabilityAction = serverAction(addUnavailability, { revalidate: NIGHT_PAGES });
export const removeUnavailabilityAction = serverAction(removeUnavailability, { revalidate: NIGHT_PAGES });
export const fillRotaAction = serverAction(fillRota, { revalidate: NIGHT_PAGES });

// Balance shows "swap waiting" under its warning once an offer is made.
const SWAP_PAGES = [...NIGHT_PAGES, "/balance"];
export const requestSwapAction = serverAction(requestSwap, { revalidate: SWAP_PAGES });
export const respondToSwapAction = serverAction(respondToSwap, { revalidate: SWAP_PAGES });
export const withdrawSwapAction = serverAction(withdrawSwap, { revalidate: SWAP_PAGES });

// Dates don't survive the action boundary as Date objects in every client.
export const createCalendarFeedAction = serverAction(createCalendarFeed, {
  revalidate: ["/settings"],
  then: (feed) => ({ ...feed, createdAt: feed.createdAt.toISOString() }),
});
export const setFeedIncludesPartnerAction = serverAction(setFeedIncludesPartner, { revalidate: ["/settings"] });
export const deleteCalendarFeedAction = serverAction(deleteCalendarFeed, { revalidate: ["/settings"] });
