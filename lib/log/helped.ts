// What helped the baby settle: the one list, in the order it is offered. The
// server's schema (lib/log/wakings.ts) and the toggles (components/log) both
// read it, so a new entry needs its label here (and in the catalogue, under
// `log.helped`) and nowhere else. Pure.

import { msg } from "@/lib/i18n/text";

export const HELPED = ["breast", "bottle", "rock", "hold", "skin-to-skin", "diaper", "white-noise", "other"] as const;
export type THelped = (typeof HELPED)[number];

/** Each value's key in the catalogue's `log.helped.options`. */
const KEYS: Record<THelped, string> = {
  breast: "breast",
  bottle: "bottle",
  rock: "rock",
  hold: "hold",
  "skin-to-skin": "skinToSkin",
  // Stored as "diaper"; "Nappy" in en-GB, "Diaper" in en-US (the catalogue).
  diaper: "diaper",
  "white-noise": "whiteNoise",
  other: "other",
};

const keyOf = (value: string): string | undefined => (KEYS as Record<string, string>)[value];

/** The list as the form offers it: `{ value, label }`, in order; `label` is a message reference (lib/i18n/text.ts). */
export const HELPED_OPTIONS = HELPED.map((value) => ({ value, label: msg(`log.helped.options.${KEYS[value]}`) }));

/** The label for a stored value ("rock" → "Rock", as a message reference); an unknown value is shown as it is. */
export function helpedLabel(value: string): string {
  const key = keyOf(value);
  return key ? msg(`log.helped.options.${key}`) : value;
}

/** The chosen values in the list's order, whatever order they were tapped in. */
export function inListOrder(values: readonly string[]): THelped[] {
  return HELPED.filter((h) => values.includes(h));
}
