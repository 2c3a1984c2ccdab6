// Connect with two partners and "now" pinned on both sides: a hard night
// logged yesterday makes today suggest repair (taken in one tap); Jordan
// plans a moment for Casey, Casey ticks it off in another browser and
// Jordan sees it without reloading; a recurring item lands on the right days
// of the week; axe finds nothing serious in the day or night theme.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { pinClock, settle, twoPartners } from "./helpers";
import { addDays, localDateOf, isoWeekday, mondayOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("connect: hard night → repair in one tap; plan for the partner, ticked off live; recurring days; axe in both themes", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const day = addDays(localDateOf(new Date(), TZ), 10);
  const { a, b, pageA, pageB } = await twoPartners(browser, "Gentle days");

  // Last night (the night of day-1), Jordan was up from 02:00 to 02:55: one long stretch awake.
  await pinClock(a, pageA, instantAt(day, 2 * 60, TZ));
  await pageA.goto("/tonight");
  await settle(pageA);
  await pageA.getByTestId("im-up").click();
  await expect(pageA.getByTestId("waking-open")).toBeVisible();
  await pinClock(a, pageA, instantAt(day, 2 * 60 + 55, TZ));
  await pageA.reload();
  await settle(pageA);
  await pageA.getByTestId("back-to-sleep").click();
  await pageA.getByRole("button", { name: "Done" }).click();
  await expect(pageA.getByTestId("waking-open")).toHaveCount(0);

  // The next morning, Connect suggests repair, and rest for Jordan.
  const morning = instantAt(day, 10 * 60, TZ);
  await pinClock(a, pageA, morning);
  await pinClock(b, pageB, morning);
  await pageA.goto("/connect");
  await settle(pageA);
  const card = pageA.getByTestId("hard-night-card");
  await expect(card).toContainText("One stretch of 55 minutes awake");
  await expect(card.getByTestId("offer-rest")).toContainText("Casey takes the morning so you can rest");
  await card
    .getByTestId("offer-repair")
    .getByRole("button", { name: /^Add to today/ })
    .click();
  await expect(card.getByTestId("offer-repair")).toContainText("In today's plan");
  await expect(pageA.getByTestId("plan-item").filter({ hasText: "Repair after a hard night" })).toBeVisible();

  // Casey has Connect open; Jordan plans play for Casey today.
  await pageB.goto("/connect");
  await settle(pageB);
  await expect(pageB.getByTestId("plan-item").filter({ hasText: "Repair after a hard night" })).toBeVisible();
  const add = pageA.getByRole("form", { name: "Add to the plan" });
  await add.getByLabel("Activity").selectOption({ label: "Play and delight" });
  await add.getByLabel("Part of the day").selectOption("afternoon");
  await add.getByLabel("Who").selectOption({ label: "Casey" });
  await add.getByRole("button", { name: "Add to the plan" }).click();
  await expect(pageA.getByTestId("add-plan-done")).toContainText("Play and delight");
  const playA = pageA.getByTestId("plan-item").filter({ hasText: "Play and delight" });
  await expect(playA).toContainText("Casey");

  // It reaches Casey live; Casey ticks it off; Jordan sees who and when, without a reload.
  const playB = pageB.getByTestId("plan-item").filter({ hasText: "Play and delight" });
  await expect(playB).toContainText("You", { timeout: 10_000 });
  await playB.getByRole("button", { name: /^Done/ }).click();
  await expect(playB.getByTestId("item-status")).toContainText("Done by you at 10:00");
  await expect(playA.getByTestId("item-status")).toContainText("Done by Casey at 10:00", { timeout: 10_000 });

  // Casey adds how it went; it reaches Jordan too.
  await playB.getByRole("button", { name: /^Add how it went/ }).click();
  await playB.getByLabel("How it went (optional)").fill("Giggles at peekaboo");
  await playB.getByRole("button", { name: "Save" }).click();
  await expect(playB).toContainText("“Giggles at peekaboo”");
  await expect(playA).toContainText("“Giggles at peekaboo”", { timeout: 10_000 });

  // Skipping says so without blame, and Undo opens the day again.
  await add.getByLabel("Activity").selectOption({ label: "Skin-to-skin" });
  await add.getByLabel("Repeat").selectOption("once");
  await add.getByRole("button", { name: "Add to the plan" }).click();
  await expect(pageA.getByTestId("add-plan-done")).toContainText("Skin-to-skin");
  const skin = pageA.getByTestId("plan-item").filter({ hasText: "Skin-to-skin" });
  await skin.getByRole("button", { name: /^Skip/ }).click();
  await skin.getByLabel("Reason (optional)").fill("At the clinic all morning");
  await skin.getByRole("button", { name: "Skip this day" }).click();
  await expect(skin.getByTestId("item-status")).toHaveText("Skipped: At the clinic all morning. That's okay.");
  await expect(
    pageB.getByTestId("plan-item").filter({ hasText: "Skin-to-skin" }).getByTestId("item-status"),
  ).toContainText("Skipped", { timeout: 10_000 });
  await skin.getByRole("button", { name: /^Undo/ }).click();
  await expect(skin.getByTestId("item-status")).toHaveCount(0);
  await expect(skin.getByRole("button", { name: /^Done/ })).toBeVisible();

  // A recurring item: stories on Mondays and Thursdays, from today on, shows on those days in the week view.
  await add.getByLabel("Activity").selectOption({ label: "Singing or reading together" });
  await add.getByLabel("Repeat").selectOption("days");
  await add.getByRole("checkbox", { name: "Monday" }).check();
  await add.getByRole("checkbox", { name: "Thursday" }).check();
  await add.getByRole("button", { name: "Add to the plan" }).click();
  await expect(pageA.getByTestId("add-plan-done")).toContainText("Singing or reading together");
  const nextWeek = addDays(mondayOf(day), 7);
  await pageA.goto(`/connect?view=week&date=${nextWeek}`);
  await settle(pageA);
  const days = pageA.getByTestId("week-day");
  await expect(days).toHaveCount(7);
  for (let i = 0; i < 7; i++) {
    const d = addDays(nextWeek, i);
    const stories = pageA
      .locator(`[data-testid="week-day"][data-date="${d}"]`)
      .getByTestId("week-item")
      .filter({ hasText: "Singing or reading" });
    await expect(stories).toHaveCount(isoWeekday(d) === 1 || isoWeekday(d) === 4 ? 1 : 0);
  }

  // Tonight (the home screen) shows what is left today, each one tap from done.
  await pageA.goto("/tonight");
  await settle(pageA);
  const tonightCard = pageA.getByTestId("connect-tonight");
  await expect(tonightCard).toContainText("Repair after a hard night");
  await expect(tonightCard).not.toContainText("Play and delight");
  await expect(tonightCard).toContainText("Skin-to-skin");
  await tonightCard.getByRole("button", { name: /^Tick off\s*: Repair after a hard night$/ }).click();
  await expect(tonightCard).not.toContainText("Repair after a hard night");

  // Axe: the day view (with the suggestion card and a done item), the week and the library, in the day and the night theme.
  for (const theme of ["day", "night"]) {
    await a.addCookies([{ name: "attune-theme", value: theme, url: "http://localhost" }]);
    for (const path of ["/connect", `/connect?view=week&date=${day}`, "/connect/library", "/connect/history"]) {
      await pageA.goto(path);
      await settle(pageA);
      expect(await axe(pageA), `${theme} ${path}`).toEqual([]);
    }
  }
  await Promise.all([a.close(), b.close()]);
});
