// Settings' "Your devices": each sign-in is a device, this one is marked, and
// signing another one out there ends that device's session at its next request.
import { expect, test } from "./fixtures";
import { settle, signInByRequest } from "./helpers";

test("Your devices lists where you are signed in; signing another device out ends its session", async ({
  browser,
  household,
  pageA,
}) => {
  const laptop = await browser.newContext();
  try {
    await signInByRequest(laptop, household.jordan.email);
    const other = await laptop.newPage();
    await other.goto("/tonight");
    await expect(other).toHaveURL(/\/tonight/);

    await pageA.goto("/settings");
    await settle(pageA);
    const devices = pageA.getByTestId("devices").getByTestId("device");
    await expect(devices).toHaveCount(2);
    await expect(pageA.locator('[data-testid="device"][data-current]')).toContainText("(this device)");
    const otherRow = pageA.locator('[data-testid="device"]:not([data-current])');
    // One "Sign out" per other device, named for that device (this one signs out with Settings' own button).
    await otherRow.getByRole("button", { name: /^Sign out .+, signed in / }).click();
    await expect(devices).toHaveCount(1);

    await other.goto("/household");
    await expect(other).toHaveURL(/\/sign-in/);
    // This device is still signed in.
    await pageA.goto("/household");
    await expect(pageA).toHaveURL(/\/household$/);
  } finally {
    await laptop.close();
  }
});
