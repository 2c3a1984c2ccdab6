import { z } from "zod";
import { msg } from "@/lib/i18n/text";

let known: Set<string> | undefined;
const zones = () => (known ??= new Set(Intl.supportedValuesOf("timeZone")));

/** True for IANA names this runtime knows (and "UTC"). */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    // Accepts aliases (Asia/Calcutta) by their canonical name; refuses offsets like "+01:00".
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone: tz }).resolvedOptions().timeZone;
    return canonical === "UTC" || zones().has(canonical);
  } catch {
    return false;
  }
}

export const ZTimeZone = z
  .string({ error: "Choose a time zone." })
  .trim()
  .refine(isValidTimeZone, "That isn't a time zone we know. Pick one from the list, like Europe/Berlin.");

/** "19:00" → 1140 (minutes after local midnight). */
export function parseClock(value: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 60 + Number(m[2]);
}

export const ZClock = (what: string) =>
  z.string({ error: msg("validation.enter", { what }) }).transform((s, ctx) => {
    const minutes = parseClock(s);
    if (minutes === null) {
      ctx.addIssue({ code: "custom", message: msg("validation.clock", { what }) });
      return z.NEVER;
    }
    return minutes;
  });
