import { clockIn, shortDay } from "@/lib/format";
import { dateParts, localDateOf } from "@/lib/time/local-date";

/** When a note was written, in the household's zone: "today, 14:05", "Tue 24 Nov, 14:05", "Tue 24 Nov 2025, 14:05". */
export function whenWritten(at: string, timeZone: string, now: Date): string {
  const day = localDateOf(at, timeZone);
  const today = localDateOf(now, timeZone);
  const clock = clockIn(at, timeZone);
  if (day === today) return `today, ${clock}`;
  const [year] = dateParts(day);
  return `${shortDay(day)}${year === dateParts(today)[0] ? "" : ` ${year}`}, ${clock}`;
}
