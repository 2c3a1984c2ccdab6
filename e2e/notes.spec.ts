// Two partners and notes, with "now" pinned on both sides: a handoff note
// written on duty reaches the next person when their shift starts; the
// unread count goes up live and back down once seen; the morning summary
// after the night shows its waking and notes; a thank-you reaches the
// partner; a hostile note runs nothing; Notes passes axe in both themes.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fillRota, pinClock, settle, twoPartners } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";
const duty = async (p: Page) =>
  (await p.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty").innerText())
    .replace(/\s+/g, " ")
    .trim();
const badge = (p: Page) => p.locator(".side-nav").getByTestId("nav-badge-notes");
const HOSTILE = `<img src=x onerror=alert(1)><script>alert(2)</script> javascript:alert(3) "><svg onload=alert(4)> see https://example.com/ok`;

test("handoff note to the next shift, unread up and down, morning summary, thank-you, hostile text inert, axe", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const night = addDays(localDateOf(new Date(), TZ), 12);
  const lateEvening = instantAt(night, 22 * 60, TZ);
  const { a, b, pageA, pageB } = await twoPartners(browser, "Handoff house");
  // No dialog may ever open: a note that ran script would show one.
  const dialogs: string[] = [];
  for (const p of [pageA, pageB])
    p.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  await pinClock(a, pageA, lateEvening);
  await pinClock(b, pageB, lateEvening);
  await fillRota(pageA, night, 1);

  await pageA.goto("/tonight");
  await settle(pageA);
  await pageB.goto("/tonight");
  await settle(pageB);
  const aOnDuty = (await duty(pageA)).startsWith("You're on duty");
  const [onDuty, offDuty] = aOnDuty ? [pageA, pageB] : [pageB, pageA];
  const [onCtx, offCtx] = aOnDuty ? [a, b] : [b, a];
  const [onName, offName] = aOnDuty ? ["Jordan", "Casey"] : ["Casey", "Jordan"];

  // A waking at 22:00, back to sleep at 22:25 with a rock.
  await onDuty.getByTestId("im-up").click();
  await expect(onDuty.getByTestId("waking-open")).toBeVisible();
  await pinClock(onCtx, onDuty, instantAt(night, 22 * 60 + 25, TZ));
  await onDuty.reload();
  await settle(onDuty);
  await onDuty.getByTestId("back-to-sleep").click();
  await onDuty.getByTestId("helped-tags").getByRole("button", { name: "Rock" }).click();
  await onDuty.getByRole("button", { name: "Done" }).click();
  await expect(onDuty.getByTestId("waking-open")).toHaveCount(0);

  // The one on duty leaves a handoff note; the one off duty has no handoff card tonight, but the count goes up live.
  await expect(offDuty.getByTestId("handoff-card")).toHaveCount(0);
  await expect(badge(offDuty)).toHaveCount(0);
  const form = onDuty.getByTestId("handoff-form");
  await form.getByLabel("Leave a handoff note").fill("Fed at 21:30, she liked the rocking chair. Gel is on the shelf.");
  await form.getByRole("button", { name: "Save handoff note" }).click();
  await expect(onDuty.getByTestId("handoff-form-status")).toContainText("Saved");
  await expect(onDuty.getByTestId("handoff-mine")).toContainText("rocking chair");
  await expect(badge(offDuty)).toContainText("1", { timeout: 10_000 });
  // The night carries a note mark in the calendar.
  await onDuty.goto(`/nights?view=week&from=${night}`);
  await settle(onDuty);
  await expect(
    onDuty.locator(`[data-testid="calendar-night"][data-date="${night}"]`).getByTestId("handoff-marker"),
  ).toHaveText("1 handoff note");
  await expect(onDuty.getByTestId("handoff-marker")).toHaveCount(1);
  await onDuty.goto("/tonight");
  await settle(onDuty);

  // The shift changes: the next evening it's the other one's night, and Tonight shows the note; once seen the count goes.
  await pinClock(offCtx, offDuty, instantAt(addDays(night, 1), 19 * 60 + 30, TZ));
  await offDuty.goto("/tonight");
  await settle(offDuty);
  expect(await duty(offDuty)).toMatch(/^You're on duty/);
  await expect(offDuty.getByTestId("handoff-for-me")).toContainText("Fed at 21:30, she liked the rocking chair");
  await expect(offDuty.getByTestId("handoff-for-me")).toContainText(onName);
  await expect(badge(offDuty)).toHaveCount(0, { timeout: 10_000 });

  // The morning after the night: "While you were asleep" for the one who slept, built from the log.
  await pinClock(offCtx, offDuty, instantAt(addDays(night, 1), 8 * 60 + 30, TZ));
  await offDuty.goto("/tonight");
  await settle(offDuty);
  const summary = offDuty.getByTestId("morning-summary");
  await expect(summary).toBeVisible();
  await expect(summary.getByTestId("summary-waking")).toHaveCount(1);
  await expect(summary.getByTestId("summary-waking")).toContainText(
    `22:00–22:25 (25 min): ${onName} got up; rock helped.`,
  );
  await expect(summary.getByTestId("summary-notes")).toContainText("she liked the rocking chair");
  await expect(summary.getByTestId("summary-who")).toContainText(`${onName} looked after the night`);

  // One tap: thank you. It reaches the partner's open Tonight without a reload.
  await pinClock(onCtx, onDuty, instantAt(addDays(night, 1), 8 * 60 + 30, TZ));
  await onDuty.goto("/tonight");
  await settle(onDuty);
  await expect(onDuty.getByTestId("thanks-received")).toHaveCount(0);
  await summary.getByRole("button", { name: `Thank you, ${onName}` }).click();
  await expect(summary.getByTestId("thanks-sent")).toContainText(`Thanks sent to ${onName}`);
  await expect(onDuty.getByTestId("thanks-received")).toContainText(`${offName} says thank you`, { timeout: 10_000 });
  await onDuty.getByRole("button", { name: "That's lovely, put it away" }).click();
  await expect(onDuty.getByTestId("thanks-received")).toHaveCount(0);
  // Put away, the summary stays away.
  await summary.getByRole("button", { name: "Put this away" }).click();
  await expect(offDuty.getByTestId("morning-summary")).toHaveCount(0);
  await offDuty.reload();
  await settle(offDuty);
  await expect(offDuty.getByTestId("morning-summary")).toHaveCount(0);

  // A hostile note: stored as typed, shown as text, only the https link is a link, nothing runs.
  await onDuty.goto("/notes");
  await settle(onDuty);
  await onDuty.getByTestId("note-form").getByLabel("Your note").fill(HOSTILE);
  await onDuty.getByTestId("note-form").getByRole("button", { name: "Save note" }).click();
  await expect(onDuty.getByTestId("note-form-status")).toContainText("Saved");
  await offDuty.goto("/notes");
  await settle(offDuty);
  const hostile = offDuty.getByTestId("note").filter({ hasText: "javascript:alert(3)" });
  await expect(hostile.getByTestId("note-body")).toHaveText(HOSTILE);
  await expect(hostile.locator("img, script, svg")).toHaveCount(0);
  await expect(hostile.getByRole("link")).toHaveCount(1);
  await expect(hostile.getByRole("link")).toHaveAttribute("href", "https://example.com/ok");
  await expect(hostile.getByRole("link")).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(badge(offDuty)).toHaveCount(0, { timeout: 10_000 }); // seen on the list: read
  await offDuty.waitForTimeout(500); // time for anything that would run to run
  expect(dialogs).toEqual([]);

  // The author edits on two screens at once: the second save shows the first one's text and keeps its own.
  const handoffId = await onDuty
    .getByTestId("note")
    .filter({ hasText: "Gel is on the shelf" })
    .first()
    .getAttribute("data-note-id");
  const laptop = await onCtx.newPage();
  laptop.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await laptop.goto("/notes");
  await settle(laptop);
  const noteIn = (p: Page) => p.locator(`[data-testid="note"][data-note-id="${handoffId}"]`);
  for (const p of [onDuty, laptop]) await noteIn(p).locator("summary").click();
  await noteIn(onDuty)
    .getByLabel("Note", { exact: true })
    .fill("Fed at 21:30. Gel on the shelf, Calpol in the cupboard.");
  await noteIn(onDuty).getByRole("button", { name: "Save changes" }).click();
  await expect(noteIn(onDuty).getByTestId("note-body")).toHaveText(
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
  await expect(noteIn(onDuty).getByTestId("note-body")).toHaveText("Fed at 21:30 and the rocking chair worked.", {
    timeout: 10_000,
  });
  await laptop.close();

  // Search, pin.
  await offDuty.getByLabel("Search notes").fill("rocking");
  await offDuty.getByRole("button", { name: "Search", exact: true }).click();
  await expect(offDuty.getByRole("heading", { name: "Notes with “rocking”" })).toBeVisible();
  await settle(offDuty);
  await expect(offDuty.getByTestId("note")).toHaveCount(1);
  await offDuty.getByRole("button", { name: /^Pin/ }).click();
  await expect(offDuty.getByTestId("pinned-notes")).toContainText("rocking chair");

  // Notes in both themes: no serious or critical axe violations.
  await offDuty.goto("/notes");
  await settle(offDuty);
  for (const theme of ["day", "night"]) {
    await offCtx.addCookies([{ name: "attune-theme", value: theme, url: "http://localhost" }]);
    await offDuty.reload();
    await settle(offDuty);
    const results = await new AxeBuilder({ page: offDuty }).analyze();
    expect(
      results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${theme}: ${v.id}`),
    ).toEqual([]);
  }
  expect(dialogs).toEqual([]);
  await Promise.all([a.close(), b.close()]);
});
