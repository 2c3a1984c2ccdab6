import { randomBytes } from "node:crypto";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

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

export async function signUp(page: Page, name: string, email: string, password = PASSWORD) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
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

/**
 * Two partners in two browser contexts: Jordan creates the household (with a
 * baby, Pip) and invites Casey as a parent; Casey signs up through the link.
 */
export async function twoPartners(browser: Browser, household: string) {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  await newParentWithHousehold(pageA, "Jordan", household);
  await pageA.getByLabel("Baby's name").fill("Pip");
  await pageA.getByLabel("Birth date").fill("2026-09-14");
  await pageA.getByRole("button", { name: "Add baby" }).click();
  await expect(pageA.getByTestId("baby-status")).toContainText("Pip is added");
  await pageA.getByRole("link", { name: "Continue" }).click();
  await pageA.getByRole("button", { name: "Create invite link" }).click();
  const link = await pageA.getByLabel(/Invite link/).inputValue();
  await pageB.goto(link);
  await settle(pageB);
  await pageB.getByRole("link", { name: "Create an account" }).click();
  await signUp(pageB, "Casey", uniqueEmail("casey"));
  await pageB.getByRole("button", { name: `Join ${household}` }).click();
  await expect(pageB).toHaveURL(/\/household/);
  return { a, b, pageA, pageB };
}

/** Pins "now" for the browser (Playwright's clock) and the test server (a cookie, see lib/clock.ts). */
export async function pinClock(ctx: BrowserContext, page: Page, now: Date) {
  await ctx.addCookies([{ name: "attune-test-now", value: now.toISOString(), url: "http://localhost" }]);
  await page.clock.setFixedTime(now);
}

/** Parent fills `weeks` of nights from `night`, taking turns. */
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
