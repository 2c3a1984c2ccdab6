// Night duty with two partners, with "now" pinned on both sides: Playwright's
// clock in the browser and a cookie the test server honours (lib/clock.ts).
import { expect, test, type Page } from "@playwright/test";
import { fillRota, pinClock, twoPartners, settle } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";

test("two partners: fill the rota, both see tonight, a split on reload, the private calendar feed", async ({
  browser,
  baseURL,
}) => {
  // Ten nights from now, at 23:30 local: deterministic, and always in the future (fill refuses past nights).
  const night = addDays(localDateOf(new Date(), TZ), 10);
  const now = instantAt(night, 23 * 60 + 30, TZ);

  const { a, b, pageA, pageB } = await twoPartners(browser, "Night owls");
  await pinClock(a, pageA, now);
  await pinClock(b, pageB, now);

  // Parent A fills a week, taking turns, starting with tonight.
  await fillRota(pageA, night);
  await pageA.reload();
  await settle(pageA);
  await expect(pageA.getByTestId("shift-chip").first()).toBeVisible();

  // Both see tonight the same way, each from their side.
  await pageA.goto("/tonight");
  await settle(pageA);
  await pageB.goto("/tonight");
  await settle(pageB);
  const say = async (p: Page) =>
    (await p.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty").innerText())
      .replace(/\s+/g, " ")
      .trim();
  const sayA = await say(pageA);
  const sayB = await say(pageB);
  const aOnDuty = sayA.startsWith("You're on duty");
  expect(sayA).toMatch(aOnDuty ? /^You're on duty until 07:00/ : /^You're off tonight — Casey has it until 07:00/);
  expect(sayB).toMatch(aOnDuty ? /^You're off tonight — Jordan has it until 07:00/ : /^You're on duty until 07:00/);
  const [onDuty, offDuty] = aOnDuty ? ["Jordan", "Casey"] : ["Casey", "Jordan"];

  // A splits tonight at 02:00: the partner who is off takes the second half.
  await pageA.goto(`/nights/${night}`);
  await settle(pageA);
  await expect(pageA.getByTestId("night-window")).toContainText("19:00 → 07:00");
  await pageA
    .locator("summary")
    .filter({ hasText: /^Split/ })
    .first()
    .click();
  await pageA.getByLabel("Split at").fill("02:00");
  await pageA.getByLabel("Then on duty").selectOption({ label: offDuty });
  await pageA.getByRole("button", { name: "Split the shift" }).click();
  await expect(pageA.getByTestId("shift-card")).toHaveCount(2);
  await expect(pageA.getByTestId("night-history")).toContainText("split the night at 02:00");

  // B reloads and sees the change.
  await pageB.reload();
  await settle(pageB);
  // Casey now has the second half if Casey was off: then Jordan is on duty "now".
  const expectB = offDuty === "Casey" ? /^On duty now: Jordan, until 02:00/ : /^You're on duty until 02:00/;
  await expect(pageB.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty")).toHaveText(expectB);
  await expect(pageB.getByRole("region", { name: "Who's on duty" }).getByTestId("next-handover")).toContainText(
    offDuty === "Casey" ? "you take over at 02:00" : `${offDuty} takes over at 02:00`,
  );
  void onDuty;

  // The private calendar feed: works, and a new link revokes the old one at once.
  await pageA.goto("/settings");
  await settle(pageA);
  await pageA.getByRole("button", { name: "Create my calendar link" }).click();
  const feed = await pageA.getByLabel("Your private calendar link").inputValue();
  const first = await pageA.request.get(feed);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("text/calendar");
  const ics = await first.text();
  expect(ics).toContain("BEGIN:VEVENT");
  expect(ics).toContain("Europe/London");
  await pageA.getByRole("button", { name: "Make a new link" }).click();
  await pageA.getByRole("button", { name: "Yes, make a new link" }).click();
  await expect(pageA.getByLabel("Your private calendar link")).not.toHaveValue(feed);
  const renewed = await pageA.getByLabel("Your private calendar link").inputValue();
  expect((await pageA.request.get(feed)).status()).toBe(404);
  expect((await pageA.request.get(renewed)).status()).toBe(200);
  void baseURL;
  await Promise.all([a.close(), b.close()]);
});
