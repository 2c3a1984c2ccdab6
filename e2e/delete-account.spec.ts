// Settings → Delete my account (docs/decisions/0030): asks first, then the
// password; a wrong one is said on its field; the right one signs out to a
// goodbye, and the household no longer lists them.
import { expect, test } from "./csp-guard";
import { newParentWithHousehold, PASSWORD, settle, signUp, uniqueEmail } from "./helpers";

test("a partner deletes their account: confirm, password, goodbye; the household carries on without them", async ({
  browser,
}) => {
  const quinn = await (await browser.newContext()).newPage();
  await newParentWithHousehold(quinn, "Quinn", "Quinn & Rue");
  await quinn.goto("/household#invite");
  await settle(quinn);
  await quinn.getByRole("button", { name: "Create invite link" }).click();
  const link = await quinn.getByLabel(/Invite link/).inputValue();

  const rue = await (await browser.newContext()).newPage();
  await rue.goto(link);
  await settle(rue);
  await rue.getByRole("link", { name: "Create an account" }).click();
  await signUp(rue, "Rue", uniqueEmail("rue"));
  await rue.getByRole("button", { name: "Join Quinn & Rue" }).click();
  await expect(rue).toHaveURL(/\/tonight$/);

  await rue.goto("/settings");
  await settle(rue);
  const trigger = rue.getByRole("button", { name: "Delete my account" });
  expect((await trigger.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await trigger.click();
  await expect(rue.getByText("Delete your account for good?")).toBeVisible();
  const form = rue.getByRole("form", { name: "Delete my account" });
  await form.getByLabel("Your password").fill("not my password");
  await form.getByRole("button", { name: "Yes, delete my account" }).click();
  await expect(form.getByText("That isn't your current password.").first()).toBeVisible();
  await form.getByLabel("Your password").fill(PASSWORD);
  await form.getByRole("button", { name: "Yes, delete my account" }).click();
  await expect(rue).toHaveURL(/\/sign-in\?deleted=1$/);
  await expect(rue.getByTestId("sign-in-notice")).toContainText("Your account is deleted");

  await quinn.goto("/household");
  await settle(quinn);
  await expect(quinn.getByTestId("member").filter({ hasText: "Rue" })).toHaveCount(0);

  await Promise.all([quinn.context().close(), rue.context().close()]);
});
