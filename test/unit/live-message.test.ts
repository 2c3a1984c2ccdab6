import { describe, expect, it } from "vitest";
import { LIVE_EVENT_TYPES, parseLiveMessage, parseWireMessage } from "@/lib/live/message";
import { invalidationsFor, LIVE_INVALIDATES } from "@/lib/live/query-keys";

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

  it("maps every event type to query keys; unknown types and resync refetch everything", () => {
    for (const t of LIVE_EVENT_TYPES) expect(LIVE_INVALIDATES[t].length, t).toBeGreaterThan(0);
    expect(invalidationsFor("household.changed")).toContainEqual(["household"]);
    expect(invalidationsFor("shift.changed")).toContainEqual(["nights"]);
    expect(invalidationsFor("waking.started")).toContainEqual(["tonight"]);
    expect(invalidationsFor("resync")).toBe("all");
    expect(invalidationsFor("something.new")).toBe("all");
    expect(invalidationsFor("constructor")).toBe("all");
  });
});
