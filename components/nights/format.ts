// Formatting for the night screens: times are always shown in the household's
// time zone (not the browser's), with a 24-hour clock. Pure, so server and
// client components share it.

const LOCALE = "en-GB";
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, options);
    formatters.set(key, f);
  }
  return f;
}

const asInstant = (at: string | Date) => (typeof at === "string" ? new Date(at) : at);

/** An instant as a wall-clock time in a zone: "19:00". */
export function clockIn(at: string | Date, timeZone: string): string {
  return formatter(`clock|${timeZone}`, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(
    asInstant(at),
  );
}

/** Compact clock for chips: "19" on the hour, "19:30" otherwise. */
export function shortClockIn(at: string | Date, timeZone: string): string {
  const full = clockIn(at, timeZone);
  return full.endsWith(":00") ? full.slice(0, 2) : full;
}

/** Minutes after local midnight of an instant in a zone (for time inputs and gaps). */
export function minutesIn(at: string | Date, timeZone: string): number {
  const [h, m] = clockIn(at, timeZone).split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The local calendar date of an instant in a zone: "2025-11-27". */
export function localDateIn(at: string | Date, timeZone: string): string {
  const parts = formatter(`ymd|${timeZone}`, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    timeZone,
  }).formatToParts(asInstant(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

// A night's name is a calendar date, not an instant: format it at noon UTC so
// no zone can move it to another day.
const dateAsUtcNoon = (date: string) => new Date(`${date}T12:00:00Z`);

/** "Fri 27 Nov". */
export function shortDay(date: string): string {
  return formatter("shortDay", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
    dateAsUtcNoon(date),
  );
}

/** "Friday 27 November" (with the year when it isn't `currentYear`: "Saturday 27 March 2027"). */
export function longDay(date: string, currentYear?: number): string {
  const withYear = currentYear !== undefined && Number(date.slice(0, 4)) !== currentYear;
  const dayMonth = formatter(`dayMonth|${withYear}`, {
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
    timeZone: "UTC",
  }).format(dateAsUtcNoon(date));
  return `${weekdayName(date)} ${dayMonth}`;
}

/** "Friday". */
export function weekdayName(date: string): string {
  return formatter("weekday", { weekday: "long", timeZone: "UTC" }).format(dateAsUtcNoon(date));
}

/** "November 2025". */
export function monthName(date: string): string {
  return formatter("month", { month: "long", year: "numeric", timeZone: "UTC" }).format(dateAsUtcNoon(date));
}

/** "24 – 30 November 2025", "27 November – 3 December 2025", "29 Dec 2025 – 4 Jan 2026". */
export function rangeLabel(first: string, last: string): string {
  const [y1, m1] = [first.slice(0, 4), first.slice(5, 7)];
  const [y2, m2] = [last.slice(0, 4), last.slice(5, 7)];
  const day = (d: string) => String(Number(d.slice(8, 10)));
  const month = (d: string) => formatter("monthOnly", { month: "long", timeZone: "UTC" }).format(dateAsUtcNoon(d));
  if (y1 !== y2) return `${day(first)} ${month(first)} ${y1} – ${day(last)} ${month(last)} ${y2}`;
  if (m1 !== m2) return `${day(first)} ${month(first)} – ${day(last)} ${month(last)} ${y2}`;
  return `${day(first)} – ${day(last)} ${month(last)} ${y2}`;
}

/** An instant as day and time in a zone: "Fri 27 Nov, 14:03". */
export function dayTimeIn(at: string | Date, timeZone: string): string {
  return `${shortDay(localDateIn(at, timeZone))}, ${clockIn(at, timeZone)}`;
}

/** 39_600_000 → "11 hours"; 41_400_000 → "11 hours 30 minutes"; 5_400_000 → "1 hour 30 minutes". */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} ${h === 1 ? "hour" : "hours"}` : "";
  const mins = m ? `${m} ${m === 1 ? "minute" : "minutes"}` : "";
  return [hours, mins].filter(Boolean).join(" ") || "0 minutes";
}

/** 21_600_000 → "6 h"; 23_400_000 → "6 h 30 min". */
export function durationShort(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** "19:00" from minutes after midnight. */
export function clockOfMinutes(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** Names joined for a sentence: "Sam", "Sam and Alex", "Sam, Alex and Gran". */
export function listNames(names: string[]): string {
  return new Intl.ListFormat(LOCALE, { type: "conjunction" }).format(names);
}

function nextDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

function previousDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10);
}

/**
 * A stretch of unavailability in words: "Fri 27 Nov – Sun 29 Nov (whole days)",
 * "Fri 27 Nov (all day)", "Fri 27 Nov, 06:00–09:00", "Fri 27 Nov 18:00 – Sat 28 Nov 09:00".
 */
export function stretchText(start: string, end: string, timeZone: string): string {
  const [sd, ed] = [localDateIn(start, timeZone), localDateIn(end, timeZone)];
  const [sc, ec] = [clockIn(start, timeZone), clockIn(end, timeZone)];
  if (sc === "00:00" && ec === "00:00" && ed > sd) {
    const lastDay = previousDate(ed);
    return lastDay === sd ? `${shortDay(sd)} (all day)` : `${shortDay(sd)} – ${shortDay(lastDay)} (whole days)`;
  }
  if (sd === ed) return `${shortDay(sd)}, ${sc}–${ec}`;
  return `${shortDay(sd)} ${sc} – ${shortDay(ed)} ${ec}`;
}

export { nextDate, previousDate };
