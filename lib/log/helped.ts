// What helped the baby settle: the one list, in the order it is offered. The
// server's schema (lib/log/wakings.ts) and the toggles (components/log) both
// read it, so a new entry needs its label here and nowhere else. Pure.

export const HELPED = ["breast", "bottle", "rock", "hold", "skin-to-skin", "diaper", "white-noise", "other"] as const;
export type THelped = (typeof HELPED)[number];

const LABELS: Record<THelped, string> = {
  breast: "Feed: breast",
  bottle: "Feed: bottle",
  rock: "Rock",
  hold: "Hold",
  "skin-to-skin": "Skin-to-skin",
  diaper: "Nappy",
  "white-noise": "White noise",
  other: "Other",
};

/** The list as the form offers it: `{ value, label }`, in order. */
export const HELPED_OPTIONS = HELPED.map((value) => ({ value, label: LABELS[value] }));

/** The label for a stored value ("rock" → "Rock"); an unknown value is shown as it is. */
export function helpedLabel(value: string): string {
  return (LABELS as Record<string, string>)[value] ?? value;
}

/** The chosen values in the list's order, whatever order they were tapped in. */
export function inListOrder(values: readonly string[]): THelped[] {
  return HELPED.filter((h) => values.includes(h));
}
