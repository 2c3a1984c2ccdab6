// Deleting a household (docs/decisions/0031): the button waits for the name,
// the partner's open screen shows the banner without a reload, and either
// parent cancels (the banner links to the household page's button). (The deletion a week later is the job's, tested in
// test/integration/household-deletion.test.ts.)
import { expect, test } from "./fixtures";
import { settle } from "./helpers";

test.use({ householdName: "Deleting" });

test("a parent schedules the deletion by typing the name; the partner sees the banner live and cancels it", async ({
  household,
  pageA: jordan,
  pageB: casey,
}) => {
  await casey.goto("/tonight");
  await settle(casey);
  await jordan.goto("/household#delete");
  await settle(jordan);

  const section = jordan.locator("#delete");
  await expect(section.getByRole("link", { name: "Download our data" })).toHaveAttribute(
    "href",
    "/api/export?format=json",
  );
  const button = section.getByRole("button", { name: "Delete household" });
  await expect(button).toHaveAttribute("aria-disabled", "true");
  const name = section.getByLabel(/to confirm/);
  await name.fill("Not our house");
  await expect(button).toHaveAttribute("aria-disabled", "true");
  // Case doesn't matter (a phone capitalises on its own).
  await name.fill(household.name.toLowerCase());
  await expect(button).not.toHaveAttribute("aria-disabled", "true");
  const box = await button.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  await button.click();

  await expect(jordan.getByTestId("deletion-banner")).toContainText("This household will be deleted on");
  await expect(jordan.getByTestId("deletion-scheduled")).toContainText("Jordan asked to delete");

  // Casey's Tonight, open all along, shows it through the live channel; its
  // link leads to the household page's Cancel button.
  const banner = casey.getByTestId("deletion-banner");
  await expect(banner).toContainText("Jordan asked for it.");
  await banner.getByRole("link", { name: "Cancel deletion" }).click();
  await expect(casey).toHaveURL(/\/household#delete$/);
  await casey.locator("#delete").getByRole("button", { name: "Cancel deletion" }).click();
  await expect(casey.getByTestId("deletion-banner")).toHaveCount(0);
  await expect(casey.locator("#delete").getByLabel(/to confirm/)).toBeVisible();

  await expect(jordan.getByTestId("deletion-banner")).toHaveCount(0);
  await expect(jordan.locator("#delete").getByLabel(/to confirm/)).toBeVisible();
});
