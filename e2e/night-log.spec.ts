// 3 a.m., two partners, "now" pinned on both sides. What one does reaches the
// other's open Tonight screen without a reload (server-sent events).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fillRota, pinClock, twoPartners, settle } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";
const duty = async (p: Page) =>
  (await p.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty").innerText())
    .replace(/\s+/g, " ")
    .trim();

test("at 3 a.m.: I'm up reaches the partner live, undo, back to sleep with a tag, tap-out, a swap of tonight accepted", async ({
  browser,
}) => {
  const night = addDays(localDateOf(new Date(), TZ), 10);
  const threeAm = instantAt(addDays(night, 1), 3 * 60, TZ);
  const { a, b, pageA, pageB } = await twoPartners(browser, "Three am club");
  await pinClock(a, pageA, threeAm);
  await pinClock(b, pageB, threeAm);
  await fillRota(pageA, night);

  await pageA.goto("/tonight");
  await settle(pageA);
  await pageB.goto("/tonight");
  await settle(pageB);
  const aOnDuty = (await duty(pageA)).startsWith("You're on duty");
  const [onDuty, offDuty] = aOnDuty ? [pageA, pageB] : [pageB, pageA];
  const onDutyName = aOnDuty ? "Jordan" : "Casey";

  // The caregiver on duty gets up; the other sees it without reloading.
  await onDuty.getByTestId("im-up").click();
  await expect(onDuty.getByTestId("waking-open")).toBeVisible();
  await expect(offDuty.getByTestId("up-now").first()).toContainText(`${onDutyName} is up`, { timeout: 10_000 });

  // A mistaken tap can be undone within ten seconds.
  await onDuty.getByTestId("undo").click();
  await expect(onDuty.getByTestId("waking-open")).toHaveCount(0);
  await onDuty.getByTestId("im-up").click();
  await expect(onDuty.getByTestId("waking-open")).toBeVisible();

  // Tap-out: the one on duty asks for help; it reaches the partner at once.
  await onDuty.getByTestId("tap-out").click();
  const alert = offDuty.getByTestId("tapout-alert");
  await expect(alert).toBeVisible({ timeout: 10_000 });
  await alert.getByRole("button", { name: "I'm coming" }).click();
  await expect(onDuty.getByTestId("tapout-status")).toContainText(/coming/i, { timeout: 10_000 });

  // Back to sleep, with what helped.
  await onDuty.getByTestId("back-to-sleep").click();
  await onDuty.getByTestId("helped-tags").getByRole("button", { name: "Rock" }).click();
  await onDuty.getByRole("button", { name: "Done" }).click();
  await expect(onDuty.getByTestId("waking-open")).toHaveCount(0);
  await expect(offDuty.getByTestId("night-log-list")).toContainText("Rock", { timeout: 10_000 });

  // Night mode at 3 a.m. passes axe (no serious or critical violations).
  for (const p of [onDuty, offDuty]) {
    await p.context().addCookies([{ name: "attune-theme", value: "night", url: "http://localhost" }]);
    await p.reload();
    await settle(p);
    const results = await new AxeBuilder({ page: p }).analyze();
    expect(
      results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id),
    ).toEqual([]);
  }

  // The partner who is off offers to take the rest of tonight; the one on duty accepts; Tonight changes for both.
  await offDuty.goto(`/nights/${night}`);
  await settle(offDuty);
  const form = offDuty.getByTestId("swap-form").first();
  await form.locator("summary").click();
  await form.getByRole("button", { name: "Offer to take it" }).click();
  await expect(offDuty.getByTestId("swap-sent").first()).not.toBeEmpty();
  await onDuty.goto("/tonight");
  await settle(onDuty);
  const waiting = onDuty.getByTestId("swaps-waiting");
  await expect(waiting.getByTestId("swap-item")).toHaveCount(1);
  await waiting.getByRole("button", { name: /^Accept/ }).click();
  await expect(onDuty.getByTestId("swap-status")).not.toBeEmpty();
  const offDutyName = onDutyName === "Jordan" ? "Casey" : "Jordan";
  await onDuty.goto("/tonight");
  await settle(onDuty);
  await expect(onDuty.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty")).toHaveText(
    new RegExp(`^You're off tonight — ${offDutyName} has it until 07:00`),
  );
  await offDuty.goto("/tonight");
  await settle(offDuty);
  await expect(offDuty.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty")).toHaveText(
    /^You're on duty until 07:00/,
  );
  await Promise.all([a.close(), b.close()]);
});
