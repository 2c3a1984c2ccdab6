// When is a night "hard"? A gentle rule, not a diagnosis: the day after one,
// the plan offers a repair moment and some rest for whoever carried it.
// Thresholds (docs/decisions/0011-connect.md):
//   - 4 or more wakings in the night, or
//   - one waking that kept someone up 45 minutes or more, or
//   - any tap-out (the one on duty asked the other for help).

import { msg, parseMsg } from "@/lib/i18n/text";

export const HARD_NIGHT_WAKINGS = 4;
export const HARD_NIGHT_AWAKE_MINUTES = 45;

export type THardNightInput = {
  wakings: { responderId: string; startedAt: Date; endedAt: Date | null }[];
  tapOuts: { requesterId: string }[];
};

export type THardNightReason = "many-wakings" | "long-awake" | "tap-out";

export type THardNight = {
  hard: boolean;
  reasons: THardNightReason[];
  wakings: number;
  longestMinutes: number;
  /** Who carried the most of it (minutes awake, then wakings, then who asked for help), or null. */
  tiredId: string | null;
};

/** Judges one night from its log. Open wakings count up to `now`. */
export function judgeNight(input: THardNightInput, now: Date): THardNight {
  const load = new Map<string, { minutes: number; wakings: number; tapOuts: number }>();
  const of = (id: string) => {
    let l = load.get(id);
    if (!l) load.set(id, (l = { minutes: 0, wakings: 0, tapOuts: 0 }));
    return l;
  };
  let longest = 0;
  for (const w of input.wakings) {
    const end = w.endedAt ?? (now > w.startedAt ? now : w.startedAt);
    const minutes = Math.max(0, (end.getTime() - w.startedAt.getTime()) / 60_000);
    longest = Math.max(longest, minutes);
    const l = of(w.responderId);
    l.minutes += minutes;
    l.wakings += 1;
  }
  for (const t of input.tapOuts) of(t.requesterId).tapOuts += 1;
  const reasons: THardNightReason[] = [];
  if (input.wakings.length >= HARD_NIGHT_WAKINGS) reasons.push("many-wakings");
  if (longest >= HARD_NIGHT_AWAKE_MINUTES) reasons.push("long-awake");
  if (input.tapOuts.length > 0) reasons.push("tap-out");
  let tiredId: string | null = null;
  let best: { minutes: number; wakings: number; tapOuts: number } | null = null;
  for (const [id, l] of [...load.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (
      !best ||
      l.minutes > best.minutes ||
      (l.minutes === best.minutes &&
        (l.wakings > best.wakings || (l.wakings === best.wakings && l.tapOuts > best.tapOuts)))
    ) {
      best = l;
      tiredId = id;
    }
  }
  return {
    hard: reasons.length > 0,
    reasons,
    wakings: input.wakings.length,
    longestMinutes: Math.round(longest),
    tiredId,
  };
}

/**
 * "4 wakings", "One stretch of 50 minutes awake", "A call for help", or any
 * two or three of them in one sentence: why the card is there, said plainly.
 * A message reference (connect.hardNight.<reasons>), one message per
 * combination so each language says it whole; "" when the night wasn't hard.
 */
export function describeHardNight(n: THardNight): string {
  const key = [
    n.reasons.includes("many-wakings") ? "wakings" : "",
    n.reasons.includes("long-awake") ? "Awake" : "",
    n.reasons.includes("tap-out") ? "Help" : "",
  ].join("");
  if (!key) return "";
  const name = key[0]!.toLowerCase() + key.slice(1);
  return msg(`connect.hardNight.${name}`, { wakings: n.wakings, minutes: n.longestMinutes });
}

/**
 * The note a hard-night suggestion leaves on the plan item it adds. Stored
 * as British English (the household's data: exports, imports); planNoteText
 * turns it back into the reader's language.
 */
export function hardNightNote(kind: "repair" | "rest", tiredName: string | null): string {
  return kind === "rest" && tiredName
    ? `So ${tiredName} can rest after the night.`
    : "After a hard night: name what happened, then reconnect.";
}

/** What "just this day" writes on the skip it records (stored English, like hardNightNote). */
export const TAKEN_OFF_NOTE = "Taken off the plan for this day";

const REST_NOTE = /^So (.+) can rest after the night\.$/;

/**
 * A stored note for the screen: the words Attune itself wrote (hardNightNote,
 * TAKEN_OFF_NOTE) as message references; what people typed passes as it is.
 */
export function storedNoteText(note: string | null, origin: string | null = null): string | null {
  if (note === null || parseMsg(note)) return note;
  if (note === TAKEN_OFF_NOTE) return msg("connect.notes.takenOff");
  if (origin !== "after-hard-night") return note;
  if (note === hardNightNote("repair", null)) return msg("connect.notes.repair");
  const rest = REST_NOTE.exec(note);
  return rest ? msg("connect.notes.rest", { name: rest[1]! }) : note;
}
