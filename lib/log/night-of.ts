import { nightWindow } from "@/lib/nights/night-window";
import { addDays, localDateOf, type TLocalDate } from "@/lib/time/local-date";

/**
 * The night an instant belongs to: the latest night that started at or before
 * it (03:00 belongs to the night that began yesterday evening; a nap at 14:00
 * is filed under last night too, rather than a night that hasn't begun).
 */
export function nightOf(instant: Date, timeZone: string, nightStart: number, nightEnd: number): TLocalDate {
  const today = localDateOf(instant, timeZone);
  return nightWindow(today, timeZone, nightStart, nightEnd).start <= instant ? today : addDays(today, -1);
}
