// The founding journey: one parent signs up and sets up the household, invites
// the other by link; the partner joins in their own browser; both see each other.
import { expect, test } from "./csp-guard";
import { newParentWithHousehold, signUp, uniqueEmail, settle } from "./helpers";

test("two partners: sign up, onboarding, invite link, join, see each other", async ({ browser }) => {
  const a = await browser.newContext();
  const b = await browser.newContext();
  const pageA = await a.newPage();
  const pageB = await b.newPage();

  await newParentWithHousehold(pageA, "Jordan", "Jordan & Casey");
  await expect(pageA.getByTestId("step-indicator")).toHaveText(/Step 2 of 3/);

  // Twins: two babies.
  for (const name of ["Pip", "Wren"]) {
    await pageA.getByLabel("Baby's name").fill(name);
    await pageA.getByLabel("Birth date").fill("2026-09-14");
    await pageA.getByRole("button", { name: "Add baby" }).click();
    await expect(pageA.getByTestId("baby-status")).toContainText(`${name} is added`);
  }
  await pageA.getByRole("link", { name: "Continue" }).click();

  await expect(pageA.getByRole("heading", { name: "Invite your partner" })).toBeVisible();
  await pageA.getByRole("radio", { name: "Parent" }).check();
  await pageA.getByRole("button", { name: "Create invite link" }).click();
  const link = await pageA.getByLabel(/Invite link/).inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await a.grantPermissions(["clipboard-read", "clipboard-write"]);
  await pageA.getByRole("button", { name: "Copy link" }).click();
  await expect(pageA.getByTestId("copy-status")).toHaveText(/Copied/);
  await pageA.getByRole("link", { name: "Done, go to Tonight" }).click();
  await expect(pageA.getByRole("heading", { name: "Tonight", exact: true })).toBeVisible();
  await expect(pageA.getByTestId("baby-names")).toContainText("Pip");

  // The partner opens the link signed out, creates an account and joins.
  await pageB.goto(link);
  await settle(pageB);
  await expect(pageB.getByRole("heading", { name: "You're invited" })).toBeVisible();
  await expect(pageB.getByText("Jordan invited you to join Jordan & Casey as a parent.")).toBeVisible();
  await pageB.getByRole("link", { name: "Create an account" }).click();
  await signUp(pageB, "Casey", uniqueEmail("casey"));
  await pageB.getByRole("button", { name: "Join Jordan & Casey" }).click();
  // A new partner lands on Tonight, the page they will use.
  await expect(pageB).toHaveURL(/\/tonight$/);
  await expect(pageB.getByRole("heading", { name: "Tonight", exact: true })).toBeVisible();
  await pageB.goto("/household");
  await settle(pageB);
  const membersB = pageB.getByTestId("member");
  await expect(membersB).toHaveCount(2);
  await expect(membersB.filter({ hasText: "Jordan" })).toContainText("Parent");
  await expect(membersB.filter({ hasText: "(you)" })).toContainText("Casey");

  // The first parent sees the partner too.
  await pageA.goto("/household");
  await settle(pageA);
  await expect(pageA.getByTestId("member")).toHaveCount(2);
  await expect(pageA.getByTestId("member").filter({ hasText: "Casey" })).toContainText("Parent");
  await expect(pageA.getByText("No pending invites.")).toBeVisible();

  // The link was single-use.
  const c = await browser.newContext();
  const pageC = await c.newPage();
  await pageC.goto(link);
  await settle(pageC);
  await expect(pageC.getByRole("heading", { name: "This invite can't be used" })).toBeVisible();
  await expect(pageC.getByTestId("invite-problem")).toContainText("already been used");

  await Promise.all([a.close(), b.close(), c.close()]);
});

test("a parent revokes a pending invite and the link stops working", async ({ browser }) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await newParentWithHousehold(page, "Rory", "Rory's household");
  await page.goto("/household#invite");
  await settle(page);
  await page.getByRole("radio", { name: "Helper" }).check();
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel(/Invite link/).inputValue();
  const pending = page.getByTestId("pending-invites");
  await expect(pending.getByRole("button", { name: /^Revoke/ })).toHaveCount(1);
  await pending.getByRole("button", { name: /^Revoke/ }).click();
  await page.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByText("No pending invites.")).toBeVisible();

  const other = await browser.newContext();
  const visitor = await other.newPage();
  await visitor.goto(link);
  await settle(visitor);
  await expect(visitor.getByTestId("invite-problem")).toContainText("withdrawn");
  await Promise.all([ctx.close(), other.close()]);
});
