// Joining and leaving: someone already in a household is told, before any tap,
// why an invite can't be used and what to do; a member re-opening their own
// household's link is told they're in; "Leave household" is last on the page,
// quiet and red, and asks first.
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { DEMO, newParentWithHousehold, openSignedIn, settle, signUp, uniqueEmail } from "./helpers";

/** A new parent with a household (no baby yet) and a parent invite link to it. */
async function householdWithInvite(browser: Browser, household: string): Promise<{ page: Page; link: string }> {
  const page = await (await browser.newContext()).newPage();
  await newParentWithHousehold(page, "Quinn", household);
  await page.goto("/household#invite");
  await settle(page);
  await page.getByRole("button", { name: "Create invite link" }).click();
  return { page, link: await page.getByLabel(/Invite link/).inputValue() };
}

test("a member of another household sees why they can't join, and what to do, before any tap", async ({ browser }) => {
  const { page: quinn, link } = await householdWithInvite(browser, "Quinn's house");

  const alex = await (await browser.newContext()).newPage();
  await openSignedIn(alex, DEMO.partner, DEMO.password);
  await alex.goto(link);
  await settle(alex);
  await expect(alex.getByRole("heading", { name: "You're invited" })).toBeVisible();
  const why = alex.getByTestId("invite-blocked");
  await expect(why).toContainText("You can't join with this account");
  await expect(why).toContainText(DEMO.partner);
  await expect(alex.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  await expect(alex.getByRole("button", { name: "Sign out and use another account" })).toBeVisible();
  await expect(alex.getByRole("link", { name: "Go to your household" })).toHaveAttribute("href", "/household");

  // The household's own parent opening the link is told they're in already.
  await quinn.goto(link);
  await settle(quinn);
  await expect(quinn.getByTestId("invite-blocked")).toContainText("You're already in Quinn's house");
  await expect(quinn.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  await expect(quinn.getByRole("link", { name: "Go to Tonight" })).toBeVisible();

  await Promise.all([quinn.context().close(), alex.context().close()]);
});

test("a new partner lands on Tonight; Leave household is last, quiet and red, and asks first", async ({ browser }) => {
  const { page: quinn, link } = await householdWithInvite(browser, "Quinn & Sky");
  const sky = await (await browser.newContext()).newPage();
  await sky.goto(link);
  await settle(sky);
  await sky.getByRole("link", { name: "Create an account" }).click();
  await signUp(sky, "Sky", uniqueEmail("sky"));
  await sky.getByRole("button", { name: "Join Quinn & Sky" }).click();
  await expect(sky).toHaveURL(/\/tonight$/);

  await sky.goto("/household");
  await settle(sky);
  // Nothing to press under your own name.
  await expect(sky.getByTestId("member").filter({ hasText: "(you)" }).getByRole("button")).toHaveCount(0);
  const leave = sky.getByRole("button", { name: "Leave household" });
  await expect(leave).toHaveClass(/button-quiet-danger/);
  const settingsBox = await sky.getByRole("heading", { name: "Household settings" }).boundingBox();
  const leaveBox = await leave.boundingBox();
  expect(leaveBox!.y).toBeGreaterThan(settingsBox!.y);
  expect(leaveBox!.height).toBeGreaterThanOrEqual(44);

  await leave.click();
  await expect(sky.getByText("Leave Quinn & Sky?")).toBeVisible();
  await sky.getByRole("button", { name: "Cancel" }).click();
  await expect(leave).toBeFocused();
  await leave.click();
  await sky.getByRole("button", { name: "Yes, leave" }).click();
  await expect(sky).toHaveURL(/\/onboarding/);

  await Promise.all([quinn.context().close(), sky.context().close()]);
});
