import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, type THouseholdContext } from "@/lib/context";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { publishLive } from "@/lib/live/publish";
import { fromDbDate, localDateOf, toDbDate } from "@/lib/time/local-date";
import { ZId, ZText } from "@/lib/validation";
import { checkDateInRange } from "./read-plan";
import { occursOn } from "./recurrence";
import { canCheckOffOn, canTendPlan } from "./rights";
import { msg } from "@/lib/i18n/text";

// One check-off per item per day, by the unique key (planItemId, date): two
// caregivers tapping "Done" at once make one row, and the first one stands.
// Anyone in the household may check off, skip or undo (lib/connect/rights.ts).

const ZRef = z.object({
  householdId: ZId,
  planItemId: ZId,
  date: z.string({ error: msg("connect.errors.chooseDay") }),
});
const ZNote = (what: string) => ZText(what, 200).optional();

export const ZCheckOff = ZRef.extend({ note: ZNote(msg("connect.what.note")) });
export const ZSkip = ZRef.extend({ reason: ZNote(msg("connect.what.reason")) });
export const ZCheckOffNote = ZRef.extend({ note: ZNote(msg("connect.what.note")) });
export const ZUncheck = ZRef;

/** The plan item, if the caller may tend the plan and it belongs to the household and falls on the date. */
async function itemOn(
  { me, household, data, now }: THouseholdContext<z.infer<typeof ZRef>>,
  opts: { notFuture?: boolean } = {},
) {
  if (!canTendPlan(me)) throw forbidden(msg("connect.errors.cantChangePlan"));
  const today = localDateOf(now, household.timeZone);
  const date = checkDateInRange(data.date, today);
  const item = await db.planItem.findFirst({
    where: { id: data.planItemId, householdId: me.householdId },
    select: { id: true, startDate: true, untilDate: true, recurrence: true, weekdays: true, intervalDays: true },
  });
  if (!item) throw notFound(msg("errors.what.planItem"));
  const rule = {
    ...item,
    startDate: fromDbDate(item.startDate),
    untilDate: item.untilDate ? fromDbDate(item.untilDate) : null,
  };
  if (!occursOn(rule, date))
    throw invalid(msg("connect.errors.notOnPlan"), { date: [msg("connect.errors.notOnPlan")] });
  if (opts.notFuture && !canCheckOffOn(date, today))
    throw invalid(msg("connect.errors.tickOnTheDay"), { date: [msg("connect.errors.tickOnTheDay")] });
  return { item, date };
}

/** "Done": records who and when. Idempotent; a skipped day becomes done. */
export const checkOff = householdAction(ZCheckOff, {}, async (ctx): Promise<{ created: boolean }> => {
  const { me, data, now } = ctx;
  const householdId = me.householdId;
  const { item, date } = await itemOn(ctx, { notFuture: true });
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
});

/** "Skip today", with an optional reason. A done day becomes skipped (they chose it). */
export const skipPlanItem = householdAction(ZSkip, {}, async (ctx): Promise<void> => {
  const { me, data, now } = ctx;
  const householdId = me.householdId;
  const { item, date } = await itemOn(ctx);
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
});

/** Undo a check-off or a skip (a mistaken tap): the day is open again. */
export const uncheck = householdAction(ZUncheck, {}, async (ctx): Promise<{ removed: boolean }> => {
  const { me } = ctx;
  const householdId = me.householdId;
  const { item, date } = await itemOn(ctx);
  return db.$transaction(async (tx) => {
    const res = await tx.checkOff.deleteMany({ where: { planItemId: item.id, date: toDbDate(date), householdId } });
    if (res.count) await publishLive(tx, householdId, "plan.changed", [item.id], me.caregiverId);
    return { removed: res.count > 0 };
  });
});

/** The optional "how it went" line on a check-off (or the reason on a skip). */
export const setCheckOffNote = householdAction(ZCheckOffNote, {}, async (ctx): Promise<void> => {
  const { me, data } = ctx;
  const householdId = me.householdId;
  const { item, date } = await itemOn(ctx);
  await db.$transaction(async (tx) => {
    const res = await tx.checkOff.updateMany({
      where: { planItemId: item.id, date: toDbDate(date), householdId },
      data: { note: data.note || null },
    });
    if (res.count === 0) throw notFound(msg("errors.what.checkOff"));
    await publishLive(tx, householdId, "plan.changed", [item.id], me.caregiverId);
  });
});
