// Night duty with two partners, with "now" pinned on both sides: Playwright's
// clock in the browser and a cookie the test server honours (lib/clock.ts).
// Ten nights from now, at 23:30 local: deterministic, and always in the
// future (filling refuses past nights). Each test starts from a week filled
// by taking turns, starting with that night.
import { expect, onAndOffDuty, test } from "./fixtures";
import { dutyText, fillRota, setClock, settle } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";
const night = addDays(localDateOf(new Date(), TZ), 10);
const now = instantAt(night, 23 * 60 + 30, TZ);

test.use({ householdName: "Night owls" });

test.beforeEach(async ({ household, pageA }) => {
  await household.pinClock(now);
  await fillRota(pageA, night);
});

test("a filled rota shows on Nights, and both see tonight the same way, each from their side", async ({
  pageA,
  pageB,
}) => {
  await pageA.reload();
  await settle(pageA);
  await expect(pageA.getByTestId("shift-chip").first()).toBeVisible();

  for (const p of [pageA, pageB]) {
    await p.goto("/tonight");
    await settle(p);
  }
  const sayA = await dutyText(pageA);
  const sayB = await dutyText(pageB);
  const aOnDuty = sayA.startsWith("You're on duty");
  expect(sayA).toMatch(aOnDuty ? /^You're on duty until 07:00/ : /^You're off tonight — Casey has it until 07:00/);
  expect(sayB).toMatch(aOnDuty ? /^You're off tonight — Jordan has it until 07:00/ : /^You're on duty until 07:00/);
});

test("a split at 02:00: the partner who is off takes the second half, and the other sees it on reload", async ({
  household,
  pageA,
  pageB,
}) => {
  const { off } = await onAndOffDuty(household); // pageB now shows Tonight as it was

  await pageA.goto(`/nights/${night}`);
  await settle(pageA);
  await expect(pageA.getByTestId("night-window")).toContainText("19:00 → 07:00");
  await pageA
    .locator("summary")
    .filter({ hasText: /^Split/ })
    .first()
    .click();
  await setClock(pageA, "Split at", "02:00");
  await pageA.getByLabel("Then on duty").selectOption({ label: off.name });
  await pageA.getByRole("button", { name: "Split the shift" }).click();
  await expect(pageA.getByTestId("shift-card")).toHaveCount(2);
  await expect(pageA.getByTestId("night-history")).toContainText("split the night at 02:00");

  // Casey reloads and sees the change: the second half is Casey's if Casey was off, and Jordan is on duty "now".
  await pageB.reload();
  await settle(pageB);
  const duty = pageB.getByRole("region", { name: "Who's on duty" });
  await expect(duty.getByTestId("on-duty")).toHaveText(
    off.name === "Casey" ? /^On duty now: Jordan, until 02:00/ : /^You're on duty until 02:00/,
  );
  await expect(duty.getByTestId("next-handover")).toContainText(
    off.name === "Casey" ? "you take over at 02:00" : `${off.name} takes over at 02:00`,
  );
});

test("the private calendar feed works, and a new link revokes the old one at once", async ({ pageA }) => {
  await pageA.goto("/settings");
  await settle(pageA);
  await pageA.getByRole("button", { name: "Create my calendar link" }).click();
  const feed = await pageA.getByLabel("Your private calendar link").inputValue();
  const first = await pageA.request.get(feed);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("text/calendar");
  const ics = await first.text();
  expect(ics).toContain("BEGIN:VEVENT");
  // Times in UTC (the repeated autumn hour can't be misread), the calendar named for its caregiver.
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  expect(ics).toContain("X-WR-CALNAME:Jordan's nights — Attune");
  await pageA.getByRole("button", { name: "Make a new link" }).click();
  await pageA.getByRole("button", { name: "Yes, make a new link" }).click();
  await expect(pageA.getByLabel("Your private calendar link")).not.toHaveValue(feed);
  const renewed = await pageA.getByLabel("Your private calendar link").inputValue();
  expect((await pageA.request.get(feed)).status()).toBe(404);
  expect((await pageA.request.get(renewed)).status()).toBe(200);
});

// The forms of a night's page load their fields when shown (components/ui/lazy.tsx): Change when
// opened, Add a shift once part of the night is open, the handoff note when its panel is opened.
test("on a night's page: change a shift's end, add one for the hours that opened, and leave a handoff note", async ({
  pageA,
}) => {
  await pageA.goto(`/nights/${night}`);
  await settle(pageA);
  // The rota covers the whole night: nothing to add yet.
  await expect(pageA.getByTestId("add-shift")).toHaveCount(0);

  const card = pageA.getByTestId("shift-card");
  await card
    .locator("summary")
    .filter({ hasText: /^Change/ })
    .click();
  const change = card.getByRole("form", { name: /^Change .*'s shift$/ });
  await setClock(pageA, "Ends", "03:00");
  await change.getByRole("button", { name: "Save changes" }).click();
  await expect(pageA.getByTestId("shift-saved")).toContainText("Saved.");
  await expect(card).toContainText("19:00 → 03:00");

  // 03:00 to 07:00 has nobody now: Add a shift offers that stretch.
  const add = pageA.getByTestId("add-shift");
  await expect(add.getByRole("group", { name: "Starts" }).getByLabel("Hour")).toHaveValue("3");
  await add.getByRole("button", { name: "Add shift" }).click();
  await expect(pageA.getByTestId("shift-added")).toContainText("Shift added.");
  await expect(pageA.getByTestId("shift-card")).toHaveCount(2);
  await expect(pageA.getByTestId("add-shift")).toHaveCount(0);

  await pageA.locator("summary").filter({ hasText: "Write a handoff note" }).click();
  const note = pageA.getByTestId("night-handoff-form");
  await note.getByLabel("Handoff note for this night").fill("Bottle is in the fridge");
  await note.getByRole("button", { name: "Save handoff note" }).click();
  await expect(pageA.getByTestId("night-handoff-notes")).toContainText("Bottle is in the fridge");
});
