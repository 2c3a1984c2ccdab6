import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction } from "@/lib/context";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { isExclusionViolation } from "@/lib/prisma-errors";
import { ZClock } from "@/lib/time/zone";
import { ZId, ZText } from "@/lib/validation";
import { nightClockInstant } from "@/lib/nights/shifts";
import { canAskSwap, canWithdrawSwap, mustAnswerSwap } from "@/lib/nights/rights";
import { createFormat } from "@/lib/format";
import { fromDbDate } from "@/lib/time/local-date";
import { publishLive } from "@/lib/live/publish";
import { enqueuePush } from "@/lib/push/enqueue";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";
import { msg, type TTextValues } from "@/lib/i18n/text";

/** A refusal or field message (a reference, lib/i18n/text.ts) under "nights.errors". */
const E = (key: string, values?: TTextValues) => msg(`nights.errors.${key}`, values);

// A swap hands (part of) a shift from one caregiver to another. Either side
// may ask: the holder offers it ("can you take my night?"), or someone asks
// to take it ("I'll take your night"). The other side accepts or declines.
// Acceptance changes the shifts in one transaction against the version of the
// shift the request was made for; a shift changed since can't be swapped.

const ZRequestSwap = z.object({
  householdId: ZId,
  shiftId: ZId,
  /** When the holder offers: who should take it. Ignored when asking to take someone's shift. */
  toId: z.union([z.literal(""), ZId]).optional(),
  /** Optional part of the shift, as clock times on its night. */
  start: z.union([z.literal(""), ZClock(msg("nights.what.swapStarts"))]).optional(),
  end: z.union([z.literal(""), ZClock(msg("nights.what.swapEnds"))]).optional(),
  message: ZText(msg("nights.what.message"), 200).optional(),
});

export const requestSwap = householdAction(
  ZRequestSwap,
  {},
  async ({ me, household: h, data, now }): Promise<{ swapId: string }> => {
    const householdId = me.householdId;
    const shift = await db.shift.findFirst({
      where: { id: data.shiftId, householdId },
      select: {
        id: true,
        caregiverId: true,
        nightDate: true,
        startsAt: true,
        endsAt: true,
        version: true,
        caregiver: { select: CAREGIVER_NAME_SELECT },
      },
    });
    if (!shift) throw notFound(msg("errors.what.shift"));
    if (!canAskSwap({ end: shift.endsAt }, now)) throw invalid(E("shiftOver"));
    let fromId: string;
    let toId: string;
    // Names for the webhook (lib/webhooks/events.ts), read with the rows above.
    let fromName: string;
    let toName: string;
    if (shift.caregiverId === me.caregiverId) {
      fromId = me.caregiverId;
      fromName = me.name;
      const others = await db.caregiver.findMany({
        where: { householdId, id: { not: me.caregiverId }, removedAt: null },
        select: { id: true, role: true, ...CAREGIVER_NAME_SELECT },
      });
      const target = data.toId
        ? others.find((o) => o.id === data.toId)
        : others.filter((o) => o.role === "parent").length === 1
          ? others.find((o) => o.role === "parent")
          : undefined;
      if (!target) throw invalid(E("whoTakes"), { toId: [E("chooseWhoTakes")] });
      toId = target.id;
      toName = caregiverName(target);
    } else {
      fromId = shift.caregiverId;
      fromName = caregiverName(shift.caregiver);
      toId = me.caregiverId;
      toName = me.name;
    }
    const night = fromDbDate(shift.nightDate);
    const startsAt = typeof data.start === "number" ? nightClockInstant(night, data.start, h) : shift.startsAt;
    const endsAt = typeof data.end === "number" ? nightClockInstant(night, data.end, h) : shift.endsAt;
    if (startsAt < shift.startsAt || endsAt > shift.endsAt || endsAt <= startsAt) {
      throw invalid(E("choosePart"), { start: [E("chooseTimesInside")] });
    }
    const pending = await db.swap.findFirst({ where: { shiftId: shift.id, status: "pending" }, select: { id: true } });
    if (pending) throw conflict(E("swapPending"));
    // The history names times on the household's clock.
    const clock = createFormat({ locale: h.locale, householdLocale: h.locale });
    const swap = await db.$transaction(async (tx) => {
      const row = await tx.swap.create({
        data: {
          householdId,
          shiftId: shift.id,
          shiftVersion: shift.version,
          fromId,
          toId,
          startsAt,
          endsAt,
          nightDate: shift.nightDate,
          requestedById: me.caregiverId,
          message: data.message || null,
        },
        select: { id: true },
      });
      await tx.nightEvent.create({
        data: {
          householdId,
          nightDate: shift.nightDate,
          actorId: me.userId,
          kind: "swap_requested",
          summary: msg("nights.events.swapRequested", {
            name: me.name,
            start: clock.clockIn(startsAt, h.timeZone),
            end: clock.clockIn(endsAt, h.timeZone),
          }),
        },
      });
      await publishLive(tx, householdId, "swap.changed", [row.id], me.caregiverId, {
        type: "swap.requested",
        occurredAt: now,
        data: {
          swapId: row.id,
          shiftId: shift.id,
          fromName,
          toName,
          requestedByName: me.name,
          startsAt: startsAt.toISOString(),
          endsAt: endsAt.toISOString(),
        },
      });
      await enqueuePush(tx, { kind: "swap", householdId, swapId: row.id, by: me, timeZone: h.timeZone, at: now });
      return row;
    });
    return { swapId: swap.id };
  },
);

const ZRespondSwap = z.object({
  householdId: ZId,
  swapId: ZId,
  answer: z.enum(["accept", "decline"], { error: E("acceptOrDecline") }),
});

/** The other side answers. Accepting hands over the hours atomically; only one answer ever counts. */
export const respondToSwap = householdAction(
  ZRespondSwap,
  {},
  async ({ me, data, now }): Promise<{ status: "accepted" | "declined" }> => {
    const householdId = me.householdId;
    const swap = await db.swap.findFirst({ where: { id: data.swapId, householdId } });
    if (!swap) throw notFound(msg("errors.what.swap"));
    if (!mustAnswerSwap(me, swap)) throw forbidden(E("swapOtherAnswers"));
    if (swap.status !== "pending") throw conflict(E("swapAlready", { status: swap.status }));
    if (swap.endsAt <= now) {
      await db.swap.updateMany({ where: { id: swap.id, status: "pending" }, data: { status: "expired" } });
      throw conflict(E("swapExpired"));
    }
    try {
      return await db.$transaction(async (tx) => {
        const claimed = await tx.swap.updateMany({
          where: { id: swap.id, status: "pending" },
          data: { status: data.answer === "accept" ? "accepted" : "declined", respondedAt: now },
        });
        if (claimed.count !== 1) throw conflict(E("swapAnswered"));
        if (data.answer === "accept") {
          // Lock the shift and check it is still the one the request was made for.
          const [shift] = await tx.$queryRaw<
            { id: string; caregiver_id: string; starts_at: Date; ends_at: Date; version: number }[]
          >`
          SELECT id, caregiver_id, starts_at, ends_at, version FROM shifts WHERE id = ${swap.shiftId}::uuid AND household_id = ${householdId}::uuid FOR UPDATE`;
          if (!shift || shift.version !== swap.shiftVersion || shift.caregiver_id !== swap.fromId) {
            throw conflict(E("swapShiftChanged"));
          }
          await handOver(tx, { householdId, shift, swap, userId: me.userId });
        }
        await tx.nightEvent.create({
          data: {
            householdId,
            nightDate: swap.nightDate,
            actorId: me.userId,
            kind: `swap_${data.answer}ed`,
            summary: msg("nights.events.swapAnswered", { name: me.name, answer: data.answer }),
          },
        });
        await publishLive(tx, householdId, "swap.changed", [swap.id], me.caregiverId, {
          type: "swap.answered",
          occurredAt: now,
          data: {
            swapId: swap.id,
            shiftId: swap.shiftId,
            answer: data.answer === "accept" ? "accepted" : "declined",
            answeredByName: me.name,
            startsAt: swap.startsAt.toISOString(),
            endsAt: swap.endsAt.toISOString(),
          },
        });
        if (data.answer === "accept")
          await publishLive(tx, householdId, "shift.changed", [swap.shiftId], me.caregiverId);
        return { status: data.answer === "accept" ? ("accepted" as const) : ("declined" as const) };
      });
    } catch (e) {
      if (isExclusionViolation(e)) throw conflict(E("swapOverlap"));
      throw e;
    }
  },
);

/** Whole shift: it changes hands. Part: the shift is cut around the part, which goes to the other caregiver. */
async function handOver(
  tx: Parameters<Parameters<typeof db.$transaction>[0]>[0],
  {
    householdId,
    shift,
    swap,
    userId,
  }: {
    householdId: string;
    shift: { id: string; starts_at: Date; ends_at: Date };
    swap: { toId: string; fromId: string; startsAt: Date; endsAt: Date; nightDate: Date };
    userId: string;
  },
) {
  const base = {
    householdId,
    nightDate: swap.nightDate,
    source: "manual" as const,
    createdById: userId,
    updatedById: userId,
  };
  const before = swap.startsAt.getTime() > shift.starts_at.getTime();
  const after = swap.endsAt.getTime() < shift.ends_at.getTime();
  if (!before && !after) {
    await tx.shift.update({
      where: { id: shift.id },
      data: {
        caregiverId: swap.toId,
        source: "manual",
        reason: msg("nights.rota.reason.swapped"),
        version: { increment: 1 },
        updatedById: userId,
      },
    });
    return;
  }
  // Shrink the original to the part before (or after), then add the handed-over part and any rest.
  if (before) {
    await tx.shift.update({
      where: { id: shift.id },
      data: { endsAt: swap.startsAt, source: "manual", version: { increment: 1 }, updatedById: userId },
    });
  } else {
    await tx.shift.update({
      where: { id: shift.id },
      data: { startsAt: swap.endsAt, source: "manual", version: { increment: 1 }, updatedById: userId },
    });
  }
  await tx.shift.create({
    data: {
      ...base,
      caregiverId: swap.toId,
      startsAt: swap.startsAt,
      endsAt: swap.endsAt,
      reason: msg("nights.rota.reason.swapped"),
    },
  });
  if (before && after)
    await tx.shift.create({
      data: { ...base, caregiverId: swap.fromId, startsAt: swap.endsAt, endsAt: shift.ends_at },
    });
}

/** Whoever asked may withdraw while it is pending. */
export const withdrawSwap = householdAction(
  z.object({ householdId: ZId, swapId: ZId }),
  {},
  async ({ me, data: { swapId }, now }): Promise<void> => {
    const householdId = me.householdId;
    const swap = await db.swap.findFirst({
      where: { id: swapId, householdId },
      select: { requestedById: true, nightDate: true },
    });
    if (!swap) throw notFound(msg("errors.what.swap"));
    if (!canWithdrawSwap(me, swap)) throw forbidden(E("withdrawOwn"));
    await db.$transaction(async (tx) => {
      const res = await tx.swap.updateMany({
        where: { id: swapId, status: "pending" },
        data: { status: "withdrawn", respondedAt: now },
      });
      if (res.count === 0) throw conflict(E("swapAlreadyAnswered"));
      await publishLive(tx, householdId, "swap.changed", [swapId], me.caregiverId);
    });
  },
);
