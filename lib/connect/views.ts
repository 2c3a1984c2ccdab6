import "server-only";
import { z } from "zod";
import { householdQuery } from "@/lib/context";
import { addDays, localDateOf, toLocalDate, weekStartOf, type TLocalDate } from "@/lib/time/local-date";
import { localeConventions } from "@/lib/i18n/locales";
import { ZId } from "@/lib/validation";
import { nightWindow } from "@/lib/nights/night-window";
import { readLibrary, type TActivityView } from "./activities";
import { readMomentsCount, type TMomentsCount } from "./history";
import { checkDateInRange, readPlanRange, type TPlanRange } from "./read-plan";
import { readSuggestion, type TSuggestion } from "./suggestions";

// What the Connect screens read, each in a fixed number of SQL statements
// (test/integration/connect-queries.test.ts holds them to it).

export type TConnectDay = {
  date: TLocalDate;
  plan: TPlanRange;
  library: TActivityView[];
  suggestion: TSuggestion | null;
  moments: TMomentsCount;
};

/** A page's `?date=`: a day that is missing, not a real date, or too far away falls back to today. */
const ZViewInput = z.object({
  householdId: ZId,
  date: z
    .unknown()
    .optional()
    .transform((v) => toLocalDate(v)),
});

function dayOrToday(date: TLocalDate | null, today: TLocalDate): TLocalDate {
  if (!date) return today;
  try {
    return checkDateInRange(date, today);
  } catch {
    return today;
  }
}

/** The day view: the day's plan, the library for the add form, the hard-night card, the gentle count. */
export const getConnectDay = householdQuery(
  ZViewInput,
  {},
  async ({ me, household, data, now }): Promise<TConnectDay> => {
    const today = localDateOf(now, household.timeZone);
    const day = dayOrToday(data.date, today);
    const [plan, library, moments] = await Promise.all([
      readPlanRange(me, day, day, now, household.timeZone),
      readLibrary(me),
      readMomentsCount(me, today),
    ]);
    // The hard-night card only once that night is over (not at 02:30 while it is still going).
    const lastNight = nightWindow(addDays(today, -1), household.timeZone, household.nightStart, household.nightEnd);
    const suggestion = now >= lastNight.end ? await readSuggestion(me, day, today, plan.caregivers, now) : null;
    return { date: day, plan, library, suggestion, moments };
  },
);

export type TConnectWeek = { weekStart: TLocalDate; plan: TPlanRange };

/**
 * The week view: the seven days of the week containing `date` (today by
 * default), from the household's first day of the week (Monday, or Sunday
 * in en-US: lib/i18n/locales.ts).
 */
export const getConnectWeek = householdQuery(
  ZViewInput,
  {},
  async ({ me, household, data, now }): Promise<TConnectWeek> => {
    const today = localDateOf(now, household.timeZone);
    const start = weekStartOf(dayOrToday(data.date, today), localeConventions(household.locale).firstDay);
    const plan = await readPlanRange(me, start, addDays(start, 6), now, household.timeZone);
    return { weekStart: start, plan };
  },
);
