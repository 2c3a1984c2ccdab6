// The built-in connection activities. Their words live here, in code: each
// household gets a row per built-in (so plan items can point at it, and it
// can be hidden), but the name and why always come from this list, so a
// better sentence here reaches every household at once. The English here is
// the data's (exports, imports); the screens show the catalogue's words for
// the reader's language (activityText below, connect.builtin.* and connect.suits.*).

import { msg } from "@/lib/i18n/text";

export const SUITS = ["any", "after-feed", "before-bed", "after-hard-night"] as const;
export type TSuits = (typeof SUITS)[number];

/** When an activity suits, as message references (connect.suits.*: "Any time", "After a feed"…). */
export const SUITS_LABEL: Record<TSuits, string> = {
  any: msg("connect.suits.any"),
  "after-feed": msg("connect.suits.afterFeed"),
  "before-bed": msg("connect.suits.beforeBed"),
  "after-hard-night": msg("connect.suits.afterHardNight"),
};

export type TBuiltin = { key: string; name: string; why: string; minutes: number; suits: TSuits[] };

export const BUILTINS: readonly TBuiltin[] = [
  {
    key: "holding",
    name: "Holding and cuddling",
    why: "Being held close tells a baby, without words, that someone is here and staying.",
    minutes: 15,
    suits: ["any", "after-feed"],
  },
  {
    key: "face-to-face",
    name: "Eye contact and face-to-face time",
    why: "Your face is the most interesting thing in their world; looking and smiling back and forth is how you get to know each other.",
    minutes: 10,
    suits: ["any", "after-feed"],
  },
  {
    key: "skin-to-skin",
    name: "Skin-to-skin",
    why: "Warmth, heartbeat and smell calm a baby's body, and often the grown-up's too.",
    minutes: 20,
    suits: ["any", "after-feed", "after-hard-night"],
  },
  {
    key: "play",
    name: "Play and delight",
    why: "A few minutes of silliness, peekaboo or blowing raspberries: your delight is how they learn they are a joy.",
    minutes: 10,
    suits: ["any"],
  },
  {
    key: "narrate",
    name: "Narrate the day and name feelings",
    why: "Telling them what is happening, and what they might be feeling, gives the day a shape and their feelings a name.",
    minutes: 10,
    suits: ["any", "before-bed"],
  },
  {
    key: "repair",
    name: "Repair after a hard night",
    why: "Name what happened, then reconnect: “Last night was hard and you cried a lot. I'm here now.” Making up matters more than getting it right.",
    minutes: 15,
    suits: ["after-hard-night"],
  },
  {
    key: "sing-read",
    name: "Singing or reading together",
    why: "A familiar voice and rhythm are soothing; it doesn't matter if you sing off-key or read the same book again.",
    minutes: 10,
    suits: ["any", "before-bed"],
  },
  {
    key: "babywearing-walk",
    name: "A walk with the baby in a carrier",
    why: "Close against you while the world goes by: movement, fresh air and your heartbeat all at once.",
    minutes: 30,
    suits: ["any", "after-feed"],
  },
  {
    key: "take-the-morning",
    name: "Take the morning so your partner can rest",
    why: "One of you has the baby for the morning while the one who carried the night sleeps in. Rest is care too.",
    minutes: 180,
    suits: ["after-hard-night"],
  },
];

export const BUILTIN_KEYS = BUILTINS.map((b) => b.key);
const byKey = new Map(BUILTINS.map((b) => [b.key, b]));

export function builtin(key: string | null | undefined): TBuiltin | undefined {
  return key ? byKey.get(key) : undefined;
}

/** A built-in's catalogue key: "face-to-face" → "faceToFace" (connect.builtin.<key>.name / .why). */
function catalogueKey(key: string): string {
  return key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/**
 * The words of an activity row for a screen: a built-in's name and why as
 * message references (the reader's language), the household's own as typed.
 */
export function activityText(row: {
  builtinKey: string | null;
  name: string | null;
  why: string | null;
  minutes: number | null;
  suits: string[];
}) {
  const b = builtin(row.builtinKey);
  if (b) {
    const key = catalogueKey(b.key);
    return {
      name: msg(`connect.builtin.${key}.name`),
      why: msg(`connect.builtin.${key}.why`),
      minutes: b.minutes,
      suits: b.suits as string[],
    };
  }
  return {
    name: row.name ?? msg("connect.library.unnamed"),
    why: row.why ?? "",
    minutes: row.minutes,
    suits: row.suits,
  };
}
