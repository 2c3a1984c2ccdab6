// Getting around: on a phone, "More" opens a short sheet (Balance, Household,
// Settings, Sign out) that Escape and a tap outside close, with focus back on
// "More"; the logo is a 48 px target; on a wide screen, Nights uses the width.
import { expect, test } from "./csp-guard";
import { DEMO, openSignedIn, settle } from "./helpers";

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

test("More opens a short sheet on a phone: keyboard, Escape, a tap outside, and a place to go", async ({ page }) => {
  await openSignedIn(page, DEMO.email, DEMO.password);
  await page.goto("/tonight");
  await settle(page);
  const bar = page.getByRole("navigation", { name: "Main" });
  const more = bar.getByRole("button", { name: "More" });
  const sheet = page.getByRole("dialog", { name: "More" });

  // By keyboard: Enter opens it with focus inside; Escape closes it and focus returns.
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole("link")).toHaveText(["Balance", "Household", "Settings"]);
  await expect(sheet.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await sheet.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(sheet).toBeHidden();
  await expect(more).toBeFocused();

  // A tap outside the sheet (on the dimmed page above it) closes it.
  await more.tap();
  await expect(sheet).toBeVisible();
  await page.mouse.click(195, 40);
  await expect(sheet).toBeHidden();

  // Going somewhere: Balance, with "More" marked as where we are.
  await more.tap();
  await sheet.getByRole("link", { name: "Balance" }).tap();
  await expect(page).toHaveURL(/\/balance$/);
  await expect(sheet).toBeHidden();
  await expect(more).toHaveAttribute("data-active", "true");

  // Every target in the bar and the logo is at least 48 × 48.
  const targets = [page.getByRole("link", { name: "Attune" }), ...(await bar.getByRole("link").all()), more];
  for (const t of targets) {
    const box = (await t.boundingBox())!;
    expect(Math.min(box.width, box.height), await t.innerText()).toBeGreaterThanOrEqual(48);
  }

  // Sign out from the sheet.
  await more.tap();
  await sheet.getByRole("button", { name: "Sign out" }).tap();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a wide screen: the side list instead of the bar, and Nights uses the width", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openSignedIn(page, DEMO.email, DEMO.password);
  await page.goto("/nights");
  await settle(page);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Balance" })).toBeVisible();
  await expect(page.getByRole("button", { name: "More" })).toBeHidden();
  // 1280 − the side list: the calendar is wider than the 44rem (704 px) column of other pages.
  const calendar = (await page.locator('section[aria-labelledby="range-heading"]').boundingBox())!;
  expect(calendar.width).toBeGreaterThan(880);
  // The rota and "Nights someone can't do" sit side by side under the calendar.
  const rota = (await page.getByTestId("rota-panel").boundingBox())!;
  const away = (await page.getByRole("heading", { name: "Nights someone can't do" }).boundingBox())!;
  expect(away.x).toBeGreaterThan(rota.x + rota.width / 2);
});
