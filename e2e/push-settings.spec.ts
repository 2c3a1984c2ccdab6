// Settings → Notifications: "This phone" explains itself. Until the service
// worker ships (another part of #9), Chromium here has no worker to subscribe
// through, and the card says so kindly instead of failing; with it, the card
// offers to turn notifications on. (Subscribing itself needs a real push
// service; the push path is tested with a local one in test/integration/push.test.ts.)
import { expect, test } from "./fixtures";

test.use({ householdName: "Push settings" });

test("Settings shows this phone's notifications and how to turn them on", async ({ pageA }) => {
  await pageA.goto("/settings");
  await expect(pageA.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const status = pageA.getByTestId("push-settings");
  await expect(status).not.toHaveAttribute("data-status", "checking");
  const s = await status.getAttribute("data-status");
  expect(["no-worker", "off"]).toContain(s);
  if (s === "no-worker") await expect(status).toContainText("Reload the page once");
  else await expect(pageA.getByRole("button", { name: "Turn on for this phone" })).toBeVisible();
  await expect(pageA.getByText("only “I need you” from your partner comes through")).toBeVisible();
});
