// The one place that turns times, dates and durations into words. Instants are
// shown in the household's time zone (never the browser's). Two locales decide
// how: the caregiver's language (weekday and month names, word order) and the
// household's conventions (a 12- or 24-hour clock, lib/i18n/locales.ts), so
// both partners see the same clock whatever language each reads.
// Pure, so server and client components share it: components take a bound
// formatter from useFormat() (client) or getFormat() (server), lib/i18n/format*.
import { accent } from "@/lib/i18n/accent";
import { localeConventions, type TAnyLocale } from "@/lib/i18n/locales";
import { dayNumber, localDateOf, type TLocalDate } from "@/lib/time/local-date";

/** The few words Intl can't give in every language, from the catalogue's "format" namespace. */
export type TFormatWords = {
  hoursMinutes: (hours: number, minutes: number) => string;
  hours: (hours: number) => string;
  minutes: (minutes: number) => string;
  underAMinute: string;
};

/** English words, for server texts not yet translated (mail, the calendar feed, rota reasons). */
const ENGLISH_WORDS: TFormatWords = {
  hoursMinutes: (h, m) => `${h} h ${m} min`,
  hours: (h) => `${h} h`,
  minutes: (m) => `${m} min`,
  underAMinute: "under 1 min",
};

export type TFormatSettings = {
  /** The reader's language. */
  locale: TAnyLocale;
  /** The household's conventions: the clock. */
  householdLocale: TAnyLocale;
  words?: TFormatWords;
};

const asInstant = (at: string | Date) => (typeof at === "string" ? new Date(at) : at);

// A local date is not an instant: format it at noon UTC so no zone moves it to another day.
const dateAsUtcNoon = (date: TLocalDate) => new Date(`${date}T12:00:00Z`);

// ICU puts thin and narrow no-break spaces in ranges and before AM/PM, and
// browsers and Node disagree about which: plain spaces keep server and client
// renders identical.
const plainSpaces = (s: string) => s.replace(/[\u2009\u202f]/g, " ");

/** The pseudo-locale formats as British English (Intl doesn't know en-XA). */
const intlLocale = (locale: TAnyLocale) => (locale === "en-XA" ? "en-GB" : locale);

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.ListFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** The formatters a component gets from useFormat, in the browser as on the server. */
export type TFormat = ReturnType<typeof createFormat>;
/** Those and the longer forms only the server shows (getFormat, useServerFormat, lib's texts). */
export type TServerFormat = ReturnType<typeof createServerFormat>;

/** What every formatter is built on, for one reader's language and one household's clock. */
function formatTools({ locale, householdLocale, words = ENGLISH_WORDS }: TFormatSettings) {
  const lang = intlLocale(locale);
  const { hour12 } = localeConventions(householdLocale);
  const dtf = (key: string, options: Intl.DateTimeFormatOptions) =>
    memo(`${lang}|${key}`, () => new Intl.DateTimeFormat(lang, options));
  const clockOptions: Intl.DateTimeFormatOptions = hour12
    ? { hour: "numeric", minute: "2-digit", hour12: true }
    : { hour: "2-digit", minute: "2-digit", hourCycle: "h23" };

  /** An instant as a wall-clock time in a zone: "19:00" (or "7:00 PM" on a 12-hour clock). */
  const clockIn = (at: string | Date, timeZone: string): string =>
    plainSpaces(dtf(`clock|${hour12}|${timeZone}`, { ...clockOptions, timeZone }).format(asInstant(at)));

  /** "Fri 27 Nov". */
  const shortDay = (date: TLocalDate): string =>
    dtf("shortDay", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(dateAsUtcNoon(date));

  /** "Friday 27 November" (with the year when it isn't `currentYear`). */
  const longDay = (date: TLocalDate, currentYear?: number): string => {
    const withYear = currentYear !== undefined && Number(date.slice(0, 4)) !== currentYear;
    return dtf(`longDay|${withYear}`, {
      weekday: "long",
      day: "numeric",
      month: "long",
      ...(withYear ? { year: "numeric" } : {}),
      timeZone: "UTC",
    }).format(dateAsUtcNoon(date));
  };

  const durationShort = (ms: number): string => {
    const total = Math.round(ms / 60_000);
    const h = Math.floor(total / 60);
    const m = total % 60;
    if (!h) return words.minutes(m);
    return m ? words.hoursMinutes(h, m) : words.hours(h);
  };

  return { lang, hour12, words, dtf, clockOptions, clockIn, shortDay, longDay, durationShort };
}

/**
 * The formatters client components use (useFormat), bound to a reader's
 * language and a household's clock. The longer forms only the server shows
 * are in createServerFormat, so the browser does not load them (#11).
 */
export function createFormat(settings: TFormatSettings) {
  const { locale, householdLocale } = settings;
  const { lang, hour12, words, dtf, clockIn, shortDay, longDay, durationShort } = formatTools(settings);

  const format = {
    locale,
    householdLocale,
    hour12,

    /** Minutes after local midnight as a clock: 1140 → "19:00" ("7:00 PM"). */
    formatClock(minutes: number): string {
      const m = ((minutes % 1440) + 1440) % 1440;
      return clockIn(new Date(Date.UTC(2000, 0, 1, Math.floor(m / 60), m % 60)), "UTC");
    },

    clockIn,

    /** Compact clock for chips: "19" on the hour, "19:30" otherwise ("7 PM", "7:30 PM"). */
    shortClockIn(at: string | Date, timeZone: string): string {
      const full = clockIn(at, timeZone);
      if (!hour12) return full.endsWith(":00") ? full.slice(0, 2) : full;
      return full.replace(":00", "");
    },

    shortDay,
    longDay,

    /** An ISO weekday (1 = Monday … 7 = Sunday) by name: "Monday", or "Mon" when short. */
    isoWeekdayName(isoWeekday: number, width: "long" | "short" = "long"): string {
      // 1 to 7 January 2024 ran Monday to Sunday.
      return dtf(`isoWeekday|${width}`, { weekday: width, timeZone: "UTC" }).format(
        dateAsUtcNoon(`2024-01-0${isoWeekday}`),
      );
    },

    /** 39_600_000 → "11 hours"; 41_400_000 → "11 hours 30 minutes"; 0 → "0 minutes". */
    durationWords(ms: number): string {
      const total = Math.round(ms / 60_000);
      const unit = (n: number, u: "hour" | "minute") =>
        memo(
          `${lang}|unit|${u}`,
          () => new Intl.NumberFormat(lang, { style: "unit", unit: u, unitDisplay: "long" }),
        ).format(n);
      const parts = [
        Math.floor(total / 60) ? unit(Math.floor(total / 60), "hour") : "",
        total % 60 ? unit(total % 60, "minute") : "",
      ].filter(Boolean);
      if (!parts.length) return unit(0, "minute");
      return memo(`${lang}|unitList`, () => new Intl.ListFormat(lang, { type: "unit", style: "narrow" })).format(parts);
    },

    /** 21_600_000 → "6 h"; 23_400_000 → "6 h 30 min"; 0 → "0 min". */
    durationShort,

    /** A count of minutes, compactly: 0 → "under 1 min"; 17 → "17 min"; 75 → "1 h 15 min". */
    minutesText(minutes: number): string {
      return minutes < 1 ? words.underAMinute : durationShort(minutes * 60_000);
    },

    /** Names joined for a sentence: "Sam", "Sam and Alex", "Sam, Alex and Gran". */
    listNames(names: string[]): string {
      return memo(`${lang}|list`, () => new Intl.ListFormat(lang, { type: "conjunction" })).format(names);
    },
  };
  return locale === "en-XA" ? accented(format) : format;
}

/** Every formatter: createFormat's and the longer forms of server pages, mail and push. */
export function createServerFormat(settings: TFormatSettings) {
  const { lang, hour12, dtf, clockOptions, clockIn, shortDay, longDay } = formatTools(settings);

  const more = {
    /** An instant as day and time in a zone: "Fri 27 Nov, 14:03". */
    dayTimeIn(at: string | Date, timeZone: string): string {
      return `${shortDay(localDateOf(asInstant(at), timeZone))}, ${clockIn(at, timeZone)}`;
    },

    /** An instant as a full day and time in a zone: "Monday 7 December at 08:30" (a mail or banner's date). */
    longDayTimeIn(at: string | Date, timeZone: string): string {
      return plainSpaces(
        dtf(`longDayTime|${hour12}|${timeZone}`, {
          weekday: "long",
          day: "numeric",
          month: "long",
          ...clockOptions,
          timeZone,
        }).format(asInstant(at)),
      );
    },

    /** "Friday". */
    weekdayName(date: TLocalDate): string {
      return dtf("weekday", { weekday: "long", timeZone: "UTC" }).format(dateAsUtcNoon(date));
    },

    /** "November 2025". */
    monthName(date: TLocalDate): string {
      return dtf("month", { month: "long", year: "numeric", timeZone: "UTC" }).format(dateAsUtcNoon(date));
    },

    /** "14 September 2026" (a birth date, say). */
    longDate(date: TLocalDate): string {
      return dtf("longDate", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
        dateAsUtcNoon(date),
      );
    },

    /** An instant as a short date in a zone: "3 Dec". */
    shortDateIn(at: string | Date, timeZone: string): string {
      return dtf(`shortDate|${timeZone}`, { day: "numeric", month: "short", timeZone }).format(asInstant(at));
    },

    /** "Today", "Yesterday", "Tomorrow" or "Thursday 26 November". */
    relativeDay(date: TLocalDate, today: TLocalDate): string {
      const diff = dayNumber(date) - dayNumber(today);
      if (Math.abs(diff) > 1) return longDay(date);
      const word = memo(`${lang}|relative`, () => new Intl.RelativeTimeFormat(lang, { numeric: "auto" })).format(
        diff,
        "day",
      );
      return capitalise(word);
    },

    /** "24 – 30 November 2025", "27 November – 3 December 2025", "29 December 2025 – 4 January 2026". */
    rangeLabel(first: TLocalDate, last: TLocalDate): string {
      return plainSpaces(
        dtf("range", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).formatRange(
          dateAsUtcNoon(first),
          dateAsUtcNoon(last),
        ),
      );
    },
  };
  return { ...createFormat(settings), ...(settings.locale === "en-XA" ? accented(more) : more) };
}

/** The pseudo-locale's dates and times accented too, so a test can tell untranslated words from them. */
function accented<T extends Record<string, unknown>>(format: T): T {
  return Object.fromEntries(
    Object.entries(format).map(([k, v]) => [
      k,
      typeof v === "function"
        ? (...args: unknown[]) => accent(String((v as (...a: unknown[]) => unknown)(...args)))
        : v,
    ]),
  ) as T;
}

/** Minutes between two instants, at least 0. */
export function minutesBetween(start: string | Date, end: string | Date): number {
  return Math.max(0, Math.round((asInstant(end).getTime() - asInstant(start).getTime()) / 60_000));
}

/** A sentence's first letter in capitals: "alex was unavailable" → "Alex was unavailable". */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ── server texts not yet translated (#14 stage 2: mail, feed, rota reasons, warnings) ──

/**
 * British English with a 24-hour clock: what lib/ writes its own sentences
 * with until those move into the catalogue. Components never use these
 * (eslint: no-restricted-imports); they format in the reader's language.
 * Made on first use, so the browser's bundle keeps none of it.
 */
let british: TFormat | undefined;
const inBritish = () => (british ??= createFormat({ locale: "en-GB", householdLocale: "en-GB" }));

/** 1140 → "19:00". */
export const formatClock = (minutes: number): string => inBritish().formatClock(minutes);
/** An instant as a 24-hour clock in a zone: "19:00". */
export const clockIn = (at: string | Date, timeZone: string): string => inBritish().clockIn(at, timeZone);

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

/** 3 → "third", 21 → "21st", 112 → "112th" (English server texts only). */
export function ordinal(n: number): string {
  if (n >= 0 && n < ORDINAL_WORDS.length) return ORDINAL_WORDS[n]!;
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
}
