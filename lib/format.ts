// The one place that turns times, dates and durations into words. Instants are
// shown in the household's time zone (never the browser's), on a 24-hour clock.
// Pure, so server and client components share it.
import { dayNumber, localDateOf, type TLocalDate } from "@/lib/time/local-date";

/** Every household speaks en-GB today; en-US is the other English the words below know. */
type TLocale = "en-GB" | "en-US";
const LOCALE: TLocale = "en-GB";
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

// A local date is not an instant: format it at noon UTC so no zone moves it to another day.
const dateAsUtcNoon = (date: TLocalDate) => new Date(`${date}T12:00:00Z`);

// ── clock times ──────────────────────────────────────────────────────────────

/** Minutes after local midnight as a clock: 1140 → "19:00". */
export function formatClock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

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

/** An instant as day and time in a zone: "Fri 27 Nov, 14:03". */
export function dayTimeIn(at: string | Date, timeZone: string): string {
  return `${shortDay(localDateOf(asInstant(at), timeZone))}, ${clockIn(at, timeZone)}`;
}

/** An instant as a full day and time in a zone: "Monday 7 December at 08:30" (a mail or banner's date). */
export function longDayTimeIn(at: string | Date, timeZone: string): string {
  return `${longDay(localDateOf(asInstant(at), timeZone))} at ${clockIn(at, timeZone)}`;
}

// ── days ─────────────────────────────────────────────────────────────────────

/** "Fri 27 Nov". */
export function shortDay(date: TLocalDate): string {
  return formatter("shortDay", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(
    dateAsUtcNoon(date),
  );
}

/** "Friday 27 November" (with the year when it isn't `currentYear`: "Saturday 27 March 2027"). */
export function longDay(date: TLocalDate, currentYear?: number): string {
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
export function weekdayName(date: TLocalDate): string {
  return formatter("weekday", { weekday: "long", timeZone: "UTC" }).format(dateAsUtcNoon(date));
}

/** "November 2025". */
export function monthName(date: TLocalDate): string {
  return formatter("month", { month: "long", year: "numeric", timeZone: "UTC" }).format(dateAsUtcNoon(date));
}

/** "14 September 2026" (a birth date, say). */
export function longDate(date: TLocalDate): string {
  return formatter("longDate", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    dateAsUtcNoon(date),
  );
}

/** An instant as a short date in a zone: "3 Dec". */
export function shortDateIn(at: string | Date, timeZone: string): string {
  return formatter(`shortDate|${timeZone}`, { day: "numeric", month: "short", timeZone }).format(asInstant(at));
}

/** "Today", "Yesterday", "Tomorrow" or "Thursday 26 November". */
export function relativeDay(date: TLocalDate, today: TLocalDate): string {
  const diff = dayNumber(date) - dayNumber(today);
  if (diff === 0) return "Today";
  if (diff === -1) return "Yesterday";
  if (diff === 1) return "Tomorrow";
  return longDay(date);
}

/** "24 – 30 November 2025", "27 November – 3 December 2025", "29 December 2025 – 4 January 2026". */
export function rangeLabel(first: TLocalDate, last: TLocalDate): string {
  const [y1, m1] = [first.slice(0, 4), first.slice(5, 7)];
  const [y2, m2] = [last.slice(0, 4), last.slice(5, 7)];
  const day = (d: string) => String(Number(d.slice(8, 10)));
  const month = (d: string) => formatter("monthOnly", { month: "long", timeZone: "UTC" }).format(dateAsUtcNoon(d));
  if (y1 !== y2) return `${day(first)} ${month(first)} ${y1} – ${day(last)} ${month(last)} ${y2}`;
  if (m1 !== m2) return `${day(first)} ${month(first)} – ${day(last)} ${month(last)} ${y2}`;
  return `${day(first)} – ${day(last)} ${month(last)} ${y2}`;
}

/** An ISO weekday (1 = Monday … 7 = Sunday) by name: "Monday", or "Mon" when short. */
export function isoWeekdayName(isoWeekday: number, width: "long" | "short" = "long"): string {
  // 1 to 7 January 2024 ran Monday to Sunday.
  return formatter(`isoWeekday|${width}`, { weekday: width, timeZone: "UTC" }).format(
    dateAsUtcNoon(`2024-01-0${isoWeekday}`),
  );
}

// ── durations ────────────────────────────────────────────────────────────────

const unit = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** 39_600_000 → "11 hours"; 41_400_000 → "11 hours 30 minutes"; 5_400_000 → "1 hour 30 minutes". */
export function durationWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return (
    [h ? unit(h, "hour", "hours") : "", m ? unit(m, "minute", "minutes") : ""].filter(Boolean).join(" ") || "0 minutes"
  );
}

/** 21_600_000 → "6 h"; 23_400_000 → "6 h 30 min"; 0 → "0 min". */
export function durationShort(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** A count of minutes, compactly: 0 → "under 1 min"; 17 → "17 min"; 75 → "1 h 15 min". */
export function minutesText(minutes: number): string {
  return minutes < 1 ? "under 1 min" : durationShort(minutes * 60_000);
}

/** Minutes between two instants, at least 0. */
export function minutesBetween(start: string | Date, end: string | Date): number {
  return Math.max(0, Math.round((asInstant(end).getTime() - asInstant(start).getTime()) / 60_000));
}

// ── words ────────────────────────────────────────────────────────────────────

const ORDINAL_WORDS = [
  "zeroth",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];

/** 3 → "third", 21 → "21st", 112 → "112th". */
export function ordinal(n: number): string {
  if (n >= 0 && n < ORDINAL_WORDS.length) return ORDINAL_WORDS[n]!;
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}

/** A sentence's first letter in capitals: "alex was unavailable" → "Alex was unavailable". */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Names joined for a sentence: "Sam", "Sam and Alex", "Sam, Alex and Gran". */
export function listNames(names: string[]): string {
  return new Intl.ListFormat(LOCALE, { type: "conjunction" }).format(names);
}

// ── words that differ between locales ──────────────────────────────────────

const LOCAL_WORDS: Record<TLocale, { nappy: string }> = {
  "en-GB": { nappy: "Nappy" },
  "en-US": { nappy: "Diaper" },
};

/** A word in the household's English ("nappy" is "Nappy" in en-GB, "Diaper" only in en-US). */
export function localWord(word: keyof (typeof LOCAL_WORDS)[TLocale], locale: TLocale = LOCALE): string {
  return LOCAL_WORDS[locale][word];
}
