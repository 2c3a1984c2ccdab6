// The night log's pure parts: who may change what (used by the domain and the
// screens alike), the one list of what helped, and what the screen shows
// before the server answers.
import { describe, expect, it } from "vitest";
import { canAnswerTapOut, canEditWaking, mustAnswerTapOut } from "@/lib/log/rights";
import { HELPED, HELPED_OPTIONS, helpedLabel, inListOrder } from "@/lib/log/helped";
import { english } from "@/lib/i18n/english";
import { resolveText, type TTranslate } from "@/lib/i18n/text";
import { createTranslator } from "next-intl";
import { CATALOGUES } from "../helpers/intl";
import {
  isOptimistic,
  withEnded,
  withoutWaking,
  withReopened,
  withServerId,
  withStarted,
} from "@/components/log/optimistic";
import type { TTonightLog, TWakingView } from "@/lib/log/read-log";

const parent = { caregiverId: "p", role: "parent" as const };
const helper = { caregiverId: "h", role: "helper" as const };

describe("rights", () => {
  it("a waking is changed by whoever got up, or a parent", () => {
    expect(canEditWaking(parent, { responderId: "x" })).toBe(true);
    expect(canEditWaking(helper, { responderId: "h" })).toBe(true);
    expect(canEditWaking(helper, { responderId: "p" })).toBe(false);
  });

  it("a tap-out is answered by anyone but the one who asked, once", () => {
    expect(canAnswerTapOut(parent, { requesterId: "p" })).toBe(false);
    expect(canAnswerTapOut(helper, { requesterId: "p" })).toBe(true);
    expect(mustAnswerTapOut(helper, { requesterId: "p", answer: null })).toBe(true);
    expect(mustAnswerTapOut(helper, { requesterId: "p", answer: "coming" })).toBe(false);
  });
});

describe("what helped", () => {
  it("has a label for every value, in the list's order", () => {
    expect(HELPED_OPTIONS.map((o) => o.value)).toEqual([...HELPED]);
    expect(HELPED_OPTIONS.every((o) => english(o.label).length > 0)).toBe(true);
    expect(english(helpedLabel("rock"))).toBe("Rock");
    expect(helpedLabel("whisky")).toBe("whisky");
    // Stored as "diaper": "Nappy" in British English, "Diaper" in American (the catalogue).
    expect(english(helpedLabel("diaper"))).toBe("Nappy");
    const american = createTranslator({ locale: "en-US", messages: CATALOGUES["en-US"] }) as unknown as TTranslate;
    expect(resolveText(american, helpedLabel("diaper"))).toBe("Diaper");
    expect(inListOrder(["rock", "breast", "rock", "whisky"])).toEqual(["breast", "rock"]);
  });
});

describe("optimistic night log", () => {
  const waking = (id: string, over: Partial<TWakingView> = {}): TWakingView => ({
    id,
    babyId: "b1",
    babyName: "Pip",
    responderId: "p",
    responderName: "Sam",
    cryingAt: null,
    startedAt: "2026-12-02T03:00:00.000Z",
    endedAt: null,
    helped: [],
    note: null,
    version: 0,
    night: "2026-12-01",
    ...over,
  });
  const empty: TTonightLog = {
    night: "2026-12-01",
    babies: [{ id: "b1", name: "Pip" }],
    open: [],
    wakings: [],
    tapOuts: [],
  };
  const form = (values: Record<string, string | string[]>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(values)) for (const x of [v].flat()) f.append(k, x);
    return f;
  };

  it("I'm up opens a waking for the only baby; the server's id replaces it", () => {
    const started = withStarted(empty, form({ householdId: "h" }), { id: "p", name: "Sam" })!;
    expect(started.open).toHaveLength(1);
    expect(isOptimistic(started.open[0]!)).toBe(true);
    expect(started.wakings).toHaveLength(1);
    // A second tap for a baby already up changes nothing.
    expect(withStarted(started, form({}), { id: "p", name: "Sam" })).toBe(started);
    const real = withServerId(started, "b1", "w1")!;
    expect(real.open.map((w) => w.id)).toEqual(["w1"]);
    expect(real.wakings.map((w) => w.id)).toEqual(["w1"]);
  });

  it("back to sleep ends it with what helped; undo reopens; undoing I'm up removes it", () => {
    const w = waking("w1");
    const log = { ...empty, open: [w], wakings: [w] };
    const ended = withEnded(log, form({ wakingId: "w1", helped: ["rock", "breast"], note: " ok " }))!;
    expect(ended.open).toEqual([]);
    expect(ended.wakings[0]).toMatchObject({ helped: ["breast", "rock"], note: "ok" });
    expect(ended.wakings[0]!.endedAt).not.toBeNull();
    const reopened = withReopened(ended, form({ wakingId: "w1" }))!;
    expect(reopened.open.map((x) => x.id)).toEqual(["w1"]);
    expect(reopened.wakings[0]!.endedAt).toBeNull();
    expect(withoutWaking(reopened, form({ wakingId: "w1" }))).toMatchObject({ open: [], wakings: [] });
  });
});
