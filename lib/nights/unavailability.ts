import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction } from "@/lib/context";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { AFTER_FIELDS, ZId, ZText } from "@/lib/validation";
import { nightWindow } from "@/lib/nights/night-window";
import { canActForCaregiver, canChangeUnavailability } from "@/lib/nights/rights";
import { ZClock } from "@/lib/time/zone";
import { publishLive } from "@/lib/live/publish";
import { addDays } from "@/lib/time/local-date";
import { instantAt } from "@/lib/time/local-time";
import { ZLocalDate } from "@/lib/time/schemas";
import { msg, type TTextValues } from "@/lib/i18n/text";

/** A refusal or field message (a reference, lib/i18n/text.ts) under "nights.errors". */
const E = (key: string, values?: TTextValues) => msg(`nights.errors.${key}`, values);

// Rights (lib/nights/rights.ts): anyone marks their own unavailability; parents
// may also mark it for others (e.g. a helper who told them by phone). Helpers only their own.

const ZAddUnavailability = z
  .object({
    householdId: ZId,
    caregiverId: ZId,
    from: ZLocalDate,
    to: ZLocalDate,
    /** Optional times: without them, whole nights (the night of `from` to the night of `to`). */
    fromTime: z.union([z.literal(""), ZClock(msg("nights.what.startTime"))]).optional(),
    toTime: z.union([z.literal(""), ZClock(msg("nights.what.endTime"))]).optional(),
    note: ZText(msg("nights.what.note"), 140).optional(),
  })
  .refine((u) => u.to >= u.from, { ...AFTER_FIELDS, path: ["to"], message: E("lastBeforeFirst") })
  .refine((u) => u.from >= addDays(u.to, -366), {
    ...AFTER_FIELDS,
    path: ["to"],
    message: E("atMostAYear"),
  });

export const addUnavailability = householdAction(
  ZAddUnavailability,
  {},
  async ({ me, household: h, data }): Promise<{ id: string }> => {
    if (!canActForCaregiver(me, data.caregiverId)) throw forbidden(E("helpersOwnUnavailability"));
    const who = await db.caregiver.findFirst({
      where: { id: data.caregiverId, householdId: me.householdId, removedAt: null },
      select: { id: true },
    });
    if (!who) throw invalid(E("chooseSomeone"), { caregiverId: [E("chooseSomeone")] });
    // "I can't do the 1st to the 2nd" means those nights, from the first one's start to the last one's end.
    const startsAt =
      typeof data.fromTime === "number"
        ? instantAt(data.from, data.fromTime, h.timeZone)
        : nightWindow(data.from, h.timeZone, h.nightStart, h.nightEnd).start;
    const endsAt =
      typeof data.toTime === "number"
        ? instantAt(data.to, data.toTime, h.timeZone)
        : nightWindow(data.to, h.timeZone, h.nightStart, h.nightEnd).end;
    if (endsAt <= startsAt) throw invalid(E("endAfterStartTime"), { toTime: [E("endAfterStartTime")] });
    return db.$transaction(async (tx) => {
      const row = await tx.unavailability.create({
        data: {
          householdId: me.householdId,
          caregiverId: who.id,
          startsAt,
          endsAt,
          note: data.note || null,
          createdById: me.userId,
        },
        select: { id: true },
      });
      await publishLive(tx, me.householdId, "unavailability.changed", [row.id]);
      return row;
    });
  },
);

export const removeUnavailability = householdAction(
  z.object({ householdId: ZId, id: ZId }),
  {},
  async ({ me, data: { id } }): Promise<void> => {
    const row = await db.unavailability.findFirst({
      where: { id, householdId: me.householdId },
      select: { caregiverId: true },
    });
    if (!row) throw notFound(msg("errors.what.time"));
    if (!canChangeUnavailability(me, row)) throw forbidden(E("helpersChangeOwnUnavailability"));
    await db.$transaction(async (tx) => {
      await tx.unavailability.deleteMany({ where: { id, householdId: me.householdId } });
      await publishLive(tx, me.householdId, "unavailability.changed", [id]);
    });
  },
);
