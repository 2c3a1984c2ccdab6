import "server-only";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { requireMember } from "@/lib/household/guard";
import { readLibrary, type TActivityView } from "./activities";
import { readMomentsCount, type TMomentsCount } from "./history";
import { checkDateInRange, localToday, readPlanRange, type TPlanRange } from "./read-plan";
import { readSuggestion, type TSuggestion } from "./suggestions";
import { addDays, isRealDate, mondayOf } from "@/lib/time/local-date";

// What the Connect screens read, each in a fixed number of SQL statements
// (test/integration/connect-queries.test.ts holds them to it).

export type TConnectDay = {
  date: string;
  plan: TPlanRange;
  library: TActivityView[];
  suggestion: TSuggestion | null;
  moments: TMomentsCount;
};

async function zoneAndToday(householdId: string, now: Date) {
  const h = await db.household.findUniqueOrThrow({ where: { id: householdId }, select: { timeZone: true } });
  return { timeZone: h.timeZone, today: localToday(h.timeZone, now) };
}

/** A day that is missing or not a real date, or too far away, falls back to today. */
function dayOrToday(date: unknown, today: string): string {
  if (typeof date !== "string" || !isRealDate(date)) return today;
  try {
    return checkDateInRange(date, today);
  } catch {
    return today;
  }
}

/** The day view: the day's plan, the library for the add form, the hard-night card, the gentle count. */
export async function getConnectDay(
  actor: TActor | null,
  householdId: unknown,
  date: unknown,
  now = new Date(),
): Promise<TConnectDay> {
  const me = await requireMember(actor, householdId);
  const { timeZone, today } = await zoneAndToday(me.householdId, now);
  const day = dayOrToday(date, today);
  const [plan, library, moments] = await Promise.all([
    readPlanRange(me, day, day, now, timeZone),
    readLibrary(me),
    readMomentsCount(me, today),
  ]);
  const suggestion = await readSuggestion(me, day, today, plan.caregivers, now);
  return { date: day, plan, library, suggestion, moments };
}

export type TConnectWeek = { weekStart: string; plan: TPlanRange };

/** The week view: Monday to Sunday of the week containing `date` (today by default). */
export async function getConnectWeek(
  actor: TActor | null,
  householdId: unknown,
  date: unknown,
  now = new Date(),
): Promise<TConnectWeek> {
  const me = await requireMember(actor, householdId);
  const { timeZone, today } = await zoneAndToday(me.householdId, now);
  const start = mondayOf(dayOrToday(date, today));
  return { weekStart: start, plan: await readPlanRange(me, start, addDays(start, 6), now, timeZone) };
}
