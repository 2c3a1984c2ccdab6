// The nursery Wi-Fi drops at 3 a.m. (issue #9): "I'm up", the tap-out and
// "Back to sleep" made offline show at once as saved on this phone, are sent
// once when the connection is back, and the partner sees them, also after a
// reload while still offline (Tonight then comes from the service worker's cache).
import type { Page } from "@playwright/test";
import { expect, onAndOffDuty, test, type TPartner } from "./fixtures";
import { pinClock, serverDb, settle } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

// This spec is about the service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

const TZ = "Europe/London";
const night = addDays(localDateOf(new Date(), TZ), 10);
const threeAm = instantAt(addDays(night, 1), 3 * 60, TZ);

test.use({ householdName: "Dropped wifi" });

test.beforeEach(async ({ household }) => {
  await household.pinClock(threeAm);
  await household.fillRota(night);
});

async function rows(householdName: string) {
  const client = await serverDb();
  try {
    const q = async (table: string) =>
      Number(
        (
          await client.query(
            `SELECT count(*)::int AS n FROM ${table} t JOIN households h ON h.id = t.household_id WHERE h.name = $1`,
            [householdName],
          )
        ).rows[0].n,
      );
    return { wakings: await q("wakings"), tapOuts: await q("tap_outs"), receipts: await q("action_receipts") };
  } finally {
    await client.end();
  }
}

/**
 * I'm up, I need you, Back to sleep, all offline, on `page`. (What helped is
 * offered once "Back to sleep" has reached the server, so not offline.)
 */
async function nightOffline(on: TPartner, page = on.page) {
  await on.context.setOffline(true);
  await page.getByTestId("im-up").click();
  await expect(page.getByTestId("waking-open")).toBeVisible();
  await expect(page.getByTestId("saved-on-phone")).toHaveText("Saved on this phone, sending…");
  await expect(page.getByTestId("offline-banner")).toHaveText(
    "Offline — your taps are kept and sent when you're back.",
  );
  await page.getByTestId("tap-out").click();
  await expect(page.getByTestId("tap-out-saved")).toBeVisible();
  await page.getByTestId("back-to-sleep").click();
  await expect(page.getByTestId("waking-open")).toHaveCount(0);
  // Nothing replaced the page with the error boundary.
  await expect(page.getByTestId("night-log")).toBeVisible();
}

/** The partner's log has the one waking, ended (sent once the phone was back online). */
async function sentAndClosed(page: Page, householdName: string) {
  const items = page.getByTestId("night-log-list").getByTestId("log-item");
  await expect(items).toHaveCount(1, { timeout: 10_000 });
  try {
    await expect(items).not.toContainText("still up", { timeout: 10_000 });
  } catch (e) {
    // Failed once in a full CI run (stop 28), never alone: say whether the
    // tap never arrived or the partner's screen missed it.
    const client = await serverDb();
    try {
      const w = await client.query(
        `SELECT w.ended_at, (SELECT count(*)::int FROM action_receipts r WHERE r.household_id = h.id) AS receipts
           FROM wakings w JOIN households h ON h.id = w.household_id WHERE h.name = $1`,
        [householdName],
      );
      throw new Error(`${(e as Error).message}\nIn the database: ${JSON.stringify(w.rows)}`, { cause: e });
    } finally {
      await client.end();
    }
  }
}

test("taps made offline are shown at once, sent once when back online, and reach the partner", async ({
  household,
}) => {
  const { on, off } = await onAndOffDuty(household);
  await nightOffline(on);
  await on.context.setOffline(false);
  await expect(on.page.getByTestId("offline-banner")).toHaveCount(0, { timeout: 20_000 });
  await expect(off.page.getByTestId("tapout-alert")).toBeVisible({ timeout: 10_000 });
  await sentAndClosed(off.page, household.name);
  expect(await rows(household.name)).toEqual({ wakings: 1, tapOuts: 1, receipts: 3 });
});

test("the same queue replayed by two tabs at once still makes one waking and one tap-out", async ({ household }) => {
  const { on, off } = await onAndOffDuty(household);
  const second = await on.context.newPage();
  await pinClock(on.context, second, threeAm);
  await second.goto("/tonight");
  await settle(second);
  await nightOffline(on);
  // Both tabs see the connection come back and flush the one shared queue.
  await on.context.setOffline(false);
  for (const p of [on.page, second]) await expect(p.getByTestId("offline-banner")).toHaveCount(0, { timeout: 20_000 });
  await sentAndClosed(off.page, household.name);
  expect(await rows(household.name)).toEqual({ wakings: 1, tapOuts: 1, receipts: 3 });
});

test("taps made offline survive a reload while still offline, then are sent once", async ({ household }) => {
  test.setTimeout(120_000);
  const { on, off } = await onAndOffDuty(household);
  // The service worker controls Tonight and has its document cached (one visit while controlled).
  await on.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
  });
  await on.page.reload();
  await settle(on.page);
  await nightOffline(on);
  await on.page.reload();
  await expect(on.page.getByTestId("night-log")).toBeVisible();
  // Still on the phone, still waiting to go.
  await expect(on.page.getByTestId("offline-banner")).toBeVisible();
  expect(await rows(household.name)).toEqual({ wakings: 0, tapOuts: 0, receipts: 0 });
  await on.context.setOffline(false);
  await expect(on.page.getByTestId("offline-banner")).toHaveCount(0, { timeout: 20_000 });
  await sentAndClosed(off.page, household.name);
  expect(await rows(household.name)).toEqual({ wakings: 1, tapOuts: 1, receipts: 3 });
});

test('an "I\'m up" answered "Attune can\'t reach its database" stays on the phone and goes again, as the same tap', async ({
  household,
}) => {
  const { on, off } = await onAndOffDuty(household);
  // The action's answer is turned into the one a database blip mid-action gives ("unavailable",
  // after the session was read). Here the write itself went through first: the tap that goes
  // again must be the same tap (its key), so the waking is not made twice.
  const actionPost = (url: URL) => url.pathname === "/tonight";
  let rewritten = 0;
  await on.page.route(actionPost, async (route) => {
    if (route.request().method() !== "POST" || rewritten) return route.fallback();
    const real = await route.fetch();
    const body = (await real.text())
      .split("\n")
      .map((line) =>
        /^\w+:\{"ok":true/.test(line)
          ? `${line.slice(0, line.indexOf(":"))}:${JSON.stringify({
              ok: false,
              code: "unavailable",
              message: "Attune can't reach its database just now. It will be back in a moment; try again shortly.",
            })}`
          : line,
      )
      .join("\n");
    if (!body.includes('"unavailable"')) throw new Error(`no result row to rewrite in:\n${body.slice(0, 500)}`);
    rewritten++;
    await route.fulfill({ response: real, body });
  });
  await on.page.getByTestId("im-up").click();
  // Kept: the waking stays on screen, waiting on the phone, and no refusal is shown.
  await expect(on.page.getByTestId("waking-open")).toBeVisible();
  await expect(on.page.getByTestId("saved-on-phone")).toBeVisible();
  await expect(on.page.getByText("can't reach its database")).toHaveCount(0);
  expect(rewritten).toBe(1);
  // Sent again by the queue: the replay answers as the first delivery did, and the partner sees it.
  await expect(on.page.getByTestId("saved-on-phone")).toHaveCount(0, { timeout: 20_000 });
  await expect(off.page.getByTestId("up-now").first()).toContainText(`${on.name} is up`, { timeout: 20_000 });
  expect(await rows(household.name)).toEqual({ wakings: 1, tapOuts: 0, receipts: 1 });
});
