// The hard-night rule: thresholds, who carried the night, and the words.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { describeHardNight, HARD_NIGHT_AWAKE_MINUTES, HARD_NIGHT_WAKINGS, judgeNight } from "@/lib/connect/hard-night";
import { describeMoments } from "@/lib/connect/history";
import { activityText, BUILTINS, SUITS, SUITS_LABEL } from "@/lib/connect/library";
import { english } from "@/lib/i18n/english";

const T0 = Date.parse("2026-11-26T01:00:00Z");
const waking = (by: string, startMin: number, minutes: number | null) => ({
  responderId: by,
  startedAt: new Date(T0 + startMin * 60_000),
  endedAt: minutes === null ? null : new Date(T0 + (startMin + minutes) * 60_000),
});
const NOW = new Date(T0 + 600 * 60_000);

describe("judgeNight", () => {
  it("a quiet night is not hard", () => {
    const n = judgeNight(
      { wakings: [waking("a", 0, 20), waking("b", 120, 15), waking("a", 240, 10)], tapOuts: [] },
      NOW,
    );
    expect(n).toMatchObject({ hard: false, reasons: [], wakings: 3, longestMinutes: 20 });
  });
  it("four wakings is hard", () => {
    const n = judgeNight({ wakings: [0, 60, 120, 180].map((m) => waking("a", m, 5)), tapOuts: [] }, NOW);
    expect(n).toMatchObject({ hard: true, reasons: ["many-wakings"], tiredId: "a" });
    expect(english(describeHardNight(n))).toBe("4 wakings");
  });
  it("one long stretch awake is hard, at exactly the threshold", () => {
    expect(judgeNight({ wakings: [waking("b", 0, HARD_NIGHT_AWAKE_MINUTES - 1)], tapOuts: [] }, NOW).hard).toBe(false);
    const n = judgeNight({ wakings: [waking("b", 0, HARD_NIGHT_AWAKE_MINUTES)], tapOuts: [] }, NOW);
    expect(n).toMatchObject({ hard: true, reasons: ["long-awake"], tiredId: "b", longestMinutes: 45 });
    expect(english(describeHardNight(n))).toBe("One stretch of 45 minutes awake");
  });
  it("a waking still open counts up to now", () => {
    expect(judgeNight({ wakings: [waking("a", 0, null)], tapOuts: [] }, new Date(T0 + 50 * 60_000))).toMatchObject({
      hard: true,
      longestMinutes: 50,
    });
  });
  it("any tap-out is hard; with nothing else the one who asked is the tired one", () => {
    const n = judgeNight({ wakings: [], tapOuts: [{ requesterId: "b" }] }, NOW);
    expect(n).toMatchObject({ hard: true, reasons: ["tap-out"], tiredId: "b" });
    expect(english(describeHardNight(n))).toBe("A call for help");
  });
  it("all three reasons, said together", () => {
    const n = judgeNight(
      {
        wakings: [waking("a", 0, 60), waking("a", 90, 5), waking("b", 120, 5), waking("a", 200, 5)],
        tapOuts: [{ requesterId: "a" }],
      },
      NOW,
    );
    expect(english(describeHardNight(n))).toBe("4 wakings, one stretch of 60 minutes awake and a call for help");
    expect(n.tiredId).toBe("a");
  });
  it("the tired one carried the most minutes, whatever the order of the log", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            by: fc.constantFrom("a", "b", "c"),
            start: fc.integer({ min: 0, max: 500 }),
            minutes: fc.integer({ min: 0, max: 90 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (ws) => {
          const wakings = ws.map((w) => waking(w.by, w.start, w.minutes));
          const n = judgeNight({ wakings, tapOuts: [] }, NOW);
          const minutes = (id: string) => ws.filter((w) => w.by === id).reduce((s, w) => s + w.minutes, 0);
          expect(minutes(n.tiredId!)).toBe(Math.max(...["a", "b", "c"].map(minutes)));
          expect(judgeNight({ wakings: [...wakings].reverse(), tapOuts: [] }, NOW).tiredId).toBe(n.tiredId);
          expect(n.hard).toBe(ws.length >= HARD_NIGHT_WAKINGS || ws.some((w) => w.minutes >= HARD_NIGHT_AWAKE_MINUTES));
        },
      ),
    );
  });
});

describe("words", () => {
  it("the count is never a scold", () => {
    expect(english(describeMoments({ daysWith: 0, of: 14 }))).toMatch(/new chance/);
    expect(english(describeMoments({ daysWith: 11, of: 14 }))).toBe("Connection moments on 11 of the last 14 days.");
    expect(english(describeMoments({ daysWith: 14, of: 14 }))).toMatch(/every one of the last 14 days/);
  });
  it("built-ins take their words from code; the household's own from the row", () => {
    expect(new Set(BUILTINS.map((b) => b.key)).size).toBe(BUILTINS.length);
    for (const key of [
      "holding",
      "face-to-face",
      "skin-to-skin",
      "play",
      "narrate",
      "repair",
      "sing-read",
      "babywearing-walk",
      "take-the-morning",
    ]) {
      expect(BUILTINS.some((b) => b.key === key)).toBe(true);
    }
    expect(
      english(activityText({ builtinKey: "repair", name: "ignored", why: null, minutes: null, suits: [] }).name),
    ).toBe("Repair after a hard night");
    // The screens' words: a built-in's from the catalogue, the same British English as the code's.
    for (const b of BUILTINS) {
      const words = activityText({ builtinKey: b.key, name: null, why: null, minutes: null, suits: [] });
      expect([english(words.name), english(words.why), words.minutes]).toEqual([b.name, b.why, b.minutes]);
    }
    expect(SUITS.map((s) => english(SUITS_LABEL[s]))).toEqual([
      "Any time",
      "After a feed",
      "Before bed",
      "After a hard night",
    ]);
    expect(activityText({ builtinKey: null, name: "Bath", why: null, minutes: null, suits: [] }).name).toBe("Bath");
    expect(activityText({ builtinKey: null, name: "Bath", why: "Warm", minutes: 20, suits: ["before-bed"] })).toEqual({
      name: "Bath",
      why: "Warm",
      minutes: 20,
      suits: ["before-bed"],
    });
  });
});
