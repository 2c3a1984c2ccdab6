// Settings → Webhooks on a phone: a parent adds one (the secret shows once),
// sends a test event and sees it listed, then removes it after a confirm.
// Delivery itself is tested with a real receiver in test/integration/webhooks.test.ts;
// here the URL is a documentation address (192.0.2.0/24, never answered), so
// the test event stays "Waiting" or retries: the list is what is checked.
import { expect, test } from "./fixtures";
import { seriousAxeViolations } from "./helpers";

test.use({ householdName: "Webhooks", viewport: { width: 390, height: 844 } });

test("a parent adds a webhook, sends a test event, and removes it", async ({ pageA }) => {
  await pageA.goto("/settings");
  const section = pageA.getByRole("region", { name: "Webhooks" });
  await expect(section).toBeVisible();
  await section.getByText("Add a webhook", { exact: true }).click();
  const form = section.getByRole("form", { name: "Add a webhook" });
  await form.getByLabel("Name").fill("Home Assistant");
  await form.getByLabel("URL").fill("http://192.0.2.10:8123/api/webhook/attune");
  await form.getByLabel("A tap-out was answered").check();
  await form.getByRole("button", { name: "Add the webhook" }).click();

  const created = section.getByTestId("webhook-created");
  await expect(created).toBeVisible();
  await expect(created.getByRole("textbox")).toHaveValue(/^whsec_[A-Za-z0-9_-]{43}$/);
  const hook = section.getByTestId("webhook");
  await expect(hook).toHaveCount(1);
  await expect(hook).toContainText("http://192.0.2.10:8123/api/webhook/attune");

  await hook.getByRole("button", { name: "Send a test event to Home Assistant" }).click();
  await expect(hook.getByRole("status")).toContainText("Sent for delivery");
  await hook.getByText("Last deliveries").click();
  await expect(hook.getByTestId("webhook-deliveries").locator("li")).toHaveCount(1);
  await expect(hook.getByTestId("webhook-deliveries")).toContainText("webhook.test");

  expect(await seriousAxeViolations(pageA)).toEqual([]);

  // Pause: marked as paused, no test events meanwhile; resume brings the button back.
  await hook.getByRole("button", { name: "Pause Home Assistant" }).click();
  await expect(hook.getByTestId("webhook-paused")).toHaveText("Paused");
  await expect(hook.getByRole("button", { name: /Send a test event/ })).toHaveCount(0);
  await hook.getByRole("button", { name: "Resume Home Assistant" }).click();
  await expect(hook.getByTestId("webhook-paused")).toHaveCount(0);
  await expect(hook.getByRole("button", { name: "Send a test event to Home Assistant" })).toBeVisible();

  await hook.getByRole("button", { name: "Remove the webhook Home Assistant" }).click();
  await hook.getByRole("button", { name: "Yes, remove" }).click();
  await expect(section.getByTestId("webhook")).toHaveCount(0);
});

test("with bad input the form says what is wrong and keeps what was typed", async ({ pageA }) => {
  await pageA.goto("/settings");
  const section = pageA.getByRole("region", { name: "Webhooks" });
  await section.getByText("Add a webhook", { exact: true }).click();
  const form = section.getByRole("form", { name: "Add a webhook" });
  await form.getByLabel("Name").fill("Local");
  await form.getByLabel("URL").fill("http://127.0.0.1:8123/hook");
  await form.getByRole("button", { name: "Add the webhook" }).click();
  await expect(form).toContainText("Attune doesn't send webhooks to this server's own (loopback) address.");
  await expect(form.getByLabel("URL")).toHaveValue("http://127.0.0.1:8123/hook");
  await expect(section.getByTestId("webhook")).toHaveCount(0);
});
