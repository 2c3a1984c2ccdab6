import { afterEach, describe, expect, it, vi } from "vitest";
import { requestNow, TEST_CLOCK_COOKIE } from "@/lib/clock";
import { fakeRequest } from "../helpers/request";

describe("request clock", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  it("ignores the test cookie unless the server runs with ATTUNE_TEST_CLOCK=1", async () => {
    // The real clock, frozen so "falls back to it" is an equality.
    const wall = new Date("2027-03-04T05:06:07.000Z");
    vi.useFakeTimers({ toFake: ["Date"], now: wall });
    vi.stubEnv("ATTUNE_TEST_CLOCK", undefined);
    fakeRequest.cookieJar.set(TEST_CLOCK_COOKIE, "2030-01-01T00:00:00Z");
    expect((await requestNow()).toISOString()).toBe(wall.toISOString());
    vi.stubEnv("ATTUNE_TEST_CLOCK", "1");
    expect((await requestNow()).toISOString()).toBe("2030-01-01T00:00:00.000Z");
    fakeRequest.cookieJar.set(TEST_CLOCK_COOKIE, "garbage");
    expect((await requestNow()).toISOString()).toBe(wall.toISOString());
  });
});
