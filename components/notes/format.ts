import { createFormat, type TFormat } from "@/lib/format";
import { dateParts, localDateOf } from "@/lib/time/local-date";

/**
 * When a note was written, in the household's zone, as the pieces a message
 * puts together (notes.card.written*): today, this year, or another year.
 */
export type TWritten =
  | { kind: "today"; clock: string }
  | { kind: "day"; day: string; clock: string }
  | { kind: "dayYear"; day: string; year: string; clock: string };

/** `f`: the reader's formatter (useFormat/getFormat), for their words and the household's clock. */
export function writtenParts(
  at: string,
  timeZone: string,
  now: Date,
  f: Pick<TFormat, "clockIn" | "shortDay">,
): TWritten {
  const day = localDateOf(at, timeZone);
  const today = localDateOf(now, timeZone);
  const clock = f.clockIn(at, timeZone);
  if (day === today) return { kind: "today", clock };
  const [year] = dateParts(day);
  return year === dateParts(today)[0]
    ? { kind: "day", day: f.shortDay(day), clock }
    : { kind: "dayYear", day: f.shortDay(day), year: String(year), clock };
}

const BRITISH = createFormat({ locale: "en-GB", householdLocale: "en-GB" });

/** The same in en-GB words: "today, 14:05", "Tue 24 Nov, 14:05", "Tue 24 Nov 2025, 14:05" (the card says it through the catalogue). */
export function whenWritten(at: string, timeZone: string, now: Date): string {
  const w = writtenParts(at, timeZone, now, BRITISH);
  if (w.kind === "today") return `today, ${w.clock}`;
  return w.kind === "day" ? `${w.day}, ${w.clock}` : `${w.day} ${w.year}, ${w.clock}`;
}
