import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

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
  await signUp(page, name, email);
  await expect(page.getByRole("heading", { name: "Set up your household" })).toBeVisible();
  await page.getByLabel("Household name").fill(household);
  await page.getByLabel("Time zone").selectOption("Europe/London");
  await page.getByRole("button", { name: "Create household" }).click();
  await expect(page.getByRole("heading", { name: "Add your baby" })).toBeVisible();
  return email;
}

export const DEMO = { email: "sam@example.com", partner: "alex@example.com", password: "night-owls-unite" };
