import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { isExclusionViolation } from "@/lib/prisma-errors";
import { ZClock } from "@/lib/time/zone";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { nightWindow } from "@/lib/nights/night-window";
import { formatClock } from "@/lib/format";
import { publishLive } from "@/lib/live/publish";
import { addDays, type TLocalDate } from "@/lib/time/local-date";
import { instantAt, resolveLocalTime } from "@/lib/time/local-time";

// Rights (docs/decisions/0008-night-duty-rights.md): any member may create,
// edit or delete a shift that is theirs; parents may do so for anyone.
// Helpers cannot hand a shift to someone else or edit other people's.

export const ZLocalDate = z
  .string({ error: "Choose a date." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD.")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "That date doesn't exist.")
  .refine((s) => s >= "2000-01-01" && s <= "2100-12-31", "Choose a date between 2000 and 2100.");

export type THouseholdClock = { timeZone: string; nightStart: number; nightEnd: number };

/**
 * The instant of a wall-clock time within the night named `nightDate`: times
 * before the night's start belong to the next calendar day when the night
 * crosses midnight (01:00 in a 19:00–07:00 night is the next morning).
 */
export function nightClockInstant(nightDate: TLocalDate, clock: number, h: THouseholdClock): Date {
  const crosses = h.nightEnd <= h.nightStart;
  const day = crosses && clock < h.nightStart ? addDays(nightDate, 1) : nightDate;
  return instantAt(day, clock, h.timeZone);
}

/**
 * What a person should be told when a time they typed falls in a DST change:
 * a skipped time moves forward by the gap, a repeated one means the first
 * occurrence (docs/decisions/0007).
 */
export function clockNotes(nightDate: TLocalDate, clocks: number[], h: THouseholdClock): string[] {
  const notes: string[] = [];
  for (const clock of clocks) {
    const crosses = h.nightEnd <= h.nightStart;
    const day = crosses && clock < h.nightStart ? addDays(nightDate, 1) : nightDate;
    const { instant, kind } = resolveLocalTime(day, clock, h.timeZone);
    const shown = new Intl.DateTimeFormat("en-GB", {
      timeZone: h.timeZone,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(instant);
    if (kind === "skipped")
      notes.push(`There is no ${formatClock(clock)} that night: the clocks go forward, so it counts from ${shown}.`);
    if (kind === "repeated")
      notes.push(`${formatClock(clock)} happens twice that night as the clocks go back; Attune uses the first one.`);
  }
  return [...new Set(notes)];
}

/** Start and end instants of a shift given as clock times on a night, checked against the night window. */
export function shiftInstants(nightDate: TLocalDate, start: number, end: number, h: THouseholdClock) {
  const window = nightWindow(nightDate, h.timeZone, h.nightStart, h.nightEnd);
  const startsAt = nightClockInstant(nightDate, start, h);
  const endsAt = nightClockInstant(nightDate, end, h);
  const span = `${formatClock(h.nightStart)}–${formatClock(h.nightEnd)}`;
  const inside = (t: Date) => t >= window.start && t <= window.end;
  if (!inside(startsAt) || !inside(endsAt)) {
    throw invalid(`A shift must fall within the night (${span}).`, {
      start: [`Choose times within the night, ${span}.`],
    });
  }
  if (endsAt <= startsAt)
    throw invalid("The shift must end after it starts.", { end: ["The shift must end after it starts."] });
  return { startsAt, endsAt };
}

async function householdClock(householdId: string, tx: Tx | typeof db = db): Promise<THouseholdClock> {
  const h = await tx.household.findUniqueOrThrow({
    where: { id: householdId },
    select: { timeZone: true, nightStart: true, nightEnd: true },
  });
  return h;
}

async function requireCaregiverOf(householdId: string, caregiverId: string, tx: Tx | typeof db = db) {
  const c = await tx.caregiver.findFirst({
    where: { id: caregiverId, householdId },
    select: { id: true, user: { select: { name: true } } },
  });
  if (!c)
    throw invalid("Choose someone from your household.", { caregiverId: ["Choose someone from your household."] });
  return { id: c.id, name: c.user.name };
}

function mayActFor(me: TMembership, caregiverId: string) {
  if (me.role !== "parent" && me.caregiverId !== caregiverId)
    throw forbidden("Helpers can only take or change their own shifts.");
}

const OVERLAP = "That overlaps another shift on this night. Change the times or edit the other shift first.";

/** Every shift change is written in the night's history and announced to the household's open screens. */
async function writeEvent(
  tx: Tx,
  householdId: string,
  nightDate: string,
  actorId: string,
  kind: string,
  summary: string,
) {
  await tx.nightEvent.create({
    data: { householdId, nightDate: new Date(`${nightDate}T00:00:00Z`), actorId, kind, summary },
  });
  await publishLive(tx, householdId, "shift.changed", []);
}

/** Runs a write; the exclusion constraint turns an overlap into a clear conflict. */
async function refuseOverlap<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isExclusionViolation(e)) throw conflict(OVERLAP);
    throw e;
  }
}

const ZShiftFields = z.object({
  caregiverId: ZId,
  nightDate: ZLocalDate,
  start: ZClock("when the shift starts"),
  end: ZClock("when the shift ends"),
});

export const ZCreateShift = z.object({ householdId: ZId }).and(ZShiftFields);

export async function createShift(actor: TActor | null, input: unknown): Promise<{ shiftId: string; notes: string[] }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZShiftFields, input);
  mayActFor(me, data.caregiverId);
  const who = await requireCaregiverOf(householdId, data.caregiverId);
  const clock = await householdClock(householdId);
  const { startsAt, endsAt } = shiftInstants(data.nightDate, data.start, data.end, clock);
  const notes = clockNotes(data.nightDate, [data.start, data.end], clock);
  return refuseOverlap(() =>
    db.$transaction(async (tx) => {
      const shift = await tx.shift.create({
        data: {
          householdId,
          caregiverId: who.id,
          nightDate: new Date(`${data.nightDate}T00:00:00Z`),
          startsAt,
          endsAt,
          source: "manual",
          createdById: actor!.userId,
          updatedById: actor!.userId,
        },
        select: { id: true },
      });
      const span = `${formatClock(data.start)}–${formatClock(data.end)}`;
      await writeEvent(
        tx,
        householdId,
        data.nightDate,
        actor!.userId,
        "shift_created",
        who.id === me.caregiverId ? `${actor!.name} took ${span}` : `${actor!.name} put ${who.name} on duty ${span}`,
      );
      return { shiftId: shift.id, notes };
    }),
  );
}

export const ZUpdateShift = z.object({
  householdId: ZId,
  shiftId: ZId,
  version: z.coerce.number({ error: "Reload and try again." }).int().min(0),
  caregiverId: ZId,
  start: ZClock("when the shift starts"),
  end: ZClock("when the shift ends"),
});

async function loadShift(householdId: string, shiftId: string, tx: Tx | typeof db = db) {
  const s = await tx.shift.findFirst({
    where: { id: shiftId, householdId },
    select: { id: true, caregiverId: true, nightDate: true, version: true, startsAt: true, endsAt: true },
  });
  if (!s) throw notFound("That shift");
  return { ...s, nightDate: s.nightDate.toISOString().slice(0, 10) };
}

/**
 * Changes who and when. The caller sends the version it saw; if the partner
 * changed the shift since, nothing is written and the caller is told.
 * A hand-edited shift becomes "manual", so filling the rota again keeps it.
 */
export async function updateShift(actor: TActor | null, input: unknown): Promise<{ notes: string[] }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZUpdateShift, input);
  const current = await loadShift(householdId, data.shiftId);
  mayActFor(me, current.caregiverId);
  mayActFor(me, data.caregiverId);
  const who = await requireCaregiverOf(householdId, data.caregiverId);
  const clock = await householdClock(householdId);
  const { startsAt, endsAt } = shiftInstants(current.nightDate, data.start, data.end, clock);
  await refuseOverlap(() =>
    db.$transaction(async (tx) => {
      const res = await tx.shift.updateMany({
        where: { id: data.shiftId, householdId, version: data.version },
        data: {
          caregiverId: who.id,
          startsAt,
          endsAt,
          source: "manual",
          reason: null,
          version: { increment: 1 },
          updatedById: actor!.userId,
        },
      });
      if (res.count === 0)
        throw conflict(
          "Someone changed this shift while you were editing. Here is the latest version; please check it and save again.",
        );
      await writeEvent(
        tx,
        householdId,
        current.nightDate,
        actor!.userId,
        "shift_updated",
        `${actor!.name} changed the shift to ${who.name}, ${formatClock(data.start)}–${formatClock(data.end)}`,
      );
    }),
  );
  return { notes: clockNotes(current.nightDate, [data.start, data.end], clock) };
}

export const ZDeleteShift = z.object({
  householdId: ZId,
  shiftId: ZId,
  version: z.coerce.number({ error: "Reload and try again." }).int().min(0),
});

export async function deleteShift(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZDeleteShift, input);
  const current = await loadShift(householdId, data.shiftId);
  mayActFor(me, current.caregiverId);
  await db.$transaction(async (tx) => {
    const res = await tx.shift.deleteMany({ where: { id: data.shiftId, householdId, version: data.version } });
    if (res.count === 0)
      throw conflict("Someone changed this shift while you were looking at it. Please check it again.");
    await writeEvent(
      tx,
      householdId,
      current.nightDate,
      actor!.userId,
      "shift_deleted",
      `${actor!.name} removed a shift`,
    );
  });
}

export const ZSplitShift = z.object({
  householdId: ZId,
  shiftId: ZId,
  version: z.coerce.number({ error: "Reload and try again." }).int().min(0),
  at: ZClock("where to split"),
  caregiverId: ZId,
});

/** Splits a shift at a clock time; the second part goes to `caregiverId`. */
export async function splitShift(actor: TActor | null, input: unknown): Promise<{ shiftId: string }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZSplitShift, input);
  const current = await loadShift(householdId, data.shiftId);
  mayActFor(me, current.caregiverId);
  mayActFor(me, data.caregiverId);
  const who = await requireCaregiverOf(householdId, data.caregiverId);
  const at = nightClockInstant(current.nightDate, data.at, await householdClock(householdId));
  if (at <= current.startsAt || at >= current.endsAt) {
    throw invalid("Split at a time inside the shift.", { at: ["Choose a time between the shift's start and end."] });
  }
  return refuseOverlap(() =>
    db.$transaction(async (tx) => {
      const res = await tx.shift.updateMany({
        where: { id: current.id, householdId, version: data.version },
        data: { endsAt: at, source: "manual", version: { increment: 1 }, updatedById: actor!.userId },
      });
      if (res.count === 0)
        throw conflict("Someone changed this shift while you were editing. Please check it and try again.");
      const second = await tx.shift.create({
        data: {
          householdId,
          caregiverId: who.id,
          nightDate: new Date(`${current.nightDate}T00:00:00Z`),
          startsAt: at,
          endsAt: current.endsAt,
          source: "manual",
          createdById: actor!.userId,
          updatedById: actor!.userId,
        },
        select: { id: true },
      });
      await writeEvent(
        tx,
        householdId,
        current.nightDate,
        actor!.userId,
        "shift_split",
        `${actor!.name} split the night at ${formatClock(data.at)}; ${who.name} takes the second part`,
      );
      return { shiftId: second.id };
    }),
  );
}
