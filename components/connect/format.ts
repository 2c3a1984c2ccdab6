// Connect's own choices, in the order the form offers them; their words are in
// the catalogue (connect.part.*, connect.recurrence.*). Dates, times,
// durations and weekday names are formatted with useFormat/getFormat.

import type { PartOfDay, Recurrence } from "@/lib/generated/prisma/enums";

/** The parts of the day in the order the form offers them (labels: connect.part.<part>). */
export const PARTS: readonly PartOfDay[] = ["any", "morning", "afternoon", "evening"];

/** How often, as the form offers it (labels: connect.recurrence.<value>). */
export const RECURRENCES: readonly Recurrence[] = ["once", "daily", "weekdays", "days", "every_n"];

/** Monday to Sunday for the "which days" picker: the ISO numbers the server reads (names: f.isoWeekdayName). */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
