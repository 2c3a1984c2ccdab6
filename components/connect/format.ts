// Connect's own labels. Dates, times and durations are formatted by lib/format.ts.

import type { PartOfDay, Recurrence } from "@/lib/generated/prisma/enums";
import { isoWeekdayName } from "@/lib/format";

export const PART_LABEL: Record<PartOfDay, string> = {
  any: "Any time",
  morning: "Morning",
  afternoon: "Afternoon",
  evening: "Evening",
};

/** The parts of the day in the order the form offers them. */
export const PARTS = Object.keys(PART_LABEL) as PartOfDay[];

/** How often, as the form offers it. */
export const RECURRENCE_LABEL: Record<Recurrence, string> = {
  once: "Just this day",
  daily: "Every day",
  weekdays: "Weekdays (Monday to Friday)",
  days: "On chosen days of the week",
  every_n: "Every few days",
};

/** Monday to Sunday for the "which days" picker: the ISO number the server reads, and the names. */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7].map((n) => ({
  n,
  short: isoWeekdayName(n, "short"),
  long: isoWeekdayName(n),
}));
