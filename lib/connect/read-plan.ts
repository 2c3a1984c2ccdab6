import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdQuery, type TMe } from "@/lib/context";
import { detailsOf } from "@/lib/household/details";
import { invalid } from "@/lib/errors";
import type { CheckOffStatus, PartOfDay, Role } from "@/lib/generated/prisma/enums";
import { ZLocalDate } from "@/lib/time/schemas";
import { ZId } from "@/lib/validation";
import { activityText } from "./library";
import { storedNoteText } from "./hard-night";
import { msg } from "@/lib/i18n/text";
import { describeRule, occursOn, type TRecurrence } from "./recurrence";
import {
  datesBetween,
  daysBetween,
  fromDbDate,
  isRealDate,
  localDateOf,
  toDbDate,
  type TLocalDate,
} from "@/lib/time/local-date";

export type TPartOfDay = PartOfDay;
export const PART_ORDER: readonly TPartOfDay[] = ["morning", "afternoon", "evening", "any"];

/** One plan item on one day (a recurring item appears once per day it falls on). */
export type TPlanItemView = {
  /** The plan item's id (the same on every day a recurring item falls on). */
  id: string;
  date: TLocalDate;
  /** The activity's name and why: message references for a built-in, as typed for the household's own (useText). */
  activityName: string;
  why: string;
  minutes: number | null;
  partOfDay: TPartOfDay;
  assigneeId: string | null;
  assigneeName: string | null;
  status: "open" | CheckOffStatus;
  /** Who checked it off or skipped it, and when (ISO instant). */
  byName: string | null;
  at: string | null;
  /** "How it went" (done) or the reason (skipped). */
  note: string | null;
  // Extras for the Connect screens.
  byId: string | null;
  activityId: string;
  builtinKey: string | null;
  startDate: TLocalDate;
  recurrence: TRecurrence;
  ruleText: string | null;
  planNote: string | null;
  origin: string | null;
};

export type TPlanCaregiver = { id: string; name: string; role: Role; isMe: boolean };
export type TPlanDay = { date: TLocalDate; items: TPlanItemView[] };
export type TPlanRange = { today: TLocalDate; timeZone: string; caregivers: TPlanCaregiver[]; days: TPlanDay[] };

/** How far from today a plan may be read or written: a year either way. */
export const MAX_DAYS_FROM_TODAY = 366;
export const MAX_DAYS_PER_VIEW = 42;

/** Refuses a date that isn't a real date or is more than a year from today. */
export function checkDateInRange(date: unknown, today: TLocalDate, field = "date"): TLocalDate {
  if (typeof date !== "string" || !isRealDate(date))
    throw invalid(msg("connect.errors.chooseDay"), { [field]: [msg("connect.errors.chooseDay")] });
  if (Math.abs(daysBetween(today, date)) > MAX_DAYS_FROM_TODAY) {
    throw invalid(msg("connect.errors.withinAYear"), { [field]: [msg("connect.errors.withinAYear")] });
  }
  return date;
}

/** Who is reading: plan items say "you" by the caregiver id. */
export type TPlanReader = Pick<TMe, "householdId" | "caregiverId">;

/**
 * The plan for the dates from `from` to `to`: the items active in the range
 * (one indexed range query: `once` items are stored with untilDate =
 * startDate, so old one-offs never match), the check-offs in the range and
 * the household's caregivers (from the cached household details). One SQL
 * statement after the membership check (relation joins), whatever the
 * number of recurring items or years of check-offs.
 */
export async function readPlanDays(
  me: TPlanReader,
  from: TLocalDate,
  to: TLocalDate,
): Promise<{ caregivers: TPlanCaregiver[]; days: TPlanDay[] }> {
  const [{ planItems: items, checkOffs: checks }, caregivers] = await Promise.all([
    // The items and the check-offs in one statement (relation joins).
    db.household.findUniqueOrThrow({
      relationLoadStrategy: "join",
      where: { id: me.householdId },
      select: {
        planItems: {
          where: {
            startDate: { lte: toDbDate(to) },
            OR: [{ untilDate: null }, { untilDate: { gte: toDbDate(from) } }],
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            activityId: true,
            startDate: true,
            untilDate: true,
            recurrence: true,
            weekdays: true,
            intervalDays: true,
            partOfDay: true,
            assigneeId: true,
            note: true,
            origin: true,
            activity: { select: { builtinKey: true, name: true, why: true, minutes: true, suits: true } },
          },
        },
        checkOffs: {
          where: { date: { gte: toDbDate(from), lte: toDbDate(to) } },
          select: { planItemId: true, date: true, status: true, byId: true, at: true, note: true },
        },
      },
    }),
    // The members (cached with the household's details, in order of joining), not a statement per render.
    detailsOf(me.householdId).then((d) => d.members),
  ]);
  const names = new Map(caregivers.map((c) => [c.caregiverId, c.name]));
  const checkOf = new Map(checks.map((c) => [`${c.planItemId}|${fromDbDate(c.date)}`, c]));
  const rules = items.map((it) => ({
    it,
    words: activityText(it.activity),
    rule: {
      startDate: fromDbDate(it.startDate),
      untilDate: it.untilDate ? fromDbDate(it.untilDate) : null,
      recurrence: it.recurrence,
      weekdays: it.weekdays,
      intervalDays: it.intervalDays,
    },
  }));
  const days = datesBetween(from, to).map((date) => {
    const dayItems: TPlanItemView[] = [];
    for (const { it, words, rule } of rules) {
      if (!occursOn(rule, date)) continue;
      const c = checkOf.get(`${it.id}|${date}`);
      dayItems.push({
        id: it.id,
        date,
        activityName: words.name,
        why: words.why,
        minutes: words.minutes,
        partOfDay: it.partOfDay,
        assigneeId: it.assigneeId,
        assigneeName: it.assigneeId ? (names.get(it.assigneeId) ?? null) : null,
        status: c ? c.status : "open",
        byName: c ? (names.get(c.byId) ?? null) : null,
        at: c ? c.at.toISOString() : null,
        note: storedNoteText(c?.note ?? null),
        byId: c?.byId ?? null,
        activityId: it.activityId,
        builtinKey: it.activity.builtinKey,
        startDate: rule.startDate,
        recurrence: it.recurrence,
        ruleText: describeRule(rule),
        planNote: storedNoteText(it.note, it.origin),
        origin: it.origin,
      });
    }
    dayItems.sort((a, b) => PART_ORDER.indexOf(a.partOfDay) - PART_ORDER.indexOf(b.partOfDay));
    return { date, items: dayItems };
  });
  return {
    caregivers: caregivers.map((c) => ({
      id: c.caregiverId,
      name: c.name,
      role: c.role,
      isMe: c.caregiverId === me.caregiverId,
    })),
    days,
  };
}

/** readPlanDays with the household's clock: which day is today, in which zone. */
export async function readPlanRange(
  me: TPlanReader,
  from: TLocalDate,
  to: TLocalDate,
  now: Date,
  timeZone: string,
): Promise<TPlanRange> {
  return { today: localDateOf(now, timeZone), timeZone, ...(await readPlanDays(me, from, to)) };
}

export const ZPlanRange = z.object({ householdId: ZId, from: ZLocalDate, to: ZLocalDate });

/** The plan for a range of dates (up to six weeks), for a member of the household. */
export const getPlanRange = householdQuery(ZPlanRange, {}, async ({ me, household, data, now }) => {
  const span = daysBetween(data.from, data.to);
  if (span < 0 || span >= MAX_DAYS_PER_VIEW) throw invalid(msg("connect.errors.rangeUnavailable"));
  return readPlanRange(me, data.from, data.to, now, household.timeZone);
});
