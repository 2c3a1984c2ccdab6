import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { invalid, notFound } from "@/lib/errors";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { checkDateInRange, fromDbDate, localToday, toDbDate } from "./read-plan";
import { occursOn } from "./recurrence";
import { publishLive } from "@/lib/live/publish";
import { dayNumber } from "@/lib/time/local-date";

// One check-off per item per day, by the unique key (planItemId, date): two
// caregivers tapping "Done" at once make one row, and the first one stands.
// Anyone in the household may check off, skip or undo.

const ZRef = z.object({ householdId: ZId, planItemId: ZId, date: z.string({ error: "Choose a day." }) });
const ZNote = (what: string) => z.string().trim().max(200, `Keep ${what} to 200 characters.`).optional();

export const ZCheckOff = ZRef.extend({ note: ZNote("the note") });
export const ZSkip = ZRef.extend({ reason: ZNote("the reason") });
export const ZCheckOffNote = ZRef.extend({ note: ZNote("the note") });
export const ZUncheck = ZRef;

/** The plan item, if it belongs to the household and falls on the date. */
async function itemOn(
  me: TMembership,
  planItemId: string,
  dateInput: string,
  now: Date,
  opts: { notFuture?: boolean } = {},
) {
  const h = await db.household.findUniqueOrThrow({ where: { id: me.householdId }, select: { timeZone: true } });
  const today = localToday(h.timeZone, now);
  const date = checkDateInRange(dateInput, today);
  const item = await db.planItem.findFirst({
    where: { id: planItemId, householdId: me.householdId },
    select: { id: true, startDate: true, untilDate: true, recurrence: true, weekdays: true, intervalDays: true },
  });
  if (!item) throw notFound("That plan item");
  const rule = {
    ...item,
    startDate: fromDbDate(item.startDate),
    untilDate: item.untilDate ? fromDbDate(item.untilDate) : null,
  };
  if (!occursOn(rule, date))
    throw invalid("That isn't on the plan for this day.", { date: ["That isn't on the plan for this day."] });
  if (opts.notFuture && dayNumber(date) > dayNumber(today))
    throw invalid("You can tick this off on the day.", { date: ["You can tick this off on the day."] });
  return { item, date };
}

/** "Done": records who and when. Idempotent; a skipped day becomes done. */
export async function checkOff(actor: TActor | null, input: unknown, now = new Date()): Promise<{ created: boolean }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZCheckOff, input);
  const { item, date } = await itemOn(me, data.planItemId, data.date, now, { notFuture: true });
  return db.$transaction(async (tx) => {
    const res = await tx.checkOff.createMany({
      data: [
        {
          householdId,
          planItemId: item.id,
          date: toDbDate(date),
          status: "done",
          byId: me.caregiverId,
          at: now,
          note: data.note || null,
        },
      ],
      skipDuplicates: true,
    });
    let changed = res.count > 0;
    if (!changed) {
      const upd = await tx.checkOff.updateMany({
        where: { planItemId: item.id, date: toDbDate(date), householdId, status: "skipped" },
        data: { status: "done", byId: me.caregiverId, at: now, note: data.note || null },
      });
      changed = upd.count > 0;
    }
    if (changed) await publishLive(tx, householdId, "plan.changed", [item.id], me.caregiverId);
    return { created: changed };
  });
}

/** "Skip today", with an optional reason. A done day becomes skipped (they chose it). */
export async function skipPlanItem(actor: TActor | null, input: unknown, now = new Date()): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZSkip, input);
  const { item, date } = await itemOn(me, data.planItemId, data.date, now);
  await db.$transaction(async (tx) => {
    const res = await tx.checkOff.createMany({
      data: [
        {
          householdId,
          planItemId: item.id,
          date: toDbDate(date),
          status: "skipped",
          byId: me.caregiverId,
          at: now,
          note: data.reason || null,
        },
      ],
      skipDuplicates: true,
    });
    if (res.count === 0) {
      await tx.checkOff.updateMany({
        where: { planItemId: item.id, date: toDbDate(date), householdId },
        data: { status: "skipped", byId: me.caregiverId, at: now, note: data.reason || null },
      });
    }
    await publishLive(tx, householdId, "plan.changed", [item.id], me.caregiverId);
  });
}

/** Undo a check-off or a skip (a mistaken tap): the day is open again. */
export async function uncheck(actor: TActor | null, input: unknown, now = new Date()): Promise<{ removed: boolean }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZUncheck, input);
  const { item, date } = await itemOn(me, data.planItemId, data.date, now);
  return db.$transaction(async (tx) => {
    const res = await tx.checkOff.deleteMany({ where: { planItemId: item.id, date: toDbDate(date), householdId } });
    if (res.count) await publishLive(tx, householdId, "plan.changed", [item.id], me.caregiverId);
    return { removed: res.count > 0 };
  });
}

/** The optional "how it went" line on a check-off (or the reason on a skip). */
export async function setCheckOffNote(actor: TActor | null, input: unknown, now = new Date()): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId);
  const data = parseInput(ZCheckOffNote, input);
  const { item, date } = await itemOn(me, data.planItemId, data.date, now);
  await db.$transaction(async (tx) => {
    const res = await tx.checkOff.updateMany({
      where: { planItemId: item.id, date: toDbDate(date), householdId },
      data: { note: data.note || null },
    });
    if (res.count === 0) throw notFound("That check-off");
    await publishLive(tx, householdId, "plan.changed", [item.id], me.caregiverId);
  });
}
