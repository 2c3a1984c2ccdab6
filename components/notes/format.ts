// Times on notes, in the household's zone: "14:05" today, "Tue 24 Nov, 14:05" before.
import { clockIn, localDateIn, shortDay } from "@/components/nights/format";

export function whenWritten(at: string, timeZone: string, now: Date): string {
  const day = localDateIn(at, timeZone);
  if (day === localDateIn(now, timeZone)) return `today, ${clockIn(at, timeZone)}`;
  const thisYear = day.slice(0, 4) === localDateIn(now, timeZone).slice(0, 4);
  return `${shortDay(day)}${thisYear ? "" : ` ${day.slice(0, 4)}`}, ${clockIn(at, timeZone)}`;
}
