// The Balance page's presentation helpers (lib/balance/present.ts): a split
// always adds up to 100 and is null when there is nothing to split; one
// warning leads, so the page never asks in both directions at once.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { leadWarning, splitPercents } from "@/lib/balance/present";
import type { TWarning } from "@/lib/balance/warnings";

describe("splitPercents", () => {
  it("gives whole percentages that add up to 100", () => {
    expect(splitPercents([8, 2])).toEqual([80, 20]);
    expect(splitPercents([17, 3])).toEqual([85, 15]);
    expect(splitPercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitPercents([2, 1])).toEqual([67, 33]);
    expect(splitPercents([5, 0])).toEqual([100, 0]);
  });

  it("is null when there is nothing to split", () => {
    expect(splitPercents([])).toBeNull();
    expect(splitPercents([0, 0])).toBeNull();
    expect(splitPercents([0])).toBeNull();
    expect(splitPercents([-3, 0])).toBeNull();
    expect(splitPercents([Number.NaN, 0])).toBeNull();
  });

  it("for any counts: 100 in all, each within one point of its exact share", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 6 }), (xs) => {
        const pct = splitPercents(xs);
        const total = xs.reduce((s, x) => s + x, 0);
        // Not `return expect(…)`: fast-check fails a property that returns false, and
        // what the matcher returns is not meant as a verdict (all zeros failed this way).
        if (!total) {
          expect(pct).toBeNull();
          return;
        }
        expect(pct!.reduce((s, x) => s + x, 0)).toBe(100);
        xs.forEach((x, i) => expect(Math.abs(pct![i]! - (x / total) * 100)).toBeLessThan(1));
      }),
    );
  });
});

describe("leadWarning", () => {
  const w = (caregiverId: string, kinds: TWarning["reasons"][number]["kind"][]): TWarning => ({
    caregiverId,
    reasons: kinds.map((kind) => ({ kind, text: kind })),
    offer: null,
  });

  it("is the caregiver with the most reasons, the first on a tie, and nothing when all is well", () => {
    expect(leadWarning([])).toBeNull();
    expect(leadWarning([w("a", ["sleep"]), w("b", ["consecutive", "share"])])!.caregiverId).toBe("b");
    expect(leadWarning([w("a", ["sleep"]), w("b", ["share"])])!.caregiverId).toBe("a");
  });
});
