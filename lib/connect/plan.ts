import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction } from "@/lib/context";
import { forbidden, invalid, notFound } from "@/lib/errors";
import { PartOfDay, Recurrence } from "@/lib/generated/prisma/enums";
import { publishLive } from "@/lib/live/publish";
import { addDays, dayNumber, fromDbDate, localDateOf, toDbDate } from "@/lib/time/local-date";
import { ZId, ZList, ZText } from "@/lib/validation";
import { ZActivityRef, resolveActivity } from "./activities";
import { checkDateInRange } from "./read-plan";
import { occursOn, ruleProblem, type TRule } from "./recurrence";
import { canTendPlan } from "./rights";
import { TAKEN_OFF_NOTE } from "./hard-night";
import { msg } from "@/lib/i18n/text";

// Anyone in the household (helpers too) plans connection moments and takes
// them off the plan. A recurring item is one row with a rule; taking it off
// "from this day on" ends the rule, taking off one day is a skip.

/** The days of the week for "on chosen days": a multi-select, one `weekdays` (1 = Monday … 7 = Sunday) per ticked box. */
const ZWeekdays = ZList(
  z.coerce.number().int().min(1, msg("connect.errors.weekdayPick")).max(7, msg("connect.errors.weekdayPick")),
  7,
);

const refused = () => forbidden(msg("connect.errors.cantChangePlan"));

export const ZAddPlanItem = z.object({
  householdId: ZId,
  activity: ZActivityRef,
  date: z.string({ error: msg("connect.errors.chooseDay") }),
  recurrence: z.enum(Recurrence, { error: msg("connect.errors.chooseHowOften") }).default("once"),
  weekdays: ZWeekdays,
  intervalDays: z
    .union([
      z.literal(""),
      z.coerce.number({ error: msg("connect.errors.daysNumber") }).int(msg("connect.errors.daysWhole")),
    ])
    .optional(),
  until: z.union([z.literal(""), z.string()]).optional(),
  partOfDay: z.enum(PartOfDay, { error: msg("connect.errors.choosePartOfDay") }).default("any"),
  /** "" = either of us. */
  assigneeId: z.union([z.literal(""), ZId]).optional(),
  note: ZText(msg("connect.what.note"), 200).optional(),
});

/** Adds an activity to the plan: one day, or a repeating rule from that day. */
export const addPlanItem = householdAction(
  ZAddPlanItem,
  {},
  async ({ me, household, data, now }): Promise<{ planItemId: string }> => {
    if (!canTendPlan(me)) throw refused();
    const householdId = me.householdId;
    const today = localDateOf(now, household.timeZone);
    const startDate = checkDateInRange(data.date, today, "date");
    const recurrence = data.recurrence;
    // A one-off ends on its day: the range query then never drags old one-offs along.
    const untilDate =
      recurrence === "once" ? startDate : data.until ? checkDateInRange(data.until, today, "until") : null;
    const rule: TRule = {
      startDate,
      untilDate,
      recurrence,
      weekdays: recurrence === "days" ? [...new Set(data.weekdays)].sort((a, b) => a - b) : [],
      intervalDays: recurrence === "every_n" ? (typeof data.intervalDays === "number" ? data.intervalDays : NaN) : null,
    };
    const problem = ruleProblem(rule);
    if (problem) {
      const field = recurrence === "days" ? "weekdays" : recurrence === "every_n" ? "intervalDays" : "until";
      throw invalid(problem, { [field]: [problem] });
    }
    if (data.assigneeId) {
      const member = await db.caregiver.findFirst({
        where: { id: data.assigneeId, householdId, removedAt: null },
        select: { id: true },
      });
      if (!member)
        throw invalid(msg("connect.errors.chooseSomeone"), { assigneeId: [msg("connect.errors.chooseSomeone")] });
    }
    return db.$transaction(async (tx) => {
      const activity = await resolveActivity(tx, householdId, data.activity);
      if (activity.archivedAt)
        throw invalid(msg("connect.errors.activityHidden"), { activity: [msg("connect.errors.activityHidden")] });
      const row = await tx.planItem.create({
        data: {
          householdId,
          activityId: activity.id,
          startDate: toDbDate(startDate),
          untilDate: untilDate ? toDbDate(untilDate) : null,
          recurrence,
          weekdays: rule.weekdays,
          intervalDays: rule.intervalDays,
          partOfDay: data.partOfDay,
          assigneeId: data.assigneeId || null,
          note: data.note || null,
          createdById: me.caregiverId,
        },
        select: { id: true },
      });
      await publishLive(tx, householdId, "plan.changed", [row.id], me.caregiverId);
      return { planItemId: row.id };
    });
  },
);

export const ZRemovePlanItem = z.object({
  householdId: ZId,
  planItemId: ZId,
  date: z.string({ error: msg("connect.errors.chooseDay") }),
  scope: z.enum(["day", "onwards"], { error: msg("connect.errors.chooseScope") }).default("onwards"),
});

/**
 * Takes an item off the plan. A one-off (or a rule taken off from its first
 * day) is deleted; "from this day on" ends the rule the day before, keeping
 * what was done before; "just this day" is a skip.
 */
export const removePlanItem = householdAction(
  ZRemovePlanItem,
  {},
  async ({ me, household, data, now }): Promise<{ removed: "deleted" | "ended" | "skipped" }> => {
    if (!canTendPlan(me)) throw refused();
    const householdId = me.householdId;
    const date = checkDateInRange(data.date, localDateOf(now, household.timeZone));
    return db.$transaction(async (tx) => {
      const item = await tx.planItem.findFirst({
        where: { id: data.planItemId, householdId },
        select: { id: true, recurrence: true, startDate: true, untilDate: true, weekdays: true, intervalDays: true },
      });
      if (!item) throw notFound(msg("errors.what.planItem"));
      const start = fromDbDate(item.startDate);
      // Only a day the item is on (a partner's older screen could name a day after the rule already ended).
      if (
        !occursOn({ ...item, startDate: start, untilDate: item.untilDate ? fromDbDate(item.untilDate) : null }, date)
      ) {
        throw invalid(msg("connect.errors.notOnPlan"), { date: [msg("connect.errors.notOnPlan")] });
      }
      let removed: "deleted" | "ended" | "skipped";
      if (item.recurrence !== "once" && data.scope === "day") {
        await tx.checkOff.upsert({
          where: { planItemId_date: { planItemId: item.id, date: toDbDate(date) } },
          create: {
            householdId,
            planItemId: item.id,
            date: toDbDate(date),
            status: "skipped",
            byId: me.caregiverId,
            at: now,
            note: TAKEN_OFF_NOTE,
          },
          update: { status: "skipped", byId: me.caregiverId, at: now, note: TAKEN_OFF_NOTE },
        });
        removed = "skipped";
      } else if (item.recurrence === "once" || dayNumber(date) <= dayNumber(start)) {
        await tx.planItem.deleteMany({ where: { id: item.id, householdId } });
        removed = "deleted";
      } else {
        // Only ever shortens the rule: two "from this day on" at once keep the earlier end.
        await tx.planItem.updateMany({
          where: { id: item.id, householdId, OR: [{ untilDate: null }, { untilDate: { gte: toDbDate(date) } }] },
          data: { untilDate: toDbDate(addDays(date, -1)), version: { increment: 1 } },
        });
        await tx.checkOff.deleteMany({ where: { planItemId: item.id, householdId, date: { gte: toDbDate(date) } } });
        removed = "ended";
      }
      await publishLive(tx, householdId, "plan.changed", [item.id], me.caregiverId);
      return { removed };
    });
  },
);
