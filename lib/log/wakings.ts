import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, type TMe } from "@/lib/context";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { ZId, ZList } from "@/lib/validation";
import { nightClockInstant } from "@/lib/nights/shifts";
import { ZClock } from "@/lib/time/zone";
import { fromDbDate, toDbDate } from "@/lib/time/local-date";
import { nightOf } from "@/lib/log/night-of";
import { HELPED, inListOrder } from "@/lib/log/helped";
import { canEditWaking } from "@/lib/log/rights";
import { publishLive } from "@/lib/live/publish";

// Anyone in the household logs wakings: the waking belongs to whoever actually
// got up. The responder or a parent may edit or delete it afterwards
// (lib/log/rights.ts).

const MAX_CRYING_MINUTES = 60;

async function chooseBaby(householdId: string, babyId: string | undefined) {
  const babies = await db.baby.findMany({ where: { householdId }, select: { id: true, name: true } });
  if (babyId) {
    const baby = babies.find((b) => b.id === babyId);
    if (!baby) throw invalid("Choose one of your babies.", { babyId: ["Choose one of your babies."] });
    return baby;
  }
  if (babies.length === 1) return babies[0]!;
  if (babies.length === 0) throw invalid("Add your baby on the Household page first.");
  throw invalid("Which baby woke?", { babyId: ["Which baby woke?"] });
}

export const ZStartWaking = z.object({
  householdId: ZId,
  babyId: z.union([z.literal(""), ZId]).optional(),
  /** Minutes ago the crying started (optional), to show time to respond. */
  cryingMinutesAgo: z
    .union([
      z.literal(""),
      z.coerce.number().int().min(0).max(MAX_CRYING_MINUTES, `At most ${MAX_CRYING_MINUTES} minutes ago.`),
    ])
    .optional(),
});

export type TStartResult = {
  wakingId: string;
  resumed: boolean;
  responderName: string;
  babyId: string;
  babyName: string;
};

/**
 * "I'm up". If the baby already has an open waking (the partner pressed a
 * moment earlier, or this is a second tap) that one is returned instead of a
 * duplicate: the partial unique index makes this hold under any race.
 */
export const startWaking = householdAction(
  ZStartWaking,
  {},
  async ({ me, household, data, now }): Promise<TStartResult> => {
    const baby = await chooseBaby(household.id, data.babyId || undefined);
    const open = await findOpen(household.id, baby.id);
    if (open)
      return {
        wakingId: open.id,
        resumed: true,
        responderName: open.responder.user.name,
        babyId: baby.id,
        babyName: baby.name,
      };
    const cryingAt =
      typeof data.cryingMinutesAgo === "number" ? new Date(now.getTime() - data.cryingMinutesAgo * 60_000) : null;
    try {
      const waking = await db.$transaction(async (tx) => {
        const w = await tx.waking.create({
          data: {
            householdId: household.id,
            babyId: baby.id,
            responderId: me.caregiverId,
            startedAt: now,
            cryingAt,
            nightDate: toDbDate(nightOf(now, household.timeZone, household.nightStart, household.nightEnd)),
            updatedById: me.userId,
          },
          select: { id: true },
        });
        await publishLive(tx, household.id, "waking.started", [w.id], me.caregiverId);
        return w;
      });
      return { wakingId: waking.id, resumed: false, responderName: me.name, babyId: baby.id, babyName: baby.name };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const winner = await findOpen(household.id, baby.id);
      if (!winner) throw conflict("Someone just logged this waking. Please look again.");
      return {
        wakingId: winner.id,
        resumed: true,
        responderName: winner.responder.user.name,
        babyId: baby.id,
        babyName: baby.name,
      };
    }
  },
);

function findOpen(householdId: string, babyId: string) {
  return db.waking.findFirst({
    where: { householdId, babyId, endedAt: null },
    select: { id: true, responder: { select: { user: { select: { name: true } } } } },
  });
}

/** What helped: checkboxes or toggles posting `helped` once per choice. Stored in the list's order. */
const ZHelped = ZList(z.enum(HELPED, { error: "Choose from the list of what helped." }), HELPED.length).transform(
  inListOrder,
);

const ZNote = z.string().trim().max(280, "Keep the note to 280 characters.").optional();

export const ZEndWaking = z.object({ householdId: ZId, wakingId: ZId, helped: ZHelped, note: ZNote });

export type TEndResult = { wakingId: string; babyName: string; minutes: number };

/** "Back to sleep": ends the waking now, with what helped. Ending an already-ended waking changes nothing. */
export const endWaking = householdAction(ZEndWaking, {}, async ({ me, household, data, now }): Promise<TEndResult> => {
  const w = await db.waking.findFirst({
    where: { id: data.wakingId, householdId: household.id },
    select: { startedAt: true, endedAt: true, baby: { select: { name: true } } },
  });
  if (!w) throw notFound("That waking");
  // A start corrected to later than now (clock skew, an edit) still ends no earlier than it began.
  const endedAt = now < w.startedAt ? w.startedAt : now;
  if (!w.endedAt) {
    await db.$transaction(async (tx) => {
      await tx.waking.updateMany({
        where: { id: data.wakingId, householdId: household.id, endedAt: null },
        data: {
          endedAt,
          helped: data.helped,
          note: data.note || null,
          version: { increment: 1 },
          updatedById: me.userId,
        },
      });
      await publishLive(tx, household.id, "waking.ended", [data.wakingId], me.caregiverId);
    });
  }
  const end = w.endedAt ?? endedAt;
  return {
    wakingId: data.wakingId,
    babyName: w.baby.name,
    minutes: Math.max(0, Math.round((end.getTime() - w.startedAt.getTime()) / 60_000)),
  };
});

/** The waking, if this caregiver may change it (lib/log/rights.ts); refused otherwise. */
async function editable(me: TMe, wakingId: string) {
  const w = await db.waking.findFirst({
    where: { id: wakingId, householdId: me.householdId },
    select: { id: true, responderId: true, nightDate: true, endedAt: true, version: true },
  });
  if (!w) throw notFound("That waking");
  if (!canEditWaking(me, w)) throw forbidden("Only the person who got up, or a parent, can change this waking.");
  return w;
}

export const ZUpdateWaking = z.object({
  householdId: ZId,
  wakingId: ZId,
  version: z.coerce.number().int().min(0),
  responderId: ZId,
  start: ZClock("when they got up"),
  end: z.union([z.literal(""), ZClock("when the baby was back asleep")]).optional(),
  helped: ZHelped,
  note: ZNote,
});

/** Corrects a waking afterwards: times on its night, who responded, what helped. */
export const updateWaking = householdAction(ZUpdateWaking, {}, async ({ me, household, data }): Promise<void> => {
  const w = await editable(me, data.wakingId);
  const responder = await db.caregiver.findFirst({
    where: { id: data.responderId, householdId: household.id },
    select: { id: true },
  });
  if (!responder)
    throw invalid("Choose someone from your household.", { responderId: ["Choose someone from your household."] });
  const night = fromDbDate(w.nightDate);
  // Times are read on the waking's night; a waking may run past the night's end.
  const startedAt = nightClockInstant(night, data.start, household);
  const endedAt = typeof data.end === "number" ? nightClockInstant(night, data.end, household) : w.endedAt;
  if (endedAt && endedAt < startedAt)
    throw invalid("The waking must end after it starts.", { end: ["The waking must end after it starts."] });
  await db.$transaction(async (tx) => {
    const res = await tx.waking.updateMany({
      where: { id: w.id, householdId: household.id, version: data.version },
      data: {
        startedAt,
        endedAt,
        responderId: responder.id,
        helped: data.helped,
        note: data.note || null,
        version: { increment: 1 },
        updatedById: me.userId,
      },
    });
    if (res.count === 0)
      throw conflict("Someone changed this waking while you were editing. Please check it and save again.");
    await publishLive(tx, household.id, "waking.changed", [w.id], me.caregiverId);
  });
});

export const ZWakingRef = z.object({ householdId: ZId, wakingId: ZId });

/** Deletes a waking (also the "undo" of a mistaken "I'm up"). */
export const deleteWaking = householdAction(ZWakingRef, {}, async ({ me, household, data }): Promise<void> => {
  const w = await editable(me, data.wakingId);
  await db.$transaction(async (tx) => {
    await tx.waking.deleteMany({ where: { id: w.id, householdId: household.id } });
    await tx.nightEvent.create({
      data: {
        householdId: household.id,
        nightDate: w.nightDate,
        actorId: me.userId,
        kind: "waking_deleted",
        summary: `${me.name} removed a waking`,
      },
    });
    await publishLive(tx, household.id, "waking.changed", [w.id], me.caregiverId);
  });
});

/** The undo of a mistaken "Back to sleep": the waking is open again. */
export const reopenWaking = householdAction(ZWakingRef, {}, async ({ me, household, data }): Promise<void> => {
  const w = await editable(me, data.wakingId);
  try {
    await db.$transaction(async (tx) => {
      await tx.waking.updateMany({
        where: { id: w.id, householdId: household.id },
        data: { endedAt: null, version: { increment: 1 }, updatedById: me.userId },
      });
      await publishLive(tx, household.id, "waking.started", [w.id], me.caregiverId);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("Another waking for this baby is already open.");
    throw e;
  }
});
