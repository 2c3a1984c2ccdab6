// Two partners and notes, with "now" pinned on both sides: a handoff note
// written on duty reaches the next person when their shift starts; the
// unread count goes up live and back down once seen; the morning summary
// after the night shows its waking and notes; a thank-you reaches the
// partner; a hostile note runs nothing; an edit on two screens at once keeps
// both texts in view; search and pin; Notes passes axe in both themes.
// No dialog may ever open on any page: a note that ran script would show one.
import { expect, onAndOffDuty, test as base, type TPartner } from "./fixtures";
import { seriousAxeViolations, setTheme, settle } from "./helpers";
import type { Page } from "@playwright/test";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";
const night = addDays(localDateOf(new Date(), TZ), 12);
const lateEvening = instantAt(night, 22 * 60, TZ);
const badge = (p: Page) => p.locator(".side-nav").getByTestId("nav-badge-notes");
const HOSTILE = `<img src=x onerror=alert(1)><script>alert(2)</script> javascript:alert(3) "><svg onload=alert(4)> see https://example.com/ok`;
const HANDOFF = "Fed at 21:30, she liked the rocking chair. Gel is on the shelf.";

/** Every dialog any page of either partner opens, dismissed; the test fails at its end if there was one. */
const test = base.extend<{ dialogs: string[] }>({
  dialogs: [
    async ({ household }, provide) => {
      const dialogs: string[] = [];
      for (const p of [household.jordan, household.casey])
        p.context.on("dialog", (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
      await provide(dialogs);
      expect(dialogs, "dialogs opened").toEqual([]);
    },
    { auto: true },
  ],
});

test.use({ householdName: "Handoff house" });

/** A week of turns from `night`, the clock at 22:00 that night; both pages on Tonight. */
async function onDutyTonight(household: Parameters<typeof onAndOffDuty>[0]) {
  await household.pinClock(lateEvening);
  await household.fillRota(night);
  return onAndOffDuty(household);
}

/** The one on duty gets up at 22:00 and is back at 22:25, with a rock. */
async function logWaking(on: TPartner) {
  await on.page.getByTestId("im-up").click();
  await expect(on.page.getByTestId("waking-open")).toBeVisible();
  await pinClockOf(on, instantAt(night, 22 * 60 + 25, TZ));
  await on.page.reload();
  await settle(on.page);
  await on.page.getByTestId("back-to-sleep").click();
  await on.page.getByTestId("after-waking").getByRole("button", { name: "Rock" }).click();
  await expect(on.page.getByTestId("after-saved")).toHaveText("Saved.");
  await on.page.getByTestId("after-done").click();
  await expect(on.page.getByTestId("waking-open")).toHaveCount(0);
}

async function leaveHandoff(on: TPartner, text = HANDOFF) {
  const form = on.page.getByTestId("handoff-form");
  await form.getByLabel("Leave a handoff note").fill(text);
  await form.getByRole("button", { name: "Save handoff note" }).click();
  await expect(on.page.getByTestId("handoff-form-status")).toContainText("Saved");
}

async function pinClockOf(p: TPartner, now: Date) {
  await p.context.addCookies([{ name: "attune-test-now", value: now.toISOString(), url: "http://localhost" }]);
  await p.page.clock.setFixedTime(now);
}

/** On Notes: "Write a note" opens the form; saving closes it and says so. */
async function writeNote(p: TPartner, text: string) {
  await p.page.goto("/notes");
  await settle(p.page);
  await p.page.getByRole("button", { name: "Write a note" }).click();
  await p.page.getByTestId("note-form").getByLabel("Your note").fill(text);
  await p.page.getByTestId("note-form").getByRole("button", { name: "Save note" }).click();
  await expect(p.page.getByTestId("compose-status")).toContainText("Saved");
  await expect(p.page.getByTestId("note-form")).toHaveCount(0);
}

/** Opens a note's ⋯ menu and taps one of its items. */
async function fromMenu(note: ReturnType<Page["getByTestId"]>, item: RegExp) {
  await note.getByRole("button", { name: /^More for/ }).click();
  await note.getByRole("button", { name: item }).click();
}

test("a handoff note reaches the next person when their shift starts; the unread count goes up live and down once seen", async ({
  household,
}) => {
  const { on, off } = await onDutyTonight(household);

  // The one off duty has no handoff card tonight, but the count goes up live.
  await expect(off.page.getByTestId("handoff-card")).toHaveCount(0);
  await expect(badge(off.page)).toHaveCount(0);
  await leaveHandoff(on);
  await expect(on.page.getByTestId("handoff-mine")).toContainText("rocking chair");
  await expect(badge(off.page)).toContainText("1", { timeout: 10_000 });

  // The night carries a note mark in the calendar.
  await on.page.goto(`/nights?view=week&from=${night}`);
  await settle(on.page);
  await expect(
    on.page.locator(`[data-testid="calendar-night"][data-date="${night}"]`).getByTestId("handoff-marker"),
  ).toHaveText("1 handoff note");
  await expect(on.page.getByTestId("handoff-marker")).toHaveCount(1);

  // The shift changes: the next evening it's the other one's night, and Tonight shows the note; once seen the count goes.
  await pinClockOf(off, instantAt(addDays(night, 1), 19 * 60 + 30, TZ));
  await off.page.goto("/tonight");
  await settle(off.page);
  await expect(off.page.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty")).toHaveText(
    /^You're on duty/,
  );
  await expect(off.page.getByTestId("handoff-for-me")).toContainText("Fed at 21:30, she liked the rocking chair");
  await expect(off.page.getByTestId("handoff-for-me")).toContainText(on.name);
  await expect(badge(off.page)).toHaveCount(0, { timeout: 10_000 });
});

test("the morning after: a summary for the one who slept, a thank-you that reaches the partner live, put away for good", async ({
  household,
}) => {
  const { on, off } = await onDutyTonight(household);
  await logWaking(on);
  await leaveHandoff(on);

  // "While you were asleep" for the one who slept, built from the log.
  const morning = instantAt(addDays(night, 1), 8 * 60 + 30, TZ);
  await pinClockOf(off, morning);
  await off.page.goto("/tonight");
  await settle(off.page);
  const summary = off.page.getByTestId("morning-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId("summary-waking")).toHaveCount(1);
  await expect(summary.getByTestId("summary-waking")).toContainText(
    `22:00–22:25 (25 min): ${on.name} got up; rock helped.`,
  );
  await expect(summary.getByTestId("summary-notes")).toContainText("she liked the rocking chair");
  await expect(summary.getByTestId("summary-who")).toContainText(`${on.name} looked after the night`);

  // One tap: thank you. It reaches the partner's open Tonight without a reload.
  await pinClockOf(on, morning);
  await on.page.goto("/tonight");
  await settle(on.page);
  await expect(on.page.getByTestId("thanks-received")).toHaveCount(0);
  await summary.getByRole("button", { name: `Thank you, ${on.name}` }).click();
  await expect(summary.getByTestId("thanks-sent")).toContainText(`Thanks sent to ${on.name}`);
  await expect(on.page.getByTestId("thanks-received")).toContainText(`${off.name} says thank you`, {
    timeout: 10_000,
  });
  await on.page.getByRole("button", { name: "That's lovely, put it away" }).click();
  await expect(on.page.getByTestId("thanks-received")).toHaveCount(0);

  // Put away, the summary stays away.
  await summary.getByRole("button", { name: "Put this away" }).click();
  await expect(off.page.getByTestId("morning-summary")).toHaveCount(0);
  await off.page.reload();
  await settle(off.page);
  await expect(off.page.getByTestId("morning-summary")).toHaveCount(0);
});

test("a hostile note is stored as typed, shown as text, only the https link is a link, and nothing runs", async ({
  household,
  dialogs,
}) => {
  const { jordan, casey } = household;
  await writeNote(jordan, HOSTILE);
  await casey.page.goto("/notes");
  await settle(casey.page);
  const hostile = casey.page.getByTestId("note").filter({ hasText: "javascript:alert(3)" });
  await expect(hostile.getByTestId("note-body")).toHaveText(HOSTILE);
  await expect(hostile.locator("img, script, svg")).toHaveCount(0);
  await expect(hostile.getByRole("link")).toHaveCount(1);
  await expect(hostile.getByRole("link")).toHaveAttribute("href", "https://example.com/ok");
  await expect(hostile.getByRole("link")).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(badge(casey.page)).toHaveCount(0, { timeout: 10_000 }); // seen on the list: read
  // Anything the note could have run has had its turn: the page has loaded (images tried, failed ones
  // included) and painted since; on the author's page too.
  for (const p of [casey.page, jordan.page]) {
    await p.waitForLoadState("load");
    await p.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
  }
  expect(dialogs).toEqual([]);
});

test("the author edits on two screens at once: the second save shows the first one's text and keeps its own", async ({
  household,
}) => {
  const { on } = await onDutyTonight(household);
  await leaveHandoff(on);
  await on.page.goto("/notes");
  await settle(on.page);
  const handoffId = await on.page
    .getByTestId("note")
    .filter({ hasText: "Gel is on the shelf" })
    .first()
    .getAttribute("data-note-id");
  const laptop = await on.context.newPage(); // the context's dialog watch covers it too
  await laptop.goto("/notes");
  await settle(laptop);
  const noteIn = (p: Page) => p.locator(`[data-testid="note"][data-note-id="${handoffId}"]`);
  // The whole row is the way in to change a note.
  for (const p of [on.page, laptop]) await noteIn(p).getByRole("button", { name: "Change your note" }).click();
  await noteIn(on.page)
    .getByLabel("Note", { exact: true })
    .fill("Fed at 21:30. Gel on the shelf, Calpol in the cupboard.");
  await noteIn(on.page).getByRole("button", { name: "Save changes" }).click();
  await expect(noteIn(on.page).getByTestId("note-body")).toHaveText(
    "Fed at 21:30. Gel on the shelf, Calpol in the cupboard.",
  );
  await noteIn(laptop).getByLabel("Note", { exact: true }).fill("Fed at 21:30 and the rocking chair worked.");
  await noteIn(laptop).getByRole("button", { name: "Save changes" }).click();
  await expect(noteIn(laptop).getByTestId("note-conflict-theirs")).toHaveText(
    "Fed at 21:30. Gel on the shelf, Calpol in the cupboard.",
  );
  await expect(noteIn(laptop).getByLabel("Note", { exact: true })).toHaveValue(
    "Fed at 21:30 and the rocking chair worked.",
  );
  await noteIn(laptop).getByRole("button", { name: "Save changes" }).click();
  await expect(noteIn(laptop).getByTestId("note-body")).toHaveText("Fed at 21:30 and the rocking chair worked.");
  await expect(noteIn(on.page).getByTestId("note-body")).toHaveText("Fed at 21:30 and the rocking chair worked.", {
    timeout: 10_000,
  });
  await laptop.close();
});

test("search finds the one note that says it, and pinning puts it among the pinned notes", async ({ household }) => {
  const { jordan, casey } = household;
  await writeNote(jordan, "Fed at 21:30 and the rocking chair worked.");
  await writeNote(jordan, "The thermometer is in the bathroom cabinet.");
  await casey.page.goto("/notes");
  await settle(casey.page);
  await expect(casey.page.getByTestId("note")).toHaveCount(2);
  await casey.page.getByLabel("Search notes").fill("rocking");
  await casey.page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(casey.page.getByRole("heading", { name: "Notes with “rocking”" })).toBeVisible();
  await settle(casey.page);
  await expect(casey.page.getByTestId("note")).toHaveCount(1);
  await fromMenu(casey.page.getByTestId("note"), /^Pin/);
  await expect(casey.page.getByTestId("pinned-notes")).toContainText("rocking chair");
});

test("Notes, with a pinned note and a link, passes axe in the day and the night theme", async ({ household }) => {
  const { jordan, casey } = household;
  await writeNote(jordan, HOSTILE);
  await writeNote(jordan, "Fed at 21:30 and the rocking chair worked.");
  await jordan.page.reload();
  await settle(jordan.page);
  await fromMenu(jordan.page.getByTestId("note").filter({ hasText: "rocking chair" }), /^Pin/);
  await expect(jordan.page.getByTestId("pinned-notes")).toContainText("rocking chair");
  await casey.page.goto("/notes");
  await settle(casey.page);
  for (const theme of ["day", "night"] as const) {
    await setTheme(casey.context, theme);
    await casey.page.reload();
    await settle(casey.page);
    expect(await seriousAxeViolations(casey.page), theme).toEqual([]);
  }
});

test("on a phone (390×844): newest first, composing opens by a button, ⋯ pins and removes (with a confirm)", async ({
  household,
}) => {
  const { jordan, casey } = household;
  await jordan.page.setViewportSize({ width: 390, height: 844 });
  for (const text of ["First: the bottles are sterilised.", "Second: nappies are low.", "Third: GP at 10:00."])
    await writeNote(jordan, text);
  await jordan.page.reload();
  await settle(jordan.page);
  // No form on the first screen: a button opens it.
  await expect(jordan.page.getByTestId("note-form")).toHaveCount(0);
  await expect(jordan.page.getByRole("button", { name: "Write a note" })).toBeInViewport();
  const notes = jordan.page.getByTestId("notes-list").getByTestId("note-body");
  await expect(notes).toHaveText([
    "Third: GP at 10:00.",
    "Second: nappies are low.",
    "First: the bottles are sterilised.",
  ]);
  await expect(jordan.page.getByTestId("note").first()).toBeInViewport();
  // One quiet ⋯ per row instead of Change, Pin and Remove.
  const second = jordan.page.getByTestId("note").filter({ hasText: "Second" });
  await expect(second.getByRole("button", { name: "Remove" })).toBeHidden();
  await fromMenu(second, /^Pin/);
  await expect(jordan.page.getByTestId("pinned-notes")).toContainText("Second: nappies are low.");
  // Remove is red and asks first; "Cancel" keeps the note.
  const first = jordan.page.getByTestId("notes-list").getByTestId("note").filter({ hasText: "First" });
  await fromMenu(first, /^Remove/);
  await expect(first.getByText("Remove your note?")).toBeVisible();
  await first.getByRole("button", { name: "Cancel" }).click();
  await expect(first).toHaveCount(1);
  const removeColour = await first.getByRole("button", { name: /^Remove/ }).evaluate((b) => getComputedStyle(b).color);
  const dangerColour = await jordan.page.evaluate(() => {
    const probe = document.createElement("span");
    probe.style.color = "var(--danger)";
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  expect(removeColour).toBe(dangerColour);
  await first.getByRole("button", { name: /^Remove/ }).click();
  await first.getByRole("button", { name: "Yes, remove" }).click();
  await expect(jordan.page.getByTestId("note").filter({ hasText: "First" })).toHaveCount(0);
  await casey.page.goto("/notes");
  await settle(casey.page);
  await expect(casey.page.getByTestId("note").filter({ hasText: "First" })).toHaveCount(0);
  await expect(casey.page.getByTestId("note")).toHaveCount(2);
});
