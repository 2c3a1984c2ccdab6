// Words and limits for the morning check-in, shared by the server and the
// form (no server-only imports), and the rest suggestion as a pure function.
import { Mood } from "@/lib/generated/prisma/enums";
import { addDays, type TLocalDate } from "@/lib/time/local-date";
import { msg } from "@/lib/i18n/text";

/** The moods, low to great, in the database's own order. */
export const MOODS = Object.values(Mood);
export type TMood = Mood;

/** The longest note a check-in keeps. */
export const NOTE_MAX = 500;

/** Each mood's word, as a message reference (lib/i18n/text.ts). */
export const MOOD_WORDS: Record<TMood, string> = {
  low: msg("balance.moods.low"),
  flat: msg("balance.moods.flat"),
  okay: msg("balance.moods.okay"),
  good: msg("balance.moods.good"),
  great: msg("balance.moods.great"),
};

/** The Karolinska sleepiness scale's ends and middle, in plain words (message references). */
export const SLEEPINESS_WORDS: Record<number, string> = {
  1: msg("balance.sleepiness.level1"),
  3: msg("balance.sleepiness.level3"),
  5: msg("balance.sleepiness.level5"),
  7: msg("balance.sleepiness.level7"),
  9: msg("balance.sleepiness.level9"),
};

export const REST_SLEEPINESS = 7;
export const REST_MORNINGS = 3;

/**
 * True when the caregiver's own check-ins show sleepiness of 7 or more on
 * 3 mornings in a row, the latest today or yesterday. A suggestion to rest
 * and to talk to someone; never a diagnosis.
 */
export function needsRest(own: { date: TLocalDate; sleepiness: number }[], today: TLocalDate): boolean {
  const high = new Set(own.filter((c) => c.sleepiness >= REST_SLEEPINESS).map((c) => c.date));
  for (const end of [today, addDays(today, -1)]) {
    let run = 0;
    while (run < REST_MORNINGS && high.has(addDays(end, -run))) run++;
    if (run >= REST_MORNINGS) return true;
  }
  return false;
}

/**
 * Said beside the rest suggestion when the household has written nothing of
 * its own (a message reference). Not clinical: it points to people who can help.
 */
export const DEFAULT_SUPPORT_TEXT = msg("balance.rest.defaultSupport");

/** The longest support text a household may write (Settings). */
export const SUPPORT_TEXT_MAX = 600;
