import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, householdQuery } from "@/lib/context";
import { forbidden, notFound } from "@/lib/errors";
import { ZId } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

// This phone's push subscription. A device belongs to the caregiver who
// subscribed it: nobody else, in this household or another, can change it.
// The endpoint is the device's name (unique).

/** `part`: which of the subscription's secrets ("key" or "secret"), named in the message. */
const ZBase64Url = (part: "key" | "secret") =>
  z
    .string({ error: msg("pushSettings.errors.partMissing", { part }) })
    .min(8, msg("pushSettings.errors.partInvalid", { part }))
    .max(200, msg("pushSettings.errors.partInvalid", { part }))
    .regex(/^[A-Za-z0-9_-]+=*$/, msg("pushSettings.errors.partInvalid", { part }));

const ZEndpoint = z
  .string({ error: msg("pushSettings.errors.noEndpoint") })
  .max(1000, msg("pushSettings.errors.endpointTooLong"))
  .url(msg("pushSettings.errors.endpointNotUrl"))
  .refine(
    (u) => u.startsWith("https://") || (allowHttp() && u.startsWith("http://")),
    msg("pushSettings.errors.endpointNotHttps"),
  );

/** Plain-http endpoints: only the tests' local push service (never in a deployment). */
const allowHttp = () => process.env.NODE_ENV !== "production" || process.env.ATTUNE_PUSH_ALLOW_HTTP === "1";

export const ZSubscribe = z.object({
  householdId: ZId,
  endpoint: ZEndpoint,
  p256dh: ZBase64Url("key"),
  auth: ZBase64Url("secret"),
  label: z.string().trim().max(80).optional(),
  shiftReminders: z.union([z.boolean(), z.enum(["on", "off", "true", "false"])]).optional(),
});

const truthy = (v: boolean | string | undefined) => v === true || v === "on" || v === "true";

export const subscribePush = householdAction(
  ZSubscribe,
  {},
  async ({ me, household, data }): Promise<{ id: string }> => {
    const existing = await db.pushSubscription.findUnique({
      where: { endpoint: data.endpoint },
      select: { id: true, caregiverId: true },
    });
    // Someone else's device: refused. (A shared phone gets a fresh endpoint:
    // the Settings component drops the browser's old subscription and asks again.)
    if (existing && existing.caregiverId !== me.caregiverId)
      throw forbidden(msg("pushSettings.errors.someoneElsesPhone"));
    const fields = {
      p256dh: data.p256dh,
      auth: data.auth,
      label: data.label || null,
      shiftReminders: truthy(data.shiftReminders),
    };
    return existing
      ? db.pushSubscription.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : db.pushSubscription.create({
          data: { endpoint: data.endpoint, householdId: household.id, caregiverId: me.caregiverId, ...fields },
          select: { id: true },
        });
  },
);

const ZOneDevice = z.object({ householdId: ZId, endpoint: ZEndpoint });

async function myDevice(caregiverId: string, householdId: string, endpoint: string) {
  const row = await db.pushSubscription.findUnique({
    where: { endpoint },
    select: { id: true, caregiverId: true, householdId: true },
  });
  if (!row || row.householdId !== householdId) throw notFound(msg("errors.what.device"));
  if (row.caregiverId !== caregiverId) throw forbidden(msg("pushSettings.errors.someoneElsesDevice"));
  return row;
}

export const unsubscribePush = householdAction(ZOneDevice, {}, async ({ me, household, data }): Promise<void> => {
  const row = await myDevice(me.caregiverId, household.id, data.endpoint);
  await db.pushSubscription.deleteMany({ where: { id: row.id, caregiverId: me.caregiverId } });
});

export const ZSetReminders = ZOneDevice.extend({
  shiftReminders: z.union([z.boolean(), z.enum(["on", "off", "true", "false"])]),
});

export const setShiftReminders = householdAction(ZSetReminders, {}, async ({ me, household, data }): Promise<void> => {
  const row = await myDevice(me.caregiverId, household.id, data.endpoint);
  await db.pushSubscription.updateMany({
    where: { id: row.id, caregiverId: me.caregiverId },
    data: { shiftReminders: truthy(data.shiftReminders) },
  });
});

/** This device's state, for Settings: is it subscribed for me, with reminders? */
export const readMyDevice = householdQuery(
  ZOneDevice,
  {},
  async ({ me, household, data }): Promise<{ subscribed: boolean; shiftReminders: boolean }> => {
    const row = await db.pushSubscription.findUnique({
      where: { endpoint: data.endpoint },
      select: { caregiverId: true, householdId: true, shiftReminders: true },
    });
    const mine = !!row && row.caregiverId === me.caregiverId && row.householdId === household.id;
    return { subscribed: mine, shiftReminders: mine && row.shiftReminders };
  },
);
