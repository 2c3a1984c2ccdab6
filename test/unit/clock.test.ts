import { afterEach, describe, expect, it } from "vitest";
import { requestNow, TEST_CLOCK_COOKIE } from "@/lib/clock";
import { fakeRequest } from "../helpers/request";

describe("request clock", () => {
  afterEach(() => {
    delete process.env.ATTUNE_TEST_CLOCK;
  });

  it("ignores the test cookie unless the server runs with ATTUNE_TEST_CLOCK=1", async () => {
    fakeRequest.cookieJar.set(TEST_CLOCK_COOKIE, "2030-01-01T00:00:00Z");
    expect((await requestNow()).getFullYear()).not.toBe(2030);
    process.env.ATTUNE_TEST_CLOCK = "1";
    expect((await requestNow()).toISOString()).toBe("2030-01-01T00:00:00.000Z");
    fakeRequest.cookieJar.set(TEST_CLOCK_COOKIE, "garbage");
    expect(Math.abs((await requestNow()).getTime() - Date.now())).toBeLessThan(60_000);
  });
});
