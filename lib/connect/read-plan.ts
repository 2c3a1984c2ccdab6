import "server-only";
import { db } from "@/lib/db";
import type { TActor, TMembership, TRole } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { requireMember } from "@/lib/household/guard";
import { activityWords } from "./library";
import { describeRule, occursOn, type TRecurrence } from "./recurrence";
import { localDateOf, type TLocalDate, dayNumber, datesBetween, addDays, isRealDate } from "@/lib/time/local-date";

export type TPartOfDay = "any" | "morning" | "afternoon" | "evening";
export const PART_ORDER: TPartOfDay[] = ["morning", "afternoon", "evening", "any"];

/** One plan item on one day (a recurring item appears once per day it falls on). */
export type TPlanItemView = {
  /** The plan item's id (the same on every day a recurring item falls on). */
  id: string;
  date: TLocalDate;
  activityName: string;
  why: string;
  minutes: number | null;
  partOfDay: TPartOfDay;
  assigneeId: string | null;
  assigneeName: string | null;
  status: "open" | "done" | "skipped";
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

export type TPlanCaregiver = { id: string; name: string; role: TRole; isMe: boolean };
export type TPlanDay = { date: TLocalDate; items: TPlanItemView[] };
export type TPlanRange = { today: TLocalDate; timeZone: string; caregivers: TPlanCaregiver[]; days: TPlanDay[] };

/** How far from today a plan may be read or written: a year either way. */
export const MAX_DAYS_FROM_TODAY = 366;
export const MAX_DAYS_PER_VIEW = 42;

export const toDbDate = (d: TLocalDate) => new Date(`${d}T00:00:00Z`);
export const fromDbDate = (d: Date): TLocalDate => d.toISOString().slice(0, 10);

/** The household's local date at an instant. */
export function localToday(timeZone: string, now: Date): TLocalDate {
  return localDateOf(now, timeZone);
}

/** Refuses a date that isn't a real date or is more than a year from today. */
export function checkDateInRange(date: unknown, today: TLocalDate, field = "date"): TLocalDate {
  if (typeof date !== "string" || !isRealDate(date)) throw invalid("Choose a day.", { [field]: ["Choose a day."] });
  if (Math.abs(dayNumber(date) - dayNumber(today)) > MAX_DAYS_FROM_TODAY) {
    throw invalid("Choose a day within a year of today.", { [field]: ["Choose a day within a year of today."] });
  }
  return date;
}

/**
 * The plan for the dates from `from` to `to`: the items active in the range
 * (one indexed range query: `once` items are stored with untilDate =
 * startDate, so old one-offs never match), the check-offs in the range and
 * the household's caregivers. Four to six SQL statements after the membership check,
 * whatever the number of recurring items or years of check-offs.
 */
export async function readPlanRange(
  me: TMembership,
  from: TLocalDate,
  to: TLocalDate,
  now: Date,
  timeZone?: string,
): Promise<TPlanRange> {
  const [household, items, checks, caregivers] = await Promise.all([
    timeZone
      ? { timeZone }
      : db.household.findUniqueOrThrow({ where: { id: me.householdId }, select: { timeZone: true } }),
    db.planItem.findMany({
      where: {
        householdId: me.householdId,
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
    }),
    db.checkOff.findMany({
      where: { householdId: me.householdId, date: { gte: toDbDate(from), lte: toDbDate(to) } },
      select: { planItemId: true, date: true, status: true, byId: true, at: true, note: true },
    }),
    db.caregiver.findMany({
      where: { householdId: me.householdId },
      orderBy: { joinedAt: "asc" },
      select: { id: true, role: true, user: { select: { name: true } } },
    }),
  ]);
  const names = new Map(caregivers.map((c) => [c.id, c.user.name]));
  const checkOf = new Map(checks.map((c) => [`${c.planItemId}|${fromDbDate(c.date)}`, c]));
  const rules = items.map((it) => ({
    it,
    words: activityWords(it.activity),
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
        note: c?.note ?? null,
        byId: c?.byId ?? null,
        activityId: it.activityId,
        builtinKey: it.activity.builtinKey,
        startDate: rule.startDate,
        recurrence: it.recurrence,
        ruleText: describeRule(rule),
        planNote: it.note,
        origin: it.origin,
      });
    }
    dayItems.sort((a, b) => PART_ORDER.indexOf(a.partOfDay) - PART_ORDER.indexOf(b.partOfDay));
    return { date, items: dayItems };
  });
  return {
    today: localToday(household.timeZone, now),
    timeZone: household.timeZone,
    caregivers: caregivers.map((c) => ({ id: c.id, name: c.user.name, role: c.role, isMe: c.id === me.caregiverId })),
    days,
  };
}

/** The plan for a range of dates, for a member of the household. */
export async function getPlanRange(
  actor: TActor | null,
  householdId: unknown,
  from: string,
  to: string,
  now = new Date(),
): Promise<TPlanRange> {
  const me = await requireMember(actor, householdId);
  if (
    !isRealDate(from) ||
    !isRealDate(to) ||
    dayNumber(to) < dayNumber(from) ||
    dayNumber(to) - dayNumber(from) >= MAX_DAYS_PER_VIEW
  ) {
    throw invalid("That range of days isn't available.");
  }
  return readPlanRange(me, from, to, now);
}

export { addDays };
