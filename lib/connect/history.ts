import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdQuery, type TMe } from "@/lib/context";
import type { CheckOffStatus } from "@/lib/generated/prisma/enums";
import { addDays, datesBetween, fromDbDate, localDateOf, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { ZId } from "@/lib/validation";
import { activityText } from "./library";
import { storedNoteText } from "./hard-night";
import { msg } from "@/lib/i18n/text";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";

// History counts the days that had a connection moment, gently: "11 of the
// last 14 days". No streaks (a missed day breaks nothing) and nothing red.

export const HISTORY_DAYS = 14;

export type TMomentsCount = { daysWith: number; of: number };

/** How many of the last `days` days (today included) had something done. One query. */
export async function readMomentsCount(me: TMe, today: TLocalDate, days = HISTORY_DAYS): Promise<TMomentsCount> {
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

/** Encouraging words for the count, as a message reference (connect.moments.*); never a scold. */
export function describeMoments({ daysWith, of }: TMomentsCount): string {
  if (daysWith === 0) return msg("connect.moments.none");
  if (daysWith === of) return msg("connect.moments.every", { of });
  return msg("connect.moments.some", { daysWith, of });
}

export type THistoryDay = {
  date: TLocalDate;
  moments: {
    /** A message reference for a built-in, as typed for the household's own (useText/getText). */
    activityName: string;
    byName: string | null;
    at: string;
    note: string | null;
    status: CheckOffStatus;
  }[];
};
export type THistory = { today: TLocalDate; timeZone: string; count: TMomentsCount; days: THistoryDay[] };

/** What was done on each of the last two weeks' days, by whom, newest first. A fixed handful of queries. */
export const getHistory = householdQuery(
  z.object({ householdId: ZId }),
  {},
  async ({ me, household, now }): Promise<THistory> => {
    const days = HISTORY_DAYS;
    const today = localDateOf(now, household.timeZone);
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
        select: { id: true, ...CAREGIVER_NAME_SELECT },
      }),
    ]);
    const names = new Map(caregivers.map((c) => [c.id, caregiverName(c)]));
    const byDate = new Map<string, THistoryDay["moments"]>();
    for (const r of rows) {
      const d = fromDbDate(r.date);
      const list = byDate.get(d) ?? [];
      list.push({
        activityName: activityText(r.planItem.activity).name,
        byName: names.get(r.byId) ?? null,
        at: r.at.toISOString(),
        note: storedNoteText(r.note),
        status: r.status,
      });
      byDate.set(d, list);
    }
    const dayList = datesBetween(from, today)
      .reverse()
      .map((date) => ({ date, moments: byDate.get(date) ?? [] }));
    const daysWith = dayList.filter((d) => d.moments.some((m) => m.status === "done")).length;
    return { today, timeZone: household.timeZone, count: { daysWith, of: days }, days: dayList };
  },
);
