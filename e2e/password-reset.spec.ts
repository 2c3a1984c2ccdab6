// "Forgot password?" end to end against the production server. The e2e
// server runs without SMTP_URL, so each message is an .eml file in its data
// folder (playwright.config.ts: ATTUNE_DATA_DIR, lib/mail/send.ts): the spec
// reads the link from there, as a person would from their inbox.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./fixtures";
import { settle, signIn } from "./helpers";
import { linksIn, readableMail } from "../test/helpers/mail";

const root = path.resolve(import.meta.dirname, "..");
const mailDir = path.join(path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e"), "mail");
const NEW_PASSWORD = "a new password for short nights";

/** The reset link in the newest message to `email`, once it has been written. */
async function resetLinkFor(email: string): Promise<string> {
  let link = "";
  await expect
    .poll(
      async () => {
        const files = (await readdir(mailDir).catch(() => [] as string[])).filter((f) => f.endsWith(".eml")).sort();
        for (const f of files.reverse()) {
          const raw = await readFile(path.join(mailDir, f), "utf8");
          if (!readableMail(raw).includes(`To: ${email}`)) continue;
          link = linksIn(raw, "reset-password")[0] ?? "";
          if (link) return true;
        }
        return false;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return link;
}

test.use({ householdName: "Forgot password" });

test("forgot password: the mailed link sets a new password once, every device is signed out, and the new one signs in", async ({
  page,
  household,
  pageA,
}) => {
  const email = household.jordan.email;

  await page.goto("/sign-in");
  await settle(page);
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await settle(page);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("forgot-password-sent")).toContainText("If an account uses that address");

  const link = await resetLinkFor(email);
  const resetPath = new URL(link).pathname;
  expect(resetPath).toMatch(/^\/reset-password\/[A-Za-z0-9_-]{43}$/);

  await page.goto(resetPath);
  await settle(page);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByTestId("sign-in-notice")).toContainText("every device was signed out");

  // Jordan's other device (the fixture's signed-in page) is signed out too.
  await pageA.goto("/household");
  await settle(pageA);
  await expect(pageA).toHaveURL(/\/sign-in/);

  // The old password no longer opens the account; the new one does.
  await signIn(page, email, "a quiet night is a gift", { expectFailure: true });
  await expect(page.getByTestId("form-error")).toHaveText("That email and password don't match an account.");
  await signIn(page, email, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Tonight", exact: true })).toBeVisible();

  // The link works once.
  await page.goto(resetPath);
  await settle(page);
  await expect(page.getByTestId("reset-link-problem")).toContainText("expired or was already used");
});

test("forgot password answers an address without an account exactly the same", async ({ page }) => {
  await page.goto("/forgot-password");
  await settle(page);
  await page.getByLabel("Email").fill("nobody-here-at-all@example.com");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByTestId("forgot-password-sent")).toContainText("If an account uses that address");
});
