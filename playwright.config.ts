import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://localhost:${port}`;

// Notifications need the full browser: the headless shell denies the permission
// and has no notification platform for a service worker to show one on.
const NOTIFICATIONS = ["**/push-settings.spec.ts", "**/push-sw.spec.ts"];
// The fuzzer hashes every table before and after each refused call, so it runs alone,
// after every other test (its own project, depending on the others).
const FUZZ = ["**/csp-fuzz.spec.ts"];

export default defineConfig({
  testDir: "e2e",
  // One production server, two browser workers (E2E_WORKERS to change): each
  // test has its own household, and no test changes what another one reads
  // (the shared demo account is only ever signed out on the test's own device).
  workers: Number(process.env.E2E_WORKERS ?? 2),
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: ".test-results/playwright.json" }]],
  use: {
    baseURL,
    // The browser's language decides a signed-out page's and a new account's (#14); the suite's English is en-GB.
    locale: "en-GB",
    // A trace records a screencast of every page: on two cores that was a fifth
    // of the browser's CPU. Recorded on the retry of a failed test instead (E2E_TRACE=on for all).
    trace: (process.env.E2E_TRACE as "on") ?? "on-first-retry",
    // The service worker precaches every script of the build in each new
    // browser context (three or four per test). Only the specs about it allow it.
    serviceWorkers: "block",
  },
  projects: [
    {
      // Debian's headless shell (scripts/ensure-chromium.sh says why not the full browser).
      name: "chromium",
      testIgnore: [...NOTIFICATIONS, ...FUZZ],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium-headless-shell" },
      },
    },
    {
      name: "chromium-full",
      testMatch: NOTIFICATIONS,
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: process.env.BENCH_CHROMIUM_PATH ?? "/usr/bin/chromium" },
      },
    },
    {
      name: "fuzz",
      testMatch: FUZZ,
      dependencies: ["chromium", "chromium-full"],
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/lib/chromium/chromium-headless-shell" },
      },
    },
  ],
  webServer: {
    // The production build (`next build` ran before) on a fresh embedded Postgres.
    command: "node_modules/.bin/tsx scripts/launch.ts start",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ATTUNE_FRESH: "1",
      ATTUNE_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e",
      PORT: String(port),
      DATABASE_URL: "",
      NODE_ENV: "production",
      // Lets a cookie pin the server's "now" to Playwright's clock (lib/clock.ts). Never set in a deployment.
      ATTUNE_TEST_CLOCK: "1",
      // Every spec signs people up from 127.0.0.1; the per-address sign-up limit is for the open internet.
      ATTUNE_SIGN_UP_PER_HOUR: "1000000",
    },
  },
});
