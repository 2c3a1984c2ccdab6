import { addDays, type TLocalDate } from "@/lib/time/local-date";
// Words for the morning check-in, shared by the server and the form (no
// server-only imports), and the rest suggestion as a pure function.

export const MOODS = ["low", "flat", "okay", "good", "great"] as const;
export type TMood = (typeof MOODS)[number];

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
