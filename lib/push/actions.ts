"use server";

import { serverAction } from "@/lib/action";
import { readMyDevice, setShiftReminders, subscribePush, unsubscribePush } from "@/lib/push/devices";

// "This phone: notifications on/off" (Settings). Each is one domain operation.
export const subscribePushAction = serverAction(subscribePush);
export const unsubscribePushAction = serverAction(unsubscribePush);
export const setShiftRemindersAction = serverAction(setShiftReminders);
/** Reads this device's state (the endpoint is only known in the browser). */
export const readMyDeviceAction = serverAction(readMyDevice);
