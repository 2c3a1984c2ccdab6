import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { nightClockInstant } from "@/lib/nights/shifts";
import { ZClock } from "@/lib/time/zone";
import { nightOf } from "@/lib/log/night-of";
import { publishLive } from "@/lib/live/publish";

// Anyone in the household logs wakings: the waking belongs to whoever actually
// got up. The responder or a parent may edit or delete it afterwards.

export const HELPED = ["breast", "bottle", "rock", "hold", "skin-to-skin", "diaper", "white-noise", "other"] as const;
export type THelped = (typeof HELPED)[number];

const MAX_CRYING_MINUTES = 60;

async function household(householdId: string, tx: Tx | typeof db = db) {
  return tx.household.findUniqueOrThrow({
    where: { id: householdId },
    select: { timeZone: true, nightStart: true, nightEnd: true },
  });
}

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

export type TStartResult = { wakingId: string; resumed: boolean; responderName: string; babyName: string };

/**
 * "I'm up". If the baby already has an open waking (the partner pressed a
 * moment earlier, or this is a second tap) that one is returned instead of a
 * duplicate: the partial unique index makes this hold under any race.
 */
export async function startWaking(actor: TActor | null, input: unknown, now = new Date()): Promise<TStartResult> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZStartWaking, input);
  const baby = await chooseBaby(householdId, data.babyId || undefined);
  const open = await findOpen(householdId, baby.id);
  if (open) return { wakingId: open.id, resumed: true, responderName: open.responder.user.name, babyName: baby.name };
  const h = await household(householdId);
  const cryingAt =
    typeof data.cryingMinutesAgo === "number" ? new Date(now.getTime() - data.cryingMinutesAgo * 60_000) : null;
  try {
    const waking = await db.$transaction(async (tx) => {
      const w = await tx.waking.create({
        data: {
          householdId,
          babyId: baby.id,
          responderId: me.caregiverId,
          startedAt: now,
          cryingAt,
          nightDate: new Date(`${nightOf(now, h.timeZone, h.nightStart, h.nightEnd)}T00:00:00Z`),
          updatedById: actor!.userId,
        },
        select: { id: true },
      });
      await publishLive(tx, householdId, "waking.started", [w.id], me.caregiverId);
      return w;
    });
    return { wakingId: waking.id, resumed: false, responderName: actor!.name, babyName: baby.name };
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    const winner = await findOpen(householdId, baby.id);
    if (!winner) throw conflict("Someone just logged this waking. Please look again.");
    return { wakingId: winner.id, resumed: true, responderName: winner.responder.user.name, babyName: baby.name };
  }
}

function findOpen(householdId: string, babyId: string) {
  return db.waking.findFirst({
    where: { householdId, babyId, endedAt: null },
    select: { id: true, responder: { select: { user: { select: { name: true } } } } },
  });
}

const ZHelped = z.preprocess(
  (v) => (typeof v === "string" ? (v ? v.split(",") : []) : v),
  z.array(z.enum(HELPED, { error: "Choose from the list of what helped." })).max(HELPED.length),
);

export const ZEndWaking = z.object({
  householdId: ZId,
  wakingId: ZId,
  helped: ZHelped.optional(),
  note: z.string().trim().max(280, "Keep the note to 280 characters.").optional(),
});

/** "Back to sleep": ends the waking now, with what helped. Ending an already-ended waking changes nothing. */
export async function endWaking(actor: TActor | null, input: unknown, now = new Date()): Promise<{ minutes: number }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZEndWaking, input);
  const w = await db.waking.findFirst({
    where: { id: data.wakingId, householdId },
    select: { startedAt: true, endedAt: true },
  });
  if (!w) throw notFound("That waking");
  // A start corrected to later than now (clock skew, an edit) still ends no earlier than it began.
  const endedAt = now < w.startedAt ? w.startedAt : now;
  if (!w.endedAt) {
    await db.$transaction(async (tx) => {
      await tx.waking.updateMany({
        where: { id: data.wakingId, householdId, endedAt: null },
        data: {
          endedAt,
          helped: data.helped ?? [],
          note: data.note || null,
          version: { increment: 1 },
          updatedById: actor!.userId,
        },
      });
      await publishLive(tx, householdId, "waking.ended", [data.wakingId], me.caregiverId);
    });
  }
  const end = w.endedAt ?? endedAt;
  return { minutes: Math.max(0, Math.round((end.getTime() - w.startedAt.getTime()) / 60_000)) };
}

async function editable(me: TMembership, householdId: string, wakingId: string) {
  const w = await db.waking.findFirst({
    where: { id: wakingId, householdId },
    select: { id: true, responderId: true, nightDate: true, endedAt: true, version: true },
  });
  if (!w) throw notFound("That waking");
  if (me.role !== "parent" && w.responderId !== me.caregiverId)
    throw forbidden("Only the person who got up, or a parent, can change this waking.");
  return w;
}

export const ZUpdateWaking = z.object({
  householdId: ZId,
  wakingId: ZId,
  version: z.coerce.number().int().min(0),
  responderId: ZId,
  start: ZClock("when they got up"),
  end: z.union([z.literal(""), ZClock("when the baby was back asleep")]).optional(),
  helped: ZHelped.optional(),
  note: z.string().trim().max(280, "Keep the note to 280 characters.").optional(),
});

/** Corrects a waking afterwards: times on its night, who responded, what helped. */
export async function updateWaking(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZUpdateWaking, input);
  const w = await editable(me, householdId, data.wakingId);
  const responder = await db.caregiver.findFirst({
    where: { id: data.responderId, householdId },
    select: { id: true },
  });
  if (!responder)
    throw invalid("Choose someone from your household.", { responderId: ["Choose someone from your household."] });
  const h = await household(householdId);
  const night = w.nightDate.toISOString().slice(0, 10);
  // Times are read on the waking's night; a waking may run past the night's end.
  const startedAt = nightClockInstant(night, data.start, h);
  const endedAt = typeof data.end === "number" ? nightClockInstant(night, data.end, h) : w.endedAt;
  if (endedAt && endedAt < startedAt)
    throw invalid("The waking must end after it starts.", { end: ["The waking must end after it starts."] });
  await db.$transaction(async (tx) => {
    const res = await tx.waking.updateMany({
      where: { id: w.id, householdId, version: data.version },
      data: {
        startedAt,
        endedAt,
        responderId: responder.id,
        helped: data.helped ?? [],
        note: data.note || null,
        version: { increment: 1 },
        updatedById: actor!.userId,
      },
    });
    if (res.count === 0)
      throw conflict("Someone changed this waking while you were editing. Please check it and save again.");
    await publishLive(tx, householdId, "waking.changed", [w.id], me.caregiverId);
  });
}

export const ZWakingRef = z.object({ householdId: ZId, wakingId: ZId });

/** Deletes a waking (also the "undo" of a mistaken "I'm up"). */
export async function deleteWaking(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const { wakingId } = parseInput(ZWakingRef, input);
  const w = await editable(me, householdId, wakingId);
  await db.$transaction(async (tx) => {
    await tx.waking.deleteMany({ where: { id: w.id, householdId } });
    await tx.nightEvent.create({
      data: {
        householdId,
        nightDate: w.nightDate,
        actorId: actor!.userId,
        kind: "waking_deleted",
        summary: `${actor!.name} removed a waking`,
      },
    });
    await publishLive(tx, householdId, "waking.changed", [w.id], me.caregiverId);
  });
}

/** The undo of a mistaken "Back to sleep": the waking is open again. */
export async function reopenWaking(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const { wakingId } = parseInput(ZWakingRef, input);
  const w = await editable(me, householdId, wakingId);
  try {
    await db.$transaction(async (tx) => {
      await tx.waking.updateMany({
        where: { id: w.id, householdId },
        data: { endedAt: null, version: { increment: 1 }, updatedById: actor!.userId },
      });
      await publishLive(tx, householdId, "waking.started", [w.id], me.caregiverId);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict("Another waking for this baby is already open.");
    throw e;
  }
}
