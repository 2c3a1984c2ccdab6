import { clockIn, shortDay } from "@/lib/format";
import { localDateOf } from "@/lib/time/local-date";
// Times on notes, in the household's zone: "14:05" today, "Tue 24 Nov, 14:05" before.

export function whenWritten(at: string, timeZone: string, now: Date): string {
  const day = localDateOf(at, timeZone);
  if (day === localDateOf(now, timeZone)) return `today, ${clockIn(at, timeZone)}`;
  const thisYear = day.slice(0, 4) === localDateOf(now, timeZone).slice(0, 4);
  return `${shortDay(day)}${thisYear ? "" : ` ${day.slice(0, 4)}`}, ${clockIn(at, timeZone)}`;
}
