// The API as a bedside button uses it, and the data download as a parent
// clicks it: a token made in Settings, then plain `fetch` against the
// production server (no browser cookies), and what the partner's screen shows.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { settle } from "./helpers";
import { addDays } from "../lib/time/local-date";

test.use({ householdName: "Bedside button" });

/** `fetch` to the test server with the token, as curl or Home Assistant would send it. */
function api(baseURL: string, token: string) {
  return (path: string, init: { method?: string; body?: unknown; key?: string } = {}) =>
    fetch(new URL(path, baseURL), {
      method: init.method ?? "GET",
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined ? {} : { "content-type": "application/json" }),
        ...(init.key ? { "idempotency-key": init.key } : {}),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
}

test("a token made in Settings logs a waking with fetch, the partner sees it, a repeated press logs once, and revoking stops it", async ({
  household,
  pageA,
  pageB,
  baseURL,
  serverDatabase,
}) => {
  // Jordan makes a token that may read and log the night.
  await pageA.goto("/settings");
  await settle(pageA);
  await pageA.getByText("Make a token").click();
  const form = pageA.getByRole("form", { name: "Make a personal token" });
  await form.getByLabel("Name").fill("Bedside button");
  for (const box of await form.getByRole("checkbox").all()) await box.check();
  await form.getByRole("button", { name: "Make the token" }).click();
  const shown = pageA.getByTestId("api-token-created");
  await expect(shown).toBeVisible();
  const token = await shown.getByRole("textbox").inputValue();
  expect(token.length).toBeGreaterThan(30);
  const call = api(baseURL!, token);

  // No token, or a wrong one: 401 with the header a client reads.
  const anonymous = await fetch(new URL("/api/v1/tonight", baseURL));
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
  expect((await call("/api/v1/tonight")).status).toBe(200);

  await pageB.goto("/tonight");
  await settle(pageB);
  await expect(pageB.getByTestId("live-status")).toHaveAttribute("data-live", "open", { timeout: 30_000 });

  // "I'm up": a press sent twice with its key gets the first answer again (201,
  // the same waking); a second press with a new key joins the open waking (200).
  const key = randomUUID();
  const first = await call("/api/v1/wakings", { method: "POST", body: {}, key });
  expect(first.status).toBe(201);
  const started = (await first.json()) as { wakingId: string; responderName: string };
  expect(started.responderName).toBe("Jordan");
  const resent = await call("/api/v1/wakings", { method: "POST", body: {}, key });
  expect(resent.status).toBe(201);
  expect(((await resent.json()) as { wakingId: string }).wakingId).toBe(started.wakingId);
  const pressedAgain = await call("/api/v1/wakings", { method: "POST", body: {}, key: randomUUID() });
  expect(pressedAgain.status).toBe(200);
  expect(((await pressedAgain.json()) as { wakingId: string }).wakingId).toBe(started.wakingId);

  // Casey's open Tonight shows it without a reload.
  await expect(pageB.getByTestId("up-now").first()).toContainText("Jordan is up", { timeout: 20_000 });

  // The night logs over the API hold exactly that one waking: in the night
  // Tonight names, or (pressed in the daytime) the one before it.
  const tonight = (await (await call("/api/v1/tonight")).json()) as { night: { date: string } };
  const logged: string[] = [];
  for (const night of [addDays(tonight.night.date, -1), tonight.night.date]) {
    const log = (await (await call(`/api/v1/nights/${night}/log`)).json()) as { wakings: { id: string }[] };
    logged.push(...log.wakings.map((w) => w.id));
  }
  expect(logged).toEqual([started.wakingId]);

  // "Back to sleep" for the current waking; Casey's screen clears.
  const ended = await call("/api/v1/wakings/current/end", { method: "POST", body: { helped: [] }, key: randomUUID() });
  expect(ended.status).toBe(200);
  expect(((await ended.json()) as { wakingId: string }).wakingId).toBe(started.wakingId);
  await expect(pageB.getByTestId("up-now")).toHaveCount(0, { timeout: 20_000 });

  // Revoked in Settings: the next press is refused and nothing is written.
  await pageA.goto("/settings");
  await settle(pageA);
  await pageA
    .getByTestId("api-token")
    .getByRole("button", { name: /Revoke/ })
    .click();
  await expect(pageA.getByTestId("api-token")).toHaveAttribute("data-revoked", "true");
  const refused = await call("/api/v1/wakings", { method: "POST", body: {}, key: randomUUID() });
  expect(refused.status).toBe(401);
  const { rows } = await serverDatabase.query(
    `SELECT count(*)::int AS n FROM wakings w JOIN households h ON h.id = w.household_id WHERE h.name = $1`,
    [household.name],
  );
  expect(rows[0].n).toBe(1);
});

test("“Download our data” saves the household's JSON with its nights in it", async ({ household, pageA }) => {
  await household.fillRota("2026-11-01", 1);
  await pageA.goto("/settings");
  await settle(pageA);
  const [download] = await Promise.all([
    pageA.waitForEvent("download"),
    pageA.getByRole("link", { name: "Download our data (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const data = JSON.parse(await readFile((await download.path())!, "utf8")) as {
    schemaVersion: number;
    household: { name: string };
    shifts: unknown[];
  };
  expect(data.schemaVersion).toBeGreaterThanOrEqual(1);
  expect(data.household.name).toBe(household.name);
  expect(data.shifts).toHaveLength(7);
});
