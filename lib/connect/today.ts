import "server-only";
import { cache } from "react";
import { z } from "zod";
import { householdQuery, type TMe } from "@/lib/context";
import { localDateOf, type TLocalDate } from "@/lib/time/local-date";
import { ZLocalDate } from "@/lib/time/schemas";
import { ZId } from "@/lib/validation";
import { readPlanDays, type TPlanItemView } from "./read-plan";

export type { TPlanItemView };

/** One day's plan items, each with its check-off if any. JSON as it is (GET /api/connect/today). */
export type TDayPlan = { date: TLocalDate; items: TPlanItemView[] };

/**
 * One day's connection plan (a local date in the household's time zone),
 * recurring items expanded, each with its check-off if any: for a caller
 * whose membership is already checked (the Tonight card, the morning
 * summary). Three statements, read once per page render however many cards
 * ask for the same day (React's cache, keyed by plain values).
 */
export function readDayPlan(me: TMe, date: TLocalDate): Promise<TDayPlan> {
  return dayPlanThisRender(me.householdId, me.caregiverId, date);
}

const dayPlanThisRender = cache(
  async (householdId: string, caregiverId: string, date: TLocalDate): Promise<TDayPlan> => {
    const { days } = await readPlanDays({ householdId, caregiverId }, date, date);
    return { date, items: days[0]?.items ?? [] };
  },
);

/** One day's plan, for a member of the household. */
export const getDayPlan = householdQuery(z.object({ householdId: ZId, date: ZLocalDate }), {}, async ({ me, data }) =>
  readDayPlan(me, data.date),
);

/**
 * Today's plan, today being the household's (its zone, the request's "now"):
 * the Tonight card's items, and GET /api/connect/today.
 */
export const getTodayPlan = householdQuery(z.object({ householdId: ZId }), {}, async ({ me, household, now }) =>
  readDayPlan(me, localDateOf(now, household.timeZone)),
);
