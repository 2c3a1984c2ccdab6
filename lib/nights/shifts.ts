import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { householdAction, type THouseholdClock, type TMe } from "@/lib/context";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { isExclusionViolation } from "@/lib/prisma-errors";
import { ZClock } from "@/lib/time/zone";
import { ZId, ZVersion } from "@/lib/validation";
import { nightWindow } from "@/lib/nights/night-window";
import { canActForCaregiver } from "@/lib/nights/rights";
import { createFormat } from "@/lib/format";
import { publishLive } from "@/lib/live/publish";
import { addDays, fromDbDate, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { instantAt, resolveLocalTime } from "@/lib/time/local-time";
import { ZLocalDate } from "@/lib/time/schemas";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";
import { msg, type TTextValues } from "@/lib/i18n/text";

/** A refusal or field message (a reference, lib/i18n/text.ts) under "nights.errors". */
const E = (key: string, values?: TTextValues) => msg(`nights.errors.${key}`, values);

// Rights (docs/decisions/0008-night-duty-rights.md, lib/nights/rights.ts): any
// member may create, edit or delete a shift that is theirs; parents may do so
// for anyone. Helpers cannot hand a shift to someone else or edit other people's.

/** What placing a clock time in a night needs of the household (its locale: how its clock reads, else 24 hours). */
export type TNightClock = Pick<THouseholdClock, "timeZone" | "nightStart" | "nightEnd"> &
  Partial<Pick<THouseholdClock, "locale">>;

/** The household's clock, for the times its messages name. */
const clockOf = (h: TNightClock) => createFormat({ locale: h.locale ?? "en-GB", householdLocale: h.locale ?? "en-GB" });

/** The calendar day a clock time falls on in the night named `nightDate` (the next one after midnight). */
function dayOfClock(nightDate: TLocalDate, clock: number, h: TNightClock): TLocalDate {
  const crosses = h.nightEnd <= h.nightStart;
  return crosses && clock < h.nightStart ? addDays(nightDate, 1) : nightDate;
}

/**
 * The instant of a wall-clock time within the night named `nightDate`: times
 * before the night's start belong to the next calendar day when the night
 * crosses midnight (01:00 in a 19:00–07:00 night is the next morning).
 */
export function nightClockInstant(nightDate: TLocalDate, clock: number, h: TNightClock): Date {
  return instantAt(dayOfClock(nightDate, clock, h), clock, h.timeZone);
}

/**
 * What a person should be told when a time they typed falls in a DST change:
 * a skipped time moves forward by the gap, a repeated one means the first
 * occurrence (docs/decisions/0007).
 */
function clockNotes(nightDate: TLocalDate, clocks: number[], h: TNightClock): string[] {
  const notes: string[] = [];
  const f = clockOf(h);
  for (const clock of clocks) {
    const { instant, kind } = resolveLocalTime(dayOfClock(nightDate, clock, h), clock, h.timeZone);
    if (kind === "skipped")
      notes.push(msg("nights.notes.skipped", { time: f.formatClock(clock), from: f.clockIn(instant, h.timeZone) }));
    if (kind === "repeated") notes.push(msg("nights.notes.repeated", { time: f.formatClock(clock) }));
  }
  return [...new Set(notes)];
}

/** Start and end instants of a shift given as clock times on a night, checked against the night window. */
export function shiftInstants(nightDate: TLocalDate, start: number, end: number, h: TNightClock) {
  const window = nightWindow(nightDate, h.timeZone, h.nightStart, h.nightEnd);
  const startsAt = nightClockInstant(nightDate, start, h);
  const endsAt = nightClockInstant(nightDate, end, h);
  const f = clockOf(h);
  const span = { start: f.formatClock(h.nightStart), end: f.formatClock(h.nightEnd) };
  const inside = (t: Date) => t >= window.start && t <= window.end;
  if (!inside(startsAt) || !inside(endsAt)) {
    throw invalid(E("withinNight", span), { start: [E("chooseWithinNight", span)] });
  }
  if (endsAt <= startsAt) throw invalid(E("endAfterStart"), { end: [E("endAfterStart")] });
  return { startsAt, endsAt };
}

async function requireCaregiverOf(householdId: string, caregiverId: string, tx: Tx | typeof db = db) {
  const c = await tx.caregiver.findFirst({
    where: { id: caregiverId, householdId, removedAt: null },
    select: { id: true, ...CAREGIVER_NAME_SELECT },
  });
  if (!c) throw invalid(E("chooseSomeone"), { caregiverId: [E("chooseSomeone")] });
  return { id: c.id, name: caregiverName(c) };
}

function mayActFor(me: TMe, caregiverId: string) {
  if (!canActForCaregiver(me, caregiverId)) throw forbidden(E("helpersOwnShifts"));
}

const OVERLAP = E("overlap");

/** Every shift change is written in the night's history and announced to the household's open screens. */
async function writeEvent(tx: Tx, me: TMe, nightDate: TLocalDate, kind: string, summary: string) {
  await tx.nightEvent.create({
    data: { householdId: me.householdId, nightDate: toDbDate(nightDate), actorId: me.userId, kind, summary },
  });
  await publishLive(tx, me.householdId, "shift.changed", []);
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

export const createShift = householdAction(
  z.object({
    householdId: ZId,
    caregiverId: ZId,
    nightDate: ZLocalDate,
    start: ZClock(msg("nights.what.shiftStarts")),
    end: ZClock(msg("nights.what.shiftEnds")),
  }),
  {},
  async ({ me, household, data }): Promise<{ shiftId: string; notes: string[] }> => {
    mayActFor(me, data.caregiverId);
    const who = await requireCaregiverOf(me.householdId, data.caregiverId);
    const { startsAt, endsAt } = shiftInstants(data.nightDate, data.start, data.end, household);
    const notes = clockNotes(data.nightDate, [data.start, data.end], household);
    return refuseOverlap(() =>
      db.$transaction(async (tx) => {
        const shift = await tx.shift.create({
          data: {
            householdId: me.householdId,
            caregiverId: who.id,
            nightDate: toDbDate(data.nightDate),
            startsAt,
            endsAt,
            source: "manual",
            createdById: me.userId,
            updatedById: me.userId,
          },
          select: { id: true },
        });
        const f = clockOf(household);
        const span = { start: f.formatClock(data.start), end: f.formatClock(data.end) };
        await writeEvent(
          tx,
          me,
          data.nightDate,
          "shift_created",
          who.id === me.caregiverId
            ? msg("nights.events.shiftTaken", { name: me.name, ...span })
            : msg("nights.events.shiftPut", { name: me.name, other: who.name, ...span }),
        );
        return { shiftId: shift.id, notes };
      }),
    );
  },
);

async function loadShift(householdId: string, shiftId: string, tx: Tx | typeof db = db) {
  const s = await tx.shift.findFirst({
    where: { id: shiftId, householdId },
    select: { id: true, caregiverId: true, nightDate: true, version: true, startsAt: true, endsAt: true },
  });
  if (!s) throw notFound(msg("errors.what.shift"));
  return { ...s, nightDate: fromDbDate(s.nightDate) };
}

/**
 * Changes who and when. The caller sends the version it saw; if the partner
 * changed the shift since, nothing is written and the caller is told.
 * A hand-edited shift becomes "manual", so filling the rota again keeps it.
 */
export const updateShift = householdAction(
  z.object({
    householdId: ZId,
    shiftId: ZId,
    version: ZVersion,
    caregiverId: ZId,
    start: ZClock(msg("nights.what.shiftStarts")),
    end: ZClock(msg("nights.what.shiftEnds")),
  }),
  {},
  async ({ me, household, data }): Promise<{ notes: string[] }> => {
    const current = await loadShift(me.householdId, data.shiftId);
    mayActFor(me, current.caregiverId);
    mayActFor(me, data.caregiverId);
    const who = await requireCaregiverOf(me.householdId, data.caregiverId);
    const { startsAt, endsAt } = shiftInstants(current.nightDate, data.start, data.end, household);
    await refuseOverlap(() =>
      db.$transaction(async (tx) => {
        const res = await tx.shift.updateMany({
          where: { id: data.shiftId, householdId: me.householdId, version: data.version },
          data: {
            caregiverId: who.id,
            startsAt,
            endsAt,
            source: "manual",
            reason: null,
            version: { increment: 1 },
            updatedById: me.userId,
          },
        });
        if (res.count === 0) throw conflict(E("shiftChangedEditing"));
        await writeEvent(
          tx,
          me,
          current.nightDate,
          "shift_updated",
          msg("nights.events.shiftChanged", {
            name: me.name,
            other: who.name,
            start: clockOf(household).formatClock(data.start),
            end: clockOf(household).formatClock(data.end),
          }),
        );
      }),
    );
    return { notes: clockNotes(current.nightDate, [data.start, data.end], household) };
  },
);

export const deleteShift = householdAction(
  z.object({ householdId: ZId, shiftId: ZId, version: ZVersion }),
  {},
  async ({ me, data }): Promise<void> => {
    const current = await loadShift(me.householdId, data.shiftId);
    mayActFor(me, current.caregiverId);
    await db.$transaction(async (tx) => {
      const res = await tx.shift.deleteMany({
        where: { id: data.shiftId, householdId: me.householdId, version: data.version },
      });
      if (res.count === 0) throw conflict(E("shiftChangedLooking"));
      await writeEvent(
        tx,
        me,
        current.nightDate,
        "shift_deleted",
        msg("nights.events.shiftRemoved", { name: me.name }),
      );
    });
  },
);

/** Splits a shift at a clock time; the second part goes to `caregiverId`. */
export const splitShift = householdAction(
  z.object({
    householdId: ZId,
    shiftId: ZId,
    version: ZVersion,
    at: ZClock(msg("nights.what.whereToSplit")),
    caregiverId: ZId,
  }),
  {},
  async ({ me, household, data }): Promise<{ shiftId: string }> => {
    const current = await loadShift(me.householdId, data.shiftId);
    mayActFor(me, current.caregiverId);
    mayActFor(me, data.caregiverId);
    const who = await requireCaregiverOf(me.householdId, data.caregiverId);
    const at = nightClockInstant(current.nightDate, data.at, household);
    if (at <= current.startsAt || at >= current.endsAt) {
      throw invalid(E("splitInside"), { at: [E("chooseSplitTime")] });
    }
    return refuseOverlap(() =>
      db.$transaction(async (tx) => {
        const res = await tx.shift.updateMany({
          where: { id: current.id, householdId: me.householdId, version: data.version },
          data: { endsAt: at, source: "manual", version: { increment: 1 }, updatedById: me.userId },
        });
        if (res.count === 0) throw conflict(E("shiftChangedSplitting"));
        const second = await tx.shift.create({
          data: {
            householdId: me.householdId,
            caregiverId: who.id,
            nightDate: toDbDate(current.nightDate),
            startsAt: at,
            endsAt: current.endsAt,
            source: "manual",
            createdById: me.userId,
            updatedById: me.userId,
          },
          select: { id: true },
        });
        await writeEvent(
          tx,
          me,
          current.nightDate,
          "shift_split",
          msg("nights.events.shiftSplit", {
            name: me.name,
            other: who.name,
            at: clockOf(household).formatClock(data.at),
          }),
        );
        return { shiftId: second.id };
      }),
    );
  },
);
