import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { householdAction, type TMe } from "@/lib/context";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { ZId, ZList, ZText, ZVersion } from "@/lib/validation";
import { nightClockInstant } from "@/lib/nights/shifts";
import { ZClock } from "@/lib/time/zone";
import { fromDbDate, toDbDate } from "@/lib/time/local-date";
import { nightOf } from "@/lib/log/night-of";
import { HELPED, inListOrder } from "@/lib/log/helped";
import { canEditWaking } from "@/lib/log/rights";
import { publishLive } from "@/lib/live/publish";
import { once, tapTime, wakingOfStart, ZTap } from "@/lib/log/receipts";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";
import { msg } from "@/lib/i18n/text";

// Anyone in the household logs wakings: the waking belongs to whoever actually
// got up. The responder or a parent may edit or delete it afterwards
// (lib/log/rights.ts).

const MAX_CRYING_MINUTES = 60;

async function chooseBaby(householdId: string, babyId: string | undefined) {
  const babies = await db.baby.findMany({ where: { householdId }, select: { id: true, name: true } });
  if (babyId) {
    const baby = babies.find((b) => b.id === babyId);
    if (!baby) throw invalid(msg("log.errors.chooseBaby"), { babyId: [msg("log.errors.chooseBaby")] });
    return baby;
  }
  if (babies.length === 1) return babies[0]!;
  if (babies.length === 0) throw invalid(msg("log.errors.addBabyFirst"));
  throw invalid(msg("log.errors.whichBaby"), { babyId: [msg("log.errors.whichBaby")] });
}

export const ZStartWaking = z.object({
  householdId: ZId,
  babyId: z.union([z.literal(""), ZId]).optional(),
  /** Minutes ago the crying started (optional), to show time to respond. */
  cryingMinutesAgo: z
    .union([
      z.literal(""),
      z.coerce
        .number()
        .int()
        .min(0)
        .max(MAX_CRYING_MINUTES, msg("log.errors.cryingMax", { max: MAX_CRYING_MINUTES })),
    ])
    .optional(),
  ...ZTap,
});

export type TStartResult = {
  wakingId: string;
  resumed: boolean;
  responderName: string;
  babyId: string;
  babyName: string;
};

/** A tap that waited in a phone's queue longer than this is "late": a waking already covering it is the same waking. */
const LATE_MS = 60_000;
/** ...and a waking the partner started up to 15 minutes after that tap is the same night-time getting up. */
const JOIN_MS = 15 * 60_000;

/**
 * "I'm up". If the baby already has an open waking (the partner pressed a
 * moment earlier, or this is a second tap) that one is returned instead of a
 * duplicate: the partial unique index makes this hold under any race. A tap
 * that arrives late from a phone's queue also joins a waking that was running
 * when it was tapped or began within 15 minutes after it (the partner got up
 * and has already settled the baby).
 * With a `clientKey`, a replay returns the first answer (lib/log/receipts.ts).
 */
export const startWaking = householdAction(
  ZStartWaking,
  {},
  async ({ me, household, data, now }): Promise<TStartResult> => {
    const baby = await chooseBaby(household.id, data.babyId || undefined);
    const receipt = { householdId: household.id, caregiverId: me.caregiverId, key: data.clientKey || undefined };
    try {
      return await once({ ...receipt, kind: "start" }, async (tx) => {
        const at = tapTime(data.tappedAt || undefined, now);
        const open =
          (await findWaking(tx, { householdId: household.id, babyId: baby.id, endedAt: null })) ??
          (now.getTime() - at.getTime() > LATE_MS
            ? await findWaking(tx, {
                householdId: household.id,
                babyId: baby.id,
                startedAt: { lte: new Date(at.getTime() + JOIN_MS) },
                endedAt: { gte: at },
              })
            : null);
        if (open)
          return {
            wakingId: open.id,
            resumed: true,
            responderName: caregiverName(open.responder),
            babyId: baby.id,
            babyName: baby.name,
          };
        const cryingAt =
          typeof data.cryingMinutesAgo === "number" ? new Date(at.getTime() - data.cryingMinutesAgo * 60_000) : null;
        const w = await tx.waking.create({
          data: {
            householdId: household.id,
            babyId: baby.id,
            responderId: me.caregiverId,
            startedAt: at,
            cryingAt,
            nightDate: toDbDate(nightOf(at, household.timeZone, household.nightStart, household.nightEnd)),
            updatedById: me.userId,
          },
          select: { id: true },
        });
        await publishLive(tx, household.id, "waking.started", [w.id], me.caregiverId, {
          type: "waking.started",
          occurredAt: at,
          data: {
            wakingId: w.id,
            babyId: baby.id,
            babyName: baby.name,
            responderName: me.name,
            startedAt: at.toISOString(),
            cryingAt: cryingAt?.toISOString() ?? null,
          },
        });
        return { wakingId: w.id, resumed: false, responderName: me.name, babyId: baby.id, babyName: baby.name };
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(msg("log.errors.justLogged"));
      throw e;
    }
  },
);

function findWaking(tx: Tx, where: Prisma.WakingWhereInput) {
  return tx.waking.findFirst({
    where,
    orderBy: { startedAt: "desc" },
    select: { id: true, responder: { select: CAREGIVER_NAME_SELECT } },
  });
}

/** The waking an action names: by its id, or by the key of the "I'm up" that made it (a tap queued offline). */
async function wakingIdOf(
  householdId: string,
  data: { wakingId?: string; startKey?: string },
  tx: Tx = db,
): Promise<string> {
  if (data.wakingId) return data.wakingId;
  const id = data.startKey ? await wakingOfStart(householdId, data.startKey, tx) : undefined;
  if (!id) throw notFound(msg("errors.what.waking"));
  return id;
}

/**
 * The one open waking, for a "Back to sleep" that names none (a bedside
 * button, POST /api/v1/wakings/current/end): with twins both awake it must
 * say which.
 */
async function theOpenWaking(householdId: string, tx: Tx = db): Promise<string> {
  const open = await tx.waking.findMany({ where: { householdId, endedAt: null }, select: { id: true }, take: 2 });
  if (open.length === 0) throw notFound(msg("errors.what.openWaking"));
  if (open.length > 1) throw conflict(msg("log.errors.severalOpen"));
  return open[0]!.id;
}

/** Names a waking by id, or by the key of the "I'm up" tap that made it. */
const ZWakingOrStart = {
  wakingId: z.union([z.literal(""), ZId]).optional(),
  startKey: z.union([z.literal(""), ZId]).optional(),
};

/** What helped: checkboxes or toggles posting `helped` once per choice. Stored in the list's order. */
const ZHelped = ZList(z.enum(HELPED, { error: msg("log.errors.helped") }), HELPED.length).transform(inListOrder);

const ZNote = ZText(msg("log.what.note"), 280).optional();

export const ZEndWaking = z.object({ householdId: ZId, ...ZWakingOrStart, helped: ZHelped, note: ZNote, ...ZTap });

export type TEndResult = { wakingId: string; babyName: string; minutes: number };

/**
 * "Back to sleep": ends the waking when it was tapped, with what helped. Naming
 * no waking ends the household's one open waking.
 * Ending an already-ended waking changes nothing (the partner settled the baby first).
 */
export const endWaking = householdAction(ZEndWaking, {}, async ({ me, household, data, now }): Promise<TEndResult> => {
  const receipt = { householdId: household.id, caregiverId: me.caregiverId, key: data.clientKey || undefined };
  return once({ ...receipt, kind: "end" }, async (tx) => {
    // Inside the receipt's transaction, on its connection: a replay of "end the open one" answers as the
    // first time did. (Read through `db`, these took a second pooled connection while holding one: with
    // every connection held by deliveries waiting on each other's receipts, none came free in time.)
    const wakingId =
      data.wakingId || data.startKey
        ? await wakingIdOf(
            household.id,
            { wakingId: data.wakingId || undefined, startKey: data.startKey || undefined },
            tx,
          )
        : await theOpenWaking(household.id, tx);
    const at = tapTime(data.tappedAt || undefined, now);
    const w = await tx.waking.findFirst({
      where: { id: wakingId, householdId: household.id },
      select: { startedAt: true, endedAt: true, babyId: true, baby: { select: { name: true } } },
    });
    if (!w) throw notFound(msg("errors.what.waking"));
    // A start corrected to later than now (clock skew, an edit) still ends no earlier than it began.
    const endedAt = at < w.startedAt ? w.startedAt : at;
    if (!w.endedAt) {
      await tx.waking.updateMany({
        where: { id: wakingId, householdId: household.id, endedAt: null },
        data: {
          endedAt,
          helped: data.helped,
          note: data.note || null,
          version: { increment: 1 },
          updatedById: me.userId,
        },
      });
    }
    const end = w.endedAt ?? endedAt;
    const minutes = Math.max(0, Math.round((end.getTime() - w.startedAt.getTime()) / 60_000));
    if (!w.endedAt) {
      await publishLive(tx, household.id, "waking.ended", [wakingId], me.caregiverId, {
        type: "waking.ended",
        occurredAt: endedAt,
        data: {
          wakingId,
          babyId: w.babyId,
          babyName: w.baby.name,
          startedAt: w.startedAt.toISOString(),
          endedAt: endedAt.toISOString(),
          minutes,
          helped: data.helped,
          endedByName: me.name,
        },
      });
    }
    return { wakingId, babyName: w.baby.name, minutes };
  });
});

/** What a correction's webhook event says about the waking it corrects (lib/webhooks/events.ts). */
const hookWaking = (w: { id: string; babyId: string; baby: { name: string }; startedAt: Date }) => ({
  wakingId: w.id,
  babyId: w.babyId,
  babyName: w.baby.name,
  startedAt: w.startedAt.toISOString(),
});

/** The waking, if this caregiver may change it (lib/log/rights.ts); refused otherwise. */
async function editable(me: TMe, wakingId: string, tx: Tx = db) {
  const w = await tx.waking.findFirst({
    where: { id: wakingId, householdId: me.householdId },
    // Baby and names for the webhook events of a correction; joined in the same statement.
    select: {
      id: true,
      responderId: true,
      nightDate: true,
      startedAt: true,
      endedAt: true,
      version: true,
      babyId: true,
      baby: { select: { name: true } },
    },
  });
  if (!w) throw notFound(msg("errors.what.waking"));
  if (!canEditWaking(me, w)) throw forbidden(msg("log.errors.cantEdit"));
  return w;
}

export const ZUpdateWaking = z.object({
  householdId: ZId,
  wakingId: ZId,
  version: ZVersion,
  responderId: ZId,
  start: ZClock(msg("log.what.gotUp")),
  end: z.union([z.literal(""), ZClock(msg("log.what.backAsleep"))]).optional(),
  helped: ZHelped,
  note: ZNote,
});

/** Corrects a waking afterwards: times on its night, who responded, what helped. */
export const updateWaking = householdAction(ZUpdateWaking, {}, async ({ me, household, data, now }): Promise<void> => {
  const w = await editable(me, data.wakingId);
  const responder = await db.caregiver.findFirst({
    where: { id: data.responderId, householdId: household.id, removedAt: null },
    select: { id: true, ...CAREGIVER_NAME_SELECT },
  });
  if (!responder)
    throw invalid(msg("log.errors.chooseResponder"), { responderId: [msg("log.errors.chooseResponder")] });
  const night = fromDbDate(w.nightDate);
  // Times are read on the waking's night; a waking may run past the night's end.
  const startedAt = nightClockInstant(night, data.start, household);
  const endedAt = typeof data.end === "number" ? nightClockInstant(night, data.end, household) : w.endedAt;
  if (endedAt && endedAt < startedAt)
    throw invalid(msg("log.errors.endAfterStart"), { end: [msg("log.errors.endAfterStart")] });
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
    if (res.count === 0) throw conflict(msg("log.errors.changedMeanwhile"));
    await publishLive(tx, household.id, "waking.changed", [w.id], me.caregiverId, {
      type: "waking.changed",
      occurredAt: now,
      data: {
        ...hookWaking({ ...w, startedAt }),
        responderName: caregiverName(responder),
        endedAt: endedAt?.toISOString() ?? null,
        helped: data.helped,
        changedByName: me.name,
      },
    });
  });
});

export const ZAfterWaking = z.object({ householdId: ZId, wakingId: ZId, helped: ZHelped, note: ZNote });

/**
 * What helped and a note, added after "Back to sleep" (which saves the waking
 * at once): each tap is saved as tapped, so the last one sent wins.
 */
export const afterWaking = householdAction(ZAfterWaking, {}, async ({ me, household, data }): Promise<void> => {
  const w = await editable(me, data.wakingId);
  await db.$transaction(async (tx) => {
    await tx.waking.updateMany({
      where: { id: w.id, householdId: household.id },
      data: { helped: data.helped, note: data.note || null, version: { increment: 1 }, updatedById: me.userId },
    });
    await publishLive(tx, household.id, "waking.changed", [w.id], me.caregiverId);
  });
});

export const ZWakingRef = z.object({ householdId: ZId, ...ZWakingOrStart, ...ZTap });

/** Deletes a waking (also the "undo" of a mistaken "I'm up"). */
export const deleteWaking = householdAction(ZWakingRef, {}, async ({ me, household, data, now }): Promise<void> => {
  const wakingId = await wakingIdOf(household.id, {
    wakingId: data.wakingId || undefined,
    startKey: data.startKey || undefined,
  });
  const receipt = { householdId: household.id, caregiverId: me.caregiverId, key: data.clientKey || undefined };
  await once({ ...receipt, kind: "undoStart" }, async (tx) => {
    const w = await editable(me, wakingId, tx);
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
    await publishLive(tx, household.id, "waking.changed", [w.id], me.caregiverId, {
      type: "waking.removed",
      occurredAt: now,
      data: {
        ...hookWaking(w),
        wasOpen: !w.endedAt,
        removedByName: me.name,
      },
    });
  });
});

/** The undo of a mistaken "Back to sleep": the waking is open again. */
export const reopenWaking = householdAction(ZWakingRef, {}, async ({ me, household, data, now }): Promise<void> => {
  const wakingId = await wakingIdOf(household.id, {
    wakingId: data.wakingId || undefined,
    startKey: data.startKey || undefined,
  });
  const receipt = { householdId: household.id, caregiverId: me.caregiverId, key: data.clientKey || undefined };
  try {
    await once(
      { ...receipt, kind: "undoEnd" },
      async (tx) => {
        const w = await editable(me, wakingId, tx);
        await tx.waking.updateMany({
          where: { id: w.id, householdId: household.id },
          data: { endedAt: null, version: { increment: 1 }, updatedById: me.userId },
        });
        // Already open (a repeated undo): nothing changed, nothing for the webhooks.
        const webhook = w.endedAt
          ? ({
              type: "waking.reopened",
              occurredAt: now,
              data: { ...hookWaking(w), reopenedByName: me.name },
            } as const)
          : undefined;
        await publishLive(tx, household.id, "waking.started", [w.id], me.caregiverId, webhook);
      },
      0,
    );
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(msg("log.errors.alreadyOpen"));
    throw e;
  }
});
