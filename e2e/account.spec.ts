// Sessions and sign-in protection against the production server.
import { expect, test } from "./fixtures";
import { DEMO, PASSWORD, signIn, signUp, uniqueEmail, settle } from "./helpers";

// Jordan (a household of the fixture's own, not the shared demo account, so
// signing out everywhere can't reach a test running beside this one).
test("sign out of every device ends the other device's session", async ({ browser, household }) => {
  const phone = await browser.newContext();
  const laptop = await browser.newContext();
  try {
    const p = await phone.newPage();
    const l = await laptop.newPage();
    for (const page of [p, l]) {
      await signIn(page, household.jordan.email, PASSWORD);
      await expect(page.getByRole("heading", { name: "Tonight", exact: true })).toBeVisible();
    }
    // The session cookie is HttpOnly, SameSite=Lax and Secure in production.
    const cookie = (await phone.cookies()).find((c) => c.name.includes("authjs.session-token"));
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });

    await l.goto("/settings");
    await settle(l);
    await l.getByRole("button", { name: "Sign out of every device" }).click();
    await l.getByRole("button", { name: "Yes, sign out everywhere" }).click();
    await expect(l.getByTestId("sign-in-notice")).toHaveText("You've been signed out on every device.");

    // The phone still holds its (now revoked) cookie: the server refuses it.
    await p.goto("/household");
    await settle(p);
    await expect(p).toHaveURL(/\/sign-in/);
    await expect(p.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // Signing in again works.
    await signIn(p, household.jordan.email, PASSWORD);
    await expect(p.getByRole("heading", { name: "Tonight", exact: true })).toBeVisible();
  } finally {
    await Promise.all([phone.close(), laptop.close()]);
  }
});

test("sign out ends this session; pages then ask to sign in and come back", async ({ page }) => {
  await signIn(page, DEMO.email, DEMO.password);
  await page.goto("/settings");
  await settle(page);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/household");
  await settle(page);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fhousehold/);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/household$/);
  await expect(page.getByTestId("household-name")).toHaveText("Sam & Alex");
});

test("repeated wrong passwords are throttled, with a clear message", async ({ page }) => {
  const email = uniqueEmail("throttle");
  await page.goto("/sign-up");
  await settle(page);
  await signUp(page, "Tess", email);
  await expect(page.getByRole("heading", { name: "Set up your household" })).toBeVisible();
  await page.context().clearCookies();

  for (let i = 0; i < 5; i++) {
    await signIn(page, email, "not my password at all", { expectFailure: true });
    await expect(page.getByTestId("form-error")).toHaveText("That email and password don't match an account.");
  }
  // Even the right password is refused for now.
  await signIn(page, email, PASSWORD, { expectFailure: true });
  await expect(page.getByTestId("form-error")).toContainText("Too many sign-in attempts");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-up explains what is wrong next to the field and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await settle(page);
  await signUp(page, "Val", "not-an-email", "password", { expectFailure: true });
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("most common")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
});
