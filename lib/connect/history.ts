import "server-only";
import { db } from "@/lib/db";
import type { TActor, TMembership } from "@/lib/auth/actor";
import { requireMember } from "@/lib/household/guard";
import { activityWords } from "./library";
import { fromDbDate, localToday, toDbDate } from "./read-plan";
import { datesBetween, addDays } from "@/lib/time/local-date";

// History counts the days that had a connection moment, gently: "11 of the
// last 14 days". No streaks (a missed day breaks nothing) and nothing red.

export const HISTORY_DAYS = 14;

export type TMomentsCount = { daysWith: number; of: number };

/** How many of the last `days` days (today included) had something done. One query. */
export async function readMomentsCount(me: TMembership, today: string, days = HISTORY_DAYS): Promise<TMomentsCount> {
  const rows = await db.checkOff.findMany({
    where: {
      householdId: me.householdId,
      status: "done",
      date: { gte: toDbDate(addDays(today, -(days - 1))), lte: toDbDate(today) },
    },
    distinct: ["date"],
    select: { date: true },
  });
  return { daysWith: rows.length, of: days };
}

/** Encouraging words for the count; never a scold. */
export function describeMoments({ daysWith, of }: TMomentsCount): string {
  if (daysWith === 0) return "Every day is a new chance to connect. A cuddle today already counts.";
  if (daysWith === of) return `Connection moments on every one of the last ${of} days. Lovely.`;
  return `Connection moments on ${daysWith} of the last ${of} days.`;
}

export type THistoryDay = {
  date: string;
  moments: {
    activityName: string;
    byName: string | null;
    at: string;
    note: string | null;
    status: "done" | "skipped";
  }[];
};
export type THistory = { today: string; count: TMomentsCount; days: THistoryDay[] };

/** What was done on each of the last `days` days, by whom, newest first. A fixed handful of queries. */
export async function getHistory(
  actor: TActor | null,
  householdId: unknown,
  now = new Date(),
  days = HISTORY_DAYS,
): Promise<THistory> {
  const me = await requireMember(actor, householdId);
  const h = await db.household.findUniqueOrThrow({ where: { id: me.householdId }, select: { timeZone: true } });
  const today = localToday(h.timeZone, now);
  const from = addDays(today, -(days - 1));
  const [rows, caregivers] = await Promise.all([
    db.checkOff.findMany({
      where: { householdId: me.householdId, date: { gte: toDbDate(from), lte: toDbDate(today) } },
      orderBy: [{ date: "desc" }, { at: "asc" }],
      select: {
        date: true,
        status: true,
        byId: true,
        at: true,
        note: true,
        planItem: {
          select: { activity: { select: { builtinKey: true, name: true, why: true, minutes: true, suits: true } } },
        },
      },
    }),
    db.caregiver.findMany({
      where: { householdId: me.householdId },
      select: { id: true, user: { select: { name: true } } },
    }),
  ]);
  const names = new Map(caregivers.map((c) => [c.id, c.user.name]));
  const byDate = new Map<string, THistoryDay["moments"]>();
  for (const r of rows) {
    const d = fromDbDate(r.date);
    const list = byDate.get(d) ?? [];
    list.push({
      activityName: activityWords(r.planItem.activity).name,
      byName: names.get(r.byId) ?? null,
      at: r.at.toISOString(),
      note: r.note,
      status: r.status,
    });
    byDate.set(d, list);
  }
  const dayList = datesBetween(from, today)
    .reverse()
    .map((date) => ({ date, moments: byDate.get(date) ?? [] }));
  const daysWith = dayList.filter((d) => d.moments.some((m) => m.status === "done")).length;
  return { today, count: { daysWith, of: days }, days: dayList };
}
