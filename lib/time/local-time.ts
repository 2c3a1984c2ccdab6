/**
 * Local wall-clock time → instant, resolved the same way on every server.
 *
 * Rule (docs/decisions/0007-local-times-across-dst.md), the same as
 * Temporal's "compatible" disambiguation and RFC 5545:
 * - a local time that does not exist (clocks spring forward) moves forward by
 *   the length of the gap: 02:30 on the New York spring-forward day is 03:30 EDT;
 * - a local time that exists twice (clocks fall back) takes its first
 *   occurrence, the earlier instant: 01:30 on the New York fall-back day is
 *   01:30 EDT.
 *
 * Why not a `TZDate` built from the fields: its answer for a repeated time
 * depends on the *process's* time zone (TZ env): 01:30 in Europe/London on
 * 2026-10-25 came out as 01:30Z on a UTC server but 00:30Z on a London one.
 * Here we only ask `Intl` for UTC offsets (`tzOffset`), which does not depend
 * on the system zone. `instantAt` below is the everyday form.
 */
import { tzOffset } from "@date-fns/tz";
import { dateParts, type TLocalDate } from "@/lib/time/local-date";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** "exact": the time exists once; "skipped": it fell in a spring-forward gap; "repeated": it happened twice. */
export type TLocalTimeKind = "exact" | "skipped" | "repeated";

/** UTC offset in minutes at an instant (positive east of Greenwich). */
function offsetAt(timeZone: string, ms: number): number {
  const offset = tzOffset(timeZone, new Date(ms));
  if (Number.isNaN(offset)) throw new Error(`Unknown time zone: ${timeZone}`);
  return offset;
}

/**
 * The instant of a local wall-clock time (minutes after midnight) on a local
 * date, and whether that time was skipped or repeated by a DST change (so the
 * UI can say "02:30 does not exist that night; the shift starts at 03:30").
 */
export function resolveLocalTime(
  date: TLocalDate,
  minutes: number,
  timeZone: string,
): { instant: Date; kind: TLocalTimeKind } {
  const [y, m, d] = dateParts(date);
  // The wall-clock fields read as if they were UTC.
  const wall = Date.UTC(y, m - 1, d, 0, minutes);
  // Offsets a day either side bracket any single DST change around this time.
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  const candidates = new Set<number>();
  for (const offset of new Set([
    before,
    after,
    offsetAt(timeZone, wall - before * MINUTE),
    offsetAt(timeZone, wall - after * MINUTE),
  ])) {
    const ms = Math.round(wall - offset * MINUTE);
    // A candidate is real when the zone really has that offset at that instant.
    if (offsetAt(timeZone, ms) === offset) candidates.add(ms);
  }
  if (candidates.size === 0) {
    // In the gap: read the time with the offset from before the change, which
    // lands the same distance past the change as the time was past its start.
    return { instant: new Date(Math.round(wall - before * MINUTE)), kind: "skipped" };
  }
  const earliest = Math.min(...candidates);
  return { instant: new Date(earliest), kind: candidates.size > 1 ? "repeated" : "exact" };
}

/**
 * The instant at a local wall-clock time (minutes after midnight) on a local
 * date, by the rule above (docs/decisions/0007).
 */
export function instantAt(date: TLocalDate, minutes: number, timeZone: string): Date {
  return resolveLocalTime(date, minutes, timeZone).instant;
}

/**
 * An instant as ISO 8601 with the zone's UTC offset at that instant
 * ("2026-10-25T01:30:00.000+01:00"): the same moment as toISOString(), but a
 * spreadsheet or a person reads the local wall clock off it (the export).
 */
export function isoInZone(instant: Date, timeZone: string): string {
  const offset = offsetAt(timeZone, instant.getTime());
  const wall = new Date(instant.getTime() + offset * MINUTE).toISOString().slice(0, -1);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** An instant's wall clock in a zone as a machine value, "02:14", for a form's time field (never shown as words). */
export function clockValueIn(at: string | Date, timeZone: string): string {
  return isoInZone(new Date(at), timeZone).slice(11, 16);
}

/** Minutes after local midnight as a machine value, "19:00", for <input type="time"> and forms (never shown as words). */
export function clockValue(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}
