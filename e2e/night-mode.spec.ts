import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./csp-guard";
import { DEMO, openSignedIn, setTheme, settle } from "./helpers";

const luminance = (rgb: string) => {
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

test.describe("on a dark system", () => {
  test.use({ colorScheme: "dark" });

  test("night mode follows the system and can be forced; it survives a reload; large targets at night", async ({
    page,
  }) => {
    await openSignedIn(page, DEMO.email, DEMO.password);
    await page.goto("/settings");
    await settle(page);

    // "Follow the night" is the default; following the system, a dark system gives the dark palette.
    await expect(page.getByRole("radio", { name: "Follow the night" })).toBeChecked();
    await page.getByRole("radio", { name: "Follow system" }).check();
    await expect(page.getByTestId("theme-status")).toHaveText("Saved: Follow system.");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "system");
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(await bg())).toBeLessThan(60);

    // Forced day on a dark system, then forced night; it survives a reload.
    await page.getByRole("radio", { name: "Day", exact: true }).check();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "day");
    expect(luminance(await bg())).toBeGreaterThan(200);
    await page.getByRole("radio", { name: "Night", exact: true }).check();
    await expect(page.getByTestId("theme-status")).toHaveText("Saved: Night.");
    await page.goto("/tonight");
    await settle(page);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "night");
    expect(luminance(await bg())).toBeLessThan(60);

    // Large targets at night.
    const nav = page.getByRole("link", { name: "Household" }).first();
    expect((await nav.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  });

  for (const theme of ["night", "day"] as const) {
    test(`Tonight, Household and Settings pass axe in the ${theme} theme`, async ({ page, context }) => {
      await openSignedIn(page, DEMO.email, DEMO.password);
      await setTheme(context, theme);
      for (const path of ["/tonight", "/household", "/settings"]) {
        await page.goto(path);
        await settle(page);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${theme} ${path}: ${v.id}`)).toEqual([]);
      }
    });
  }
});

test("on a phone the places are in a bottom navigation, usable by keyboard", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await openSignedIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole("heading", { name: "Tonight", exact: true })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" }).filter({ visible: true });
  await expect(nav).toHaveCount(1);
  const box = (await nav.boundingBox())!;
  expect(box.y + box.height).toBeGreaterThan(700);
  for (const name of ["Tonight", "Nights", "Connect", "Notes"])
    await expect(nav.getByRole("link", { name })).toBeVisible();
  // "More" opens a sheet (e2e/nav.spec.ts), so it is a button.
  await expect(nav.getByRole("button", { name: "More" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Tonight" })).toHaveAttribute("aria-current", "page");

  await nav.getByRole("link", { name: "Nights" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/nights$/);
  await expect(page.getByRole("heading", { name: "Nights", level: 1 })).toBeVisible();
  await ctx.close();
});
