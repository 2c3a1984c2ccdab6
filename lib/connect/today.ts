import "server-only";
import { cache } from "react";
import type { TActor } from "@/lib/auth/actor";
import { invalid } from "@/lib/errors";
import { requireMember } from "@/lib/household/guard";
import { localToday, readPlanRange, type TPlanItemView } from "./read-plan";
import { isRealDate } from "@/lib/time/local-date";

export { localToday };
export type { TPlanItemView };

export type TDayPlan = { date: string; items: TPlanItemView[] };

/**
 * One day's connection plan (local date YYYY-MM-DD in the household's time
 * zone), recurring items expanded, each with its check-off if any. Used by
 * the Connect day view, the Tonight card and the "while you were asleep"
 * summary; keep this signature stable.
 */
export const getDayPlan = cache(readDayPlan);

/** getDayPlan without the per-render memo (Tonight's card and the morning summary share one read). */
async function readDayPlan(actor: TActor | null, householdId: unknown, date: string): Promise<TDayPlan> {
  const me = await requireMember(actor, householdId);
  if (typeof date !== "string" || !isRealDate(date)) throw invalid("Choose a day.", { date: ["Choose a day."] });
  const range = await readPlanRange(me, date, date, new Date());
  return { date, items: range.days[0]?.items ?? [] };
}
