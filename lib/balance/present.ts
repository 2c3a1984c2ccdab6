// Presentation helpers for the Balance page (pure, no data reads): how a
// measure splits between the parents, and which one warning leads.
import type { TWarning } from "@/lib/balance/warnings";

/**
 * Whole percentages of `values` that add up to exactly 100 (largest
 * remainder), so a split bar never reads "Sam 67% · Alex 34%". Null when
 * there is nothing to split (all zero, or no values).
 */
export function splitPercents(values: number[]): number[] | null {
  const total = values.reduce((s, v) => s + Math.max(0, v), 0);
  if (!(total > 0)) return null;
  const exact = values.map((v) => (Math.max(0, v) / total) * 100);
  const out = exact.map(Math.floor);
  let left = 100 - out.reduce((s, v) => s + v, 0);
  const byRemainder = exact.map((v, i) => ({ i, r: v - Math.floor(v) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

/**
 * The one warning the page shows: the caregiver with the most reasons (the
 * first of them on a tie, in the order lib/balance/warnings.ts gives). One
 * card with one action, so the page never asks in both directions at once
 * ("Offer to take Mon" for one and "Ask Sam to take tonight" for the other).
 */
export function leadWarning(warnings: TWarning[]): TWarning | null {
  let lead: TWarning | null = null;
  for (const w of warnings) if (!lead || w.reasons.length > lead.reasons.length) lead = w;
  return lead;
}
