// The night-duty rights (docs/decisions/0008), as the domain and the UI both read them.
import { describe, expect, it } from "vitest";
import {
  canActForCaregiver,
  canAskSwap,
  canChangeUnavailability,
  canEditShift,
  canFillRota,
  canWithdrawSwap,
  mustAnswerSwap,
  swapAnswerer,
} from "@/lib/nights/rights";

const parent = { caregiverId: "p", role: "parent" as const };
const helper = { caregiverId: "h", role: "helper" as const };

describe("night-duty rights", () => {
  it("parents act for anyone; helpers only for themselves", () => {
    expect(canActForCaregiver(parent, "h")).toBe(true);
    expect(canActForCaregiver(helper, "h")).toBe(true);
    expect(canActForCaregiver(helper, "p")).toBe(false);
    expect(canEditShift(parent, { caregiverId: "x" })).toBe(true);
    expect(canEditShift(helper, { caregiverId: "p" })).toBe(false);
    expect(canChangeUnavailability(helper, { caregiverId: "h" })).toBe(true);
    expect(canChangeUnavailability(helper, { caregiverId: "p" })).toBe(false);
  });

  it("only parents fill the rota", () => {
    expect(canFillRota(parent)).toBe(true);
    expect(canFillRota(helper)).toBe(false);
  });

  it("the side that didn't ask answers a swap; only the asker withdraws it", () => {
    const offer = { requestedById: "a", fromId: "a", toId: "b" }; // a offers their shift to b
    const take = { requestedById: "b", fromId: "a", toId: "b" }; // b offers to take a's shift
    expect(swapAnswerer(offer)).toBe("b");
    expect(swapAnswerer(take)).toBe("a");
    expect(mustAnswerSwap({ caregiverId: "b" }, offer)).toBe(true);
    expect(mustAnswerSwap({ caregiverId: "a" }, offer)).toBe(false);
    expect(mustAnswerSwap({ caregiverId: "a" }, take)).toBe(true);
    expect(canWithdrawSwap({ caregiverId: "a" }, offer)).toBe(true);
    expect(canWithdrawSwap({ caregiverId: "b" }, offer)).toBe(false);
  });

  it("a swap can be asked for until the shift ends", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect(canAskSwap({ end: "2026-12-01T12:00:01Z" }, now)).toBe(true);
    expect(canAskSwap({ end: "2026-12-01T12:00:00Z" }, now)).toBe(false);
  });
});
