// Local calendar dates ("YYYY-MM-DD") in the household's time zone: the one
// place for date arithmetic. Pure and free of server-only code, so server and
// client components share it. Arithmetic goes through UTC midnight, where no
// daylight-saving change can move a date.

/** A calendar date, "YYYY-MM-DD", in the household's time zone. */
export type TLocalDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The dates Attune accepts anywhere a person can type or send one. */
export const FIRST_LOCAL_DATE = "2000-01-01";
export const LAST_LOCAL_DATE = "2100-12-31";

/** [year, month, day] of a local date; throws for anything else (a bug, not input: input goes through ZLocalDate). */
export function dateParts(date: TLocalDate): [number, number, number] {
  const m = DATE.exec(date);
  if (!m) throw new Error(`Not a local date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** True for a real calendar date written "YYYY-MM-DD" (2025-02-31 is not). */
export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A real date between 2000 and 2100, or null: for URL parameters, where a bad value falls back quietly. */
export function toLocalDate(value: unknown): TLocalDate | null {
  if (typeof value !== "string" || !isRealDate(value)) return null;
  return value >= FIRST_LOCAL_DATE && value <= LAST_LOCAL_DATE ? value : null;
}

/** Midnight UTC of a local date: how Postgres `date` columns travel through Prisma. */
export function toDbDate(date: TLocalDate): Date {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m - 1, d));
}

/** The local date a Postgres `date` column holds. */
export function fromDbDate(date: Date): TLocalDate {
  return date.toISOString().slice(0, 10);
}

/** Days since 1970-01-01 (for arithmetic and "every N days" rules). */
export function dayNumber(date: TLocalDate): number {
  return Math.round(toDbDate(date).getTime() / DAY_MS);
}

export function fromDayNumber(n: number): TLocalDate {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: TLocalDate, days: number): TLocalDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function daysBetween(from: TLocalDate, to: TLocalDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: TLocalDate, to: TLocalDate): TLocalDate[] {
  const out: TLocalDate[] = [];
  for (let n = dayNumber(from), last = dayNumber(to); n <= last; n++) out.push(fromDayNumber(n));
  return out;
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(date: TLocalDate): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week a date is in. */
export function mondayOf(date: TLocalDate): TLocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/**
 * The first day of the week containing `date`, for a week that starts on the
 * ISO weekday `firstDay` (1 = Monday … 7 = Sunday; lib/i18n/locales.ts's
 * localeConventions().firstDay): mondayOf for 1, the Sunday before (or on) for 7.
 */
export function weekStartOf(date: TLocalDate, firstDay: number): TLocalDate {
  return addDays(date, -((isoWeekday(date) - firstDay + 7) % 7));
}

export function firstOfMonth(date: TLocalDate): TLocalDate {
  return `${date.slice(0, 7)}-01`;
}

export function addMonths(date: TLocalDate, months: number): TLocalDate {
  const [y, m] = dateParts(date);
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

const ymd = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date of an instant in a time zone. */
export function localDateOf(instant: Date | string, timeZone: string): TLocalDate {
  let f = ymd.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone });
    ymd.set(timeZone, f);
  }
  const parts = f.formatToParts(typeof instant === "string" ? new Date(instant) : instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
