// 3 a.m., two partners, "now" pinned on both sides, a week filled by taking
// turns. What one does reaches the other's open Tonight screen without a
// reload (server-sent events).
import { expect, onAndOffDuty, test } from "./fixtures";
import { seriousAxeViolations, setTheme, settle } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";
const night = addDays(localDateOf(new Date(), TZ), 10);
const threeAm = instantAt(addDays(night, 1), 3 * 60, TZ);

test.use({ householdName: "Three am club" });

test.beforeEach(async ({ household }) => {
  await household.pinClock(threeAm);
  await household.fillRota(night);
});

test("I'm up reaches the partner live, and a mistaken tap can be undone within ten seconds", async ({ household }) => {
  const { on, off } = await onAndOffDuty(household);
  await on.page.getByTestId("im-up").click();
  await expect(on.page.getByTestId("waking-open")).toBeVisible();
  await expect(off.page.getByTestId("up-now").first()).toContainText(`${on.name} is up`, { timeout: 10_000 });

  await on.page.getByTestId("undo").click();
  await expect(on.page.getByTestId("waking-open")).toHaveCount(0);
  await on.page.getByTestId("im-up").click();
  await expect(on.page.getByTestId("waking-open")).toBeVisible();
});

test("tap-out: the one on duty asks for help, it reaches the partner at once, and the answer comes back", async ({
  household,
}) => {
  const { on, off } = await onAndOffDuty(household);
  await on.page.getByTestId("im-up").click();
  await expect(on.page.getByTestId("waking-open")).toBeVisible();

  await on.page.getByTestId("tap-out").click();
  const alert = off.page.getByTestId("tapout-alert");
  await expect(alert).toBeVisible({ timeout: 10_000 });
  await alert.getByRole("button", { name: "I'm coming" }).click();
  await expect(on.page.getByTestId("tapout-status")).toContainText(/coming/i, { timeout: 10_000 });
});

test("back to sleep with what helped reaches the partner's log; night mode at 3 a.m. passes axe on both screens", async ({
  household,
}) => {
  const { on, off } = await onAndOffDuty(household);
  await on.page.getByTestId("im-up").click();
  await expect(on.page.getByTestId("waking-open")).toBeVisible();

  await on.page.getByTestId("back-to-sleep").click();
  await on.page.getByTestId("after-waking").getByRole("button", { name: "Rock" }).click();
  await expect(on.page.getByTestId("after-saved")).toHaveText("Saved.");
  await on.page.getByTestId("after-done").click();
  await expect(on.page.getByTestId("waking-open")).toHaveCount(0);
  await expect(off.page.getByTestId("night-log-list")).toContainText("Rock", { timeout: 10_000 });

  for (const p of [on, off]) {
    await setTheme(p.context, "night");
    await p.page.reload();
    await settle(p.page);
    expect(await seriousAxeViolations(p.page), p.name).toEqual([]);
  }
});

test("the partner who is off offers to take the rest of tonight; the one on duty accepts; Tonight changes for both", async ({
  household,
}) => {
  const { on, off } = await onAndOffDuty(household);
  await off.page.goto(`/nights/${night}`);
  await settle(off.page);
  const form = off.page.getByTestId("swap-form").first();
  await form.locator("summary").click();
  await form.getByRole("button", { name: "Offer to take it" }).click();
  await expect(off.page.getByTestId("swap-sent").first()).not.toBeEmpty();

  await on.page.goto("/tonight");
  await settle(on.page);
  const waiting = on.page.getByTestId("swaps-waiting");
  await expect(waiting.getByTestId("swap-item")).toHaveCount(1);
  await waiting.getByRole("button", { name: /^Accept/ }).click();
  await expect(on.page.getByTestId("swap-status")).not.toBeEmpty();

  await on.page.goto("/tonight");
  await settle(on.page);
  await expect(on.page.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty")).toHaveText(
    new RegExp(`^You're off tonight — ${off.name} has it until 07:00`),
  );
  await off.page.goto("/tonight");
  await settle(off.page);
  await expect(off.page.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty")).toHaveText(
    /^You're on duty until 07:00/,
  );
});
