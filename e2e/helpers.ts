// Page helpers shared by the specs. A household of two, signed in, comes from
// the fixtures (e2e/fixtures.ts).
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";

/**
 * Waits until Next has swapped in every streamed part of the page. While a
 * page streams behind a loading boundary, its content sits once more in a
 * hidden <div id="S:…"> until a small script moves it: a query in between
 * finds two of everything.
 */
export async function settle(page: Page) {
  await page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'));
}

export const PASSWORD = "a quiet night is a gift";

export function uniqueEmail(name: string): string {
  return `${name.toLowerCase()}-${randomBytes(4).toString("hex")}@example.com`;
}

/**
 * Fills in sign-up and creates the account. Sign-up answers a new and a taken
 * address alike (no account enumeration, docs/decisions/0016), so it lands on
 * sign-in with the email filled in: this signs in there and waits until the
 * app has taken us on to `next`. With expectFailure it stops after the click,
 * for tests of the form's own errors.
 */
export async function signUp(
  page: Page,
  name: string,
  email: string,
  password = PASSWORD,
  opts: { expectFailure?: boolean } = {},
) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  if (opts.expectFailure) return;
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Signs in and waits until the app has taken us in (or, with expectFailure, for the error). */
export async function signIn(page: Page, email: string, password = PASSWORD, opts: { expectFailure?: boolean } = {}) {
  await page.goto("/sign-in");
  await settle(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  if (opts.expectFailure) await expect(page.getByTestId("form-error")).not.toBeEmpty();
  else await expect(page).not.toHaveURL(/\/sign-in/);
}

/**
 * Signs a browser context in without a page: Auth.js's own credentials
 * endpoint (with its CSRF token), as a sign-in form posts it, so the context
 * holds the real session cookie. Fails unless Auth.js took the password and
 * set that cookie.
 */
export async function signInByRequest(ctx: BrowserContext, email: string, password = PASSWORD) {
  const { csrfToken } = (await (await ctx.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/tonight" },
    maxRedirects: 0,
  });
  const location = res.headers()["location"] ?? "";
  if (res.status() !== 302 || /[?&]error=/.test(location)) {
    throw new Error(`Signing ${email} in failed: ${res.status()} ${location}`);
  }
  if (!(await ctx.cookies()).some((c) => c.name.endsWith("authjs.session-token"))) {
    throw new Error(`${email} has no session cookie after signing in`);
  }
}

/**
 * Signs the page's browser context in (signInByRequest) and opens `path`, as
 * the sign-in form would have taken us there: for specs that are not about
 * signing in (the form itself is tested in account.spec.ts).
 */
export async function openSignedIn(page: Page, email: string, password = PASSWORD, path = "/tonight") {
  await signInByRequest(page.context(), email, password);
  await page.goto(path);
  await settle(page);
}

/** Sign up and create a household with a baby; returns the email. */
export async function newParentWithHousehold(page: Page, name: string, household: string): Promise<string> {
  const email = uniqueEmail(name);
  await page.goto("/sign-up");
  await settle(page);
  await signUp(page, name, email);
  await expect(page.getByRole("heading", { name: "Set up your household" })).toBeVisible();
  await page.getByLabel("Household name").fill(household);
  await page.getByLabel("Time zone").selectOption("Europe/London");
  await page.getByRole("button", { name: "Create household" }).click();
  await expect(page.getByRole("heading", { name: "Add your baby" })).toBeVisible();
  return email;
}

export const DEMO = { email: "sam@example.com", partner: "alex@example.com", password: "night-owls-unite" };

/** Pins "now" for the browser (Playwright's clock) and the test server (a cookie, see lib/clock.ts). */
export async function pinClock(ctx: BrowserContext, page: Page, now: Date) {
  await ctx.addCookies([{ name: "attune-test-now", value: now.toISOString(), url: "http://localhost" }]);
  await page.clock.setFixedTime(now);
}

/** Parent fills `weeks` of nights from `night`, taking turns. */
/** Sets a time of day (components/ui/clock-field.tsx: an hour and a minute select under one legend) to "HH:MM". */
export async function setClock(page: Page, label: string | RegExp, value: string) {
  const [hour, minute] = value.split(":").map(Number);
  const field = page.getByRole("group", { name: label });
  await field.getByLabel("Hour").selectOption(String(hour));
  await field.getByLabel("Minutes").selectOption(String(minute));
}

export async function fillRota(page: Page, night: string, weeks = 1) {
  await page.goto(`/nights?from=${night}`);
  await settle(page);
  await page.getByTestId("rota-panel").locator("summary").click();
  await page.getByRole("radio", { name: "Take turns, whole nights" }).check();
  await page.getByLabel("Starting from the night of").fill(night);
  await page.getByLabel("For how many weeks").fill(String(weeks));
  await page.getByRole("button", { name: "Fill the nights" }).click();
  await expect(page.getByTestId("rota-result")).toContainText(`Filled ${weeks * 7} shifts`);
}

/** What the "Who's on duty" card says, on one line ("You're on duty until 07:00. …"). */
export async function dutyText(page: Page): Promise<string> {
  const text = await page.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty").innerText();
  return text.replace(/\s+/g, " ").trim();
}

/** axe's serious and critical violations on the page as it is, as "id: target" lines (none expected). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Next streams a dynamic page's metadata: its <title> can land just after the content (axe once
  // saw none on a loaded machine). Wait a little for it; a page that never gets one still fails below.
  const titled = () =>
    page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => {});
  await titled();
  let results = await new AxeBuilder({ page }).analyze();
  // A live event's refresh that lands while axe runs swaps the streamed <title> out and back in; axe
  // can catch the moment between. Once more after the title is back; a page with none fails again.
  if (results.violations.some((v) => v.id === "document-title")) {
    await titled();
    results = await new AxeBuilder({ page }).analyze();
  }
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Switches the theme cookie ("day", "night" or "system") for a context; reload to see it. */
export async function setTheme(ctx: BrowserContext, theme: "day" | "night" | "system") {
  await ctx.addCookies([{ name: "attune-theme", value: theme, url: "http://localhost" }]);
}

/**
 * A client on the test server's own database (scripts/launch.ts writes its URL
 * beside the data), for arranging history that would take weeks of clicks.
 * Close it when done.
 */
export async function serverDb(): Promise<pg.Client> {
  const dataDir = path.resolve(import.meta.dirname, "..", process.env.E2E_DATA_DIR ?? ".data/e2e");
  const client = new pg.Client({ connectionString: readFileSync(path.join(dataDir, "database-url"), "utf8").trim() });
  await client.connect();
  return client;
}
