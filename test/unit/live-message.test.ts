import { describe, expect, it } from "vitest";
import { LIVE_EVENT_TYPES, parseLiveMessage, parseWireMessage } from "@/lib/live/message";
import { invalidationsFor, LIVE_INVALIDATES, QUERY_PREFIXES } from "@/lib/live/query-keys";

const H = "0b7f3c1e-8a0d-4a58-9a6f-0e7c2d1b9a10";

describe("live messages", () => {
  it("reads a NOTIFY payload and keeps ids only", () => {
    const m = parseLiveMessage(
      JSON.stringify({
        id: "42",
        type: "waking.started",
        householdId: H,
        ids: ["w1", 7],
        actorCaregiverId: H,
        extra: "x",
      }),
    );
    expect(m).toEqual({ id: "42", type: "waking.started", householdId: H, ids: ["w1"], actorCaregiverId: H });
  });

  it("refuses what isn't an event", () => {
    for (const bad of [
      "",
      "not json",
      "null",
      "[]",
      JSON.stringify({ id: 42, type: "x", householdId: H }),
      JSON.stringify({ id: "1", type: "x" }),
    ]) {
      expect(parseLiveMessage(bad), bad).toBeNull();
    }
    expect(parseLiveMessage(JSON.stringify({ id: "1", type: "shift.changed", householdId: "' OR 1=1" }))).toBeNull();
    expect(parseWireMessage(JSON.stringify({ id: "1", type: "<script>" }))).toBeNull();
  });

  it("maps event types only to queries that exist, and every query to some event; unknown types refetch everything", () => {
    const prefixes = QUERY_PREFIXES.map((p) => p[0]);
    const used = new Set<string>();
    for (const t of LIVE_EVENT_TYPES)
      for (const [prefix] of LIVE_INVALIDATES[t]) {
        expect(prefixes, `${t} invalidates "${prefix}", which no key factory makes`).toContain(prefix);
        used.add(prefix);
      }
    expect([...used].sort()).toEqual([...prefixes].sort());
    expect(invalidationsFor("waking.started")).toEqual([["log"]]);
    expect(invalidationsFor("plan.changed")).toEqual([["connect"]]);
    expect(invalidationsFor("note.changed")).toEqual([["notes"]]);
    expect(invalidationsFor("shift.changed")).toEqual([]);
    expect(invalidationsFor("resync")).toBe("all");
    expect(invalidationsFor("something.new")).toBe("all");
    expect(invalidationsFor("constructor")).toBe("all");
  });
});
