import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";

export const TEST_CLOCK_COOKIE = "attune-test-now";

/**
 * The time a page is rendered for. Only when the server runs with
 * ATTUNE_TEST_CLOCK=1 (the Playwright suite; never a deployment) may a cookie
 * pin it, so the server agrees with Playwright's clock in the browser.
 * One instant per page render (React's cache), so every card on a page agrees
 * on "now" and reads keyed by it are shared; actions get a fresh one per call.
 */
export const requestNow = cache(async (): Promise<Date> => {
  if (process.env.ATTUNE_TEST_CLOCK === "1") {
    const pinned = Date.parse((await cookies()).get(TEST_CLOCK_COOKIE)?.value ?? "");
    if (!Number.isNaN(pinned)) return new Date(pinned);
  }
  return new Date();
});
