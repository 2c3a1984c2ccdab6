// Balance with two partners and two weeks of known nights, put straight into
// the test server's database: split bars with the right shares, in words;
// one warning with one action; the figures fit a phone without wrapping;
// axe finds nothing serious in either theme; "Offer to take tonight" makes a
// swap the loaded partner sees and accepts; parents set the thresholds; a
// private check-in stays private and a shared one is seen. A new household
// sees a kind empty state and no chart.
import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { seriousAxeViolations, serverDb, setTheme, settle } from "./helpers";
import { nightWindow } from "../lib/nights/night-window";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";
const tonight = addDays(localDateOf(new Date(), TZ), 20);
const afternoon = instantAt(tonight, 14 * 60, TZ);

/**
 * Nights tonight-14 … tonight+1. Jordan has the last three nights and
 * tonight (a fourth night running); before that they alternate. Over the
 * last 7 nights Jordan got up 8 times, Casey twice: 80%.
 */
async function seedTwoWeeks(household: string) {
  const client = await serverDb();
  try {
    const { rows } = await client.query<{ id: string; name: string; household_id: string }>(
      `SELECT c.id, u.name, c.household_id FROM caregivers c JOIN users u ON u.id = c.user_id JOIN households h ON h.id = c.household_id WHERE h.name = $1`,
      [household],
    );
    const jordan = rows.find((r) => r.name === "Jordan")!.id;
    const casey = rows.find((r) => r.name === "Casey")!.id;
    const householdId = rows[0]!.household_id;
    const { rows: babies } = await client.query<{ id: string }>(`SELECT id FROM babies WHERE household_id = $1`, [
      householdId,
    ]);
    for (let i = 14; i >= -1; i--) {
      const date = addDays(tonight, -i);
      const w = nightWindow(date, TZ, 19 * 60, 7 * 60);
      const who = i <= 3 ? jordan : i % 2 === 0 ? casey : jordan;
      await client.query(
        `INSERT INTO shifts (id, household_id, caregiver_id, night_date, starts_at, ends_at, source, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'rota', now())`,
        [randomUUID(), householdId, i === -1 ? casey : who, date, w.start, w.end],
      );
      if (i < 1 || i > 7) continue;
      const wake = async (responder: string, hour: number) => {
        const start = new Date(w.start.getTime() + hour * 3600_000);
        await client.query(
          `INSERT INTO wakings (id, household_id, baby_id, night_date, started_at, ended_at, responder_id, helped, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, '{rock}', now())`,
          [randomUUID(), householdId, babies[0]!.id, date, start, new Date(start.getTime() + 20 * 60_000), responder],
        );
      };
      await wake(jordan, 6);
      if (i === 1) await wake(jordan, 9);
      if (i === 5 || i === 6) await wake(casey, 8);
    }
  } finally {
    await client.end();
  }
}

test.use({ householdName: "Balance" });

test("a household with no nights yet: a kind empty state, and no chart drawn", async ({ household, pageA }) => {
  await household.pinClock(afternoon);
  await pageA.setViewportSize({ width: 390, height: 844 });
  await pageA.goto("/balance");
  await settle(pageA);
  await expect(pageA.getByTestId("balance-empty")).toBeVisible();
  await expect(pageA.getByTestId("balance-empty")).toContainText("Nothing to weigh up yet");
  await expect(pageA.locator(".page svg")).toHaveCount(0);
  await expect(pageA.getByTestId("split-bars")).toHaveCount(0);
  await expect(pageA.getByTestId("parents-table")).toHaveCount(0);
  // The morning check-in is still there.
  await expect(pageA.getByTestId("check-in-form")).toBeVisible();
});

test.describe("two weeks of known nights", () => {
  test.beforeEach(async ({ household }) => {
    await household.pinClock(afternoon);
    await seedTwoWeeks(household.name);
  });

  test("on a phone (390×844): split bars lead with the shares in words, one warning with one action, cells on one line", async ({
    pageB: casey,
  }) => {
    await casey.setViewportSize({ width: 390, height: 844 });
    await casey.goto("/balance");
    await settle(casey);
    const bars = casey.getByTestId("split-bars");
    const split = (measure: string) => bars.locator(`[data-measure="${measure}"]`).getByTestId("split-text");
    // Jordan got up 8 times, Casey twice; Jordan had 5 of the 7 nights (71.4%), Casey 2 (28.6%).
    await expect(split("wakings")).toHaveText("Jordan 80% · Casey 20%");
    await expect(split("nightsOnDuty")).toHaveText("Jordan 71% · Casey 29%");
    await expect(split("minutesAwake")).toHaveText("Jordan 80% · Casey 20%");
    await expect(split("protectedSleep")).toContainText("Jordan");
    // The lead is on the first screen, above the warning.
    const box = await bars.locator('[data-measure="wakings"]').boundingBox();
    expect(box!.y + box!.height).toBeLessThan(844);
    // At most one warning, with one action (never "Offer…" and "Ask…" at once).
    await expect(casey.getByTestId("balance-warning")).toHaveCount(1);
    await expect(casey.getByTestId("balance-warnings").getByRole("button")).toHaveCount(1);
    // One "What these figures mean", no underlined term per row.
    await expect(casey.getByTestId("parents-table").getByRole("link")).toHaveCount(0);
    await expect(casey.getByTestId("balance-definitions")).toHaveCount(1);
    // No figure wraps: every cell is one line of text at 390 px.
    const lines = await casey
      .getByTestId("parents-table")
      .locator("td")
      .evaluateAll((cells) =>
        cells.map((td) => {
          const r = document.createRange();
          r.selectNodeContents(td);
          return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
        }),
      );
    expect(Math.max(...lines)).toBe(1);
    // The charts are bars drawn by the server (SVG), with their tables for screen readers.
    await expect(casey.getByTestId("awake-table-chart").locator("rect")).not.toHaveCount(0);
    await expect(casey.getByTestId("sleep-table-chart").locator("path")).toHaveCount(0);
  });

  test("the last 7 nights' shares and a kind warning, a chosen range, and Tonight says it too", async ({
    pageB: casey,
  }) => {
    await casey.goto("/balance");
    await settle(casey);
    await expect(casey.getByTestId("share-summary")).toHaveText(
      "Over the last 7 nights Jordan handled 80% of wakings.",
    );
    const table = casey.getByTestId("parents-table");
    await expect(table.locator('tr[data-metric="share"] td')).toHaveText(["80%", "20%"]);
    await expect(table.locator('tr[data-metric="nightsOnDuty"] td')).toHaveText(["5", "2"]);
    await expect(table.locator('tr[data-metric="wakingsHandled"] td')).toHaveText(["8", "2"]);
    const warning = casey.getByTestId("balance-warning");
    await expect(warning).toHaveCount(1);
    await expect(warning).toContainText(
      "Jordan is on duty for the fourth night running tonight. Could someone take tonight?",
    );
    await expect(warning).toContainText("Jordan has got up for 80% of the wakings over the last 7 nights.");
    // The charts have their tables for screen readers.
    await expect(casey.getByTestId("awake-table").locator("tbody tr")).toHaveCount(7);

    // A chosen range: the two weeks.
    await casey.goto(`/balance?from=${addDays(tonight, -14)}&to=${addDays(tonight, -1)}`);
    await settle(casey);
    await expect(casey.getByTestId("share-summary")).toContainText("Jordan handled 80% of wakings.");
    await expect(casey.getByTestId("parents-table").locator('tr[data-metric="nightsOnDuty"] td')).toHaveText([
      "8",
      "6",
    ]);

    await casey.goto("/tonight");
    await settle(casey);
    await expect(casey.getByTestId("tonight-balance-warnings")).toContainText(
      "Jordan is on duty for the fourth night running tonight.",
    );
  });

  test("Balance passes axe in the night and the day theme", async ({ household, pageB: casey }) => {
    await casey.goto("/balance");
    await settle(casey);
    for (const theme of ["night", "day"] as const) {
      await setTheme(household.casey.context, theme);
      await casey.reload();
      await settle(casey);
      await expect(casey).toHaveTitle(/Balance/);
      expect(await seriousAxeViolations(casey), theme).toEqual([]);
    }
  });

  test("an offer to take tonight is one tap; Jordan sees it under Swaps waiting on Tonight and accepts", async ({
    pageA: jordan,
    pageB: casey,
  }) => {
    await casey.goto("/balance");
    await settle(casey);
    await casey.getByRole("button", { name: "Offer to take tonight" }).click();
    await expect(casey.getByTestId("offer-sent")).toContainText("Offered to Jordan");
    await jordan.goto("/tonight");
    await settle(jordan);
    const waiting = jordan.getByTestId("swaps-waiting");
    await expect(waiting.getByTestId("swap-item")).toHaveCount(1);
    await waiting.getByRole("button", { name: /^Accept/ }).click();
    await expect(jordan.getByTestId("swap-status")).not.toBeEmpty();
    await jordan.goto("/tonight");
    await settle(jordan);
    await expect(jordan.getByRole("region", { name: "Who's on duty" }).getByTestId("on-duty")).toHaveText(
      /^You're off tonight — Casey has it/,
    );
  });

  test("parents set the warning thresholds in Settings", async ({ pageA: jordan }) => {
    await jordan.goto("/settings");
    await settle(jordan);
    await jordan.getByLabel("Warn after this many nights in a row").fill("4");
    await jordan.getByRole("button", { name: "Save balance settings" }).click();
    await expect(jordan.getByTestId("balance-settings-saved")).toHaveText("Saved.");
  });

  test("a morning check-in: a private one stays private, even from the page's HTML; a shared one is seen", async ({
    household,
    pageA: jordan,
    pageB: casey,
  }) => {
    // Jordan's check-in: private first. Casey sees nothing of it.
    await jordan.goto("/balance");
    await settle(jordan);
    const form = jordan.getByTestId("check-in-form");
    await form.getByText("8", { exact: true }).click();
    await form.getByText("Flat", { exact: true }).click();
    await form.getByLabel("A note, if you like").fill("quiet secret");
    await form.getByRole("button", { name: "Save check-in" }).click();
    await expect(jordan.getByTestId("check-in-saved")).toHaveText("Saved. Only you can see it.");
    await casey.goto("/balance");
    await settle(casey);
    await expect(casey.locator("body")).not.toContainText("quiet secret");
    await expect(casey.getByTestId("check-in-item")).toHaveCount(0);
    // Not even in the page's HTML or its React Server Components payload.
    const raw = await household.casey.context.request.get("/balance");
    expect(raw.status()).toBe(200);
    const html = await raw.text();
    expect(html).toContain("Morning check-in"); // signed in as Casey: the real page
    expect(html).not.toContain("quiet secret");

    // Then shared: Casey sees it.
    await jordan.reload();
    await settle(jordan);
    await form.getByLabel("A note, if you like").fill("shared hello");
    await form.getByLabel(/Share this with Casey/).check();
    await form.getByRole("button", { name: "Update this morning's check-in" }).click();
    await expect(jordan.getByTestId("check-in-saved")).toHaveText("Saved, and shared with Casey.");
    await casey.goto("/balance");
    await settle(casey);
    await expect(casey.getByTestId("check-in-item")).toHaveCount(1);
    await expect(casey.getByTestId("check-in-item")).toContainText("Jordan");
    await expect(casey.getByTestId("check-in-item")).toContainText("shared hello");
    await expect(casey.locator("body")).not.toContainText("quiet secret");
  });
});
