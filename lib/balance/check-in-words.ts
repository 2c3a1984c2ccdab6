// Words and limits for the morning check-in, shared by the server and the
// form (no server-only imports), and the rest suggestion as a pure function.
import { Mood } from "@/lib/generated/prisma/enums";
import { addDays, type TLocalDate } from "@/lib/time/local-date";

/** The moods, low to great, in the database's own order. */
export const MOODS = Object.values(Mood);
export type TMood = Mood;

/** The longest note a check-in keeps. */
export const NOTE_MAX = 500;

export const MOOD_WORDS: Record<TMood, string> = {
  low: "Low",
  flat: "Flat",
  okay: "Okay",
  good: "Good",
  great: "Great",
};

/** The Karolinska sleepiness scale's ends and middle, in plain words. */
export const SLEEPINESS_WORDS: Record<number, string> = {
  1: "Wide awake",
  3: "Alert",
  5: "Neither alert nor sleepy",
  7: "Sleepy, but no effort to stay awake",
  9: "Fighting sleep",
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
 * its own. Not clinical: it points to people who can help.
 */
export const DEFAULT_SUPPORT_TEXT =
  "You don't have to push through this alone. Your GP or health visitor can help, and a local parent helpline is there to listen, day or night. If you ever feel unsafe, call your local emergency number.";

/** The longest support text a household may write (Settings). */
export const SUPPORT_TEXT_MAX = 600;
