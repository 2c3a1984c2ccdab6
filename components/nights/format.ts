// Nights-specific wording. General formatting lives in lib/format.ts.
import { clockIn, shortDay } from "@/lib/format";
import { addDays, localDateOf } from "@/lib/time/local-date";

/**
 * A stretch of unavailability in words: "Fri 27 Nov – Sun 29 Nov (whole days)",
 * "Fri 27 Nov (all day)", "Fri 27 Nov, 06:00–09:00", "Fri 27 Nov 18:00 – Sat 28 Nov 09:00".
 */
export function stretchText(start: string, end: string, timeZone: string): string {
  const [sd, ed] = [localDateOf(start, timeZone), localDateOf(end, timeZone)];
  const [sc, ec] = [clockIn(start, timeZone), clockIn(end, timeZone)];
  if (sc === "00:00" && ec === "00:00" && ed > sd) {
    const lastDay = addDays(ed, -1);
    return lastDay === sd ? `${shortDay(sd)} (all day)` : `${shortDay(sd)} – ${shortDay(lastDay)} (whole days)`;
  }
  if (sd === ed) return `${shortDay(sd)}, ${sc}–${ec}`;
  return `${shortDay(sd)} ${sc} – ${shortDay(ed)} ${ec}`;
}
