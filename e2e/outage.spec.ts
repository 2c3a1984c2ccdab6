// The outage drill (#12, item 4): a Postgres this test owns goes down hard
// (the postmaster gets SIGQUIT: an immediate shutdown, as a crash or a
// failover looks to the app) while both partners have Tonight open, stays
// down for 3 s and comes back. After each of five outages in a row, "I'm up"
// and the tap-out must reach the other partner's screen without a reload, and
// at no moment may either screen show the generic error page (Next's "This
// page couldn't load" or our "Something went wrong"); the small
// "reconnecting…" line is the allowed face of an outage.
// Its own cluster and its own `next start` (the test server's database is
// shared with every other spec, which an outage would break).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import type { Locator, Page } from "@playwright/test";
import pg from "pg";
import { freePort, startEmbeddedDb, type TEmbeddedDb } from "../scripts/embedded-db";
import { migrate } from "../lib/migrate";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";
import { expect, makeHousehold, onAndOffDuty, test } from "./fixtures";
import { PASSWORD } from "./helpers";

const OUTAGES = Number(process.env.OUTAGE_RUNS ?? 5);
const DOWN_MS = 3_000;
const TZ = "Europe/London";
const night = addDays(localDateOf(new Date(), TZ), 9);
const threeAm = instantAt(addDays(night, 1), 3 * 60, TZ);

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, `.data/e2e-outage-${process.pid}-${randomBytes(3).toString("hex")}`);
const pgDir = path.join(dataDir, "pg");
let base = "";

let db: TEmbeddedDb | undefined;
let dbPort = 0;
let url = "";
let server: ChildProcess | undefined;
const serverLog: string[] = [];

/** What a screen must never show: Next's generic error page, or our boundary's apology. */
const GENERIC = /This page couldn.t load|Application error|Something went wrong|Internal Server Error/;

test.describe.configure({ timeout: 60_000 + OUTAGES * 40_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  await rm(dataDir, { recursive: true, force: true });
  db = await startEmbeddedDb({ dataDir: pgDir, ephemeral: true });
  dbPort = db.port;
  await db.createDatabase("attune");
  url = db.urlFor("attune");
  await migrate(url);
  // Any free port: two workers (or --repeat-each) may run this file side by side.
  const port = await freePort(0);
  base = `http://localhost:${port}`;
  server = spawn(path.join(root, "node_modules/.bin/tsx"), ["scripts/launch.ts", "start"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      ATTUNE_DATA_DIR: dataDir,
      ATTUNE_TEST_CLOCK: "1",
      ATTUNE_PUSH_WORKER: "0",
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: tsx, the launcher and Next end together (afterAll).
    detached: true,
  });
  for (const s of [server.stdout!, server.stderr!]) s.on("data", (d: Buffer) => serverLog.push(d.toString()));
  const until = Date.now() + 120_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the outage server exited:\n${serverLog.join("")}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error(`the outage server did not start:\n${serverLog.join("")}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  writeFileSync(path.join(root, "test-results", "outage-server.log"), serverLog.join(""));
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once("exit", r));
    process.kill(-server.pid!, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  await db?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** Postgres goes away at once: SIGQUIT to the postmaster is an immediate shutdown (no checkpoint, clients cut). */
async function crashDatabase() {
  const pid = Number(readFileSync(path.join(pgDir, "postmaster.pid"), "utf8").split("\n")[0]);
  process.kill(pid, "SIGQUIT");
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("Postgres did not stop");
}

/** The same cluster on the same port, after crash recovery. */
async function restartDatabase() {
  db = await startEmbeddedDb({ dataDir: pgDir, port: dbPort, ephemeral: true });
  expect(db.port).toBe(dbPort);
}

/**
 * One press, as a thumb makes it: once the button shows, it is clicked once. (Playwright's click
 * retries when the page re-renders under it: right after an outage the live channel's refresh can
 * replace the button just after the press landed, and the retry then waited for a button the press
 * itself had taken away; the database showed the one waking it made.)
 */
async function tap(button: Locator) {
  await expect(button).toBeVisible({ timeout: 20_000 });
  await button.evaluate((b: HTMLElement) => b.click(), undefined, { timeout: 20_000 });
}

/** Reads both screens every 100 ms; anything generic seen at any moment is kept. */
function watchForGenericErrors(pages: { who: string; page: Page }[]) {
  const seen: string[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      for (const { who, page } of pages) {
        const text = await page.evaluate(() => document.body?.innerText ?? "").catch(() => "" /* mid-navigation */);
        const m = GENERIC.exec(text);
        if (m) seen.push(`${who}: ${m[0]}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    seen,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

test(`${OUTAGES} database outages in a row: after each, "I'm up" and the tap-out reach the other screen without a reload, and no screen shows a generic error`, async ({
  browser,
}) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { household, close } = await makeHousehold({
    browser,
    db: client,
    passwordHash: await hash(PASSWORD),
    householdName: "Outage",
    baseURL: base,
  });
  try {
    await household.fillRota(night);
    await client.end();
    await household.pinClock(threeAm);
    const { on, off } = await onAndOffDuty(household);
    const watch = watchForGenericErrors([
      { who: on.name, page: on.page },
      { who: off.name, page: off.page },
    ]);
    let loads = 0;
    for (const p of [on.page, off.page]) p.on("load", () => loads++);

    try {
      for (let run = 1; run <= OUTAGES; run++) {
        await test.step(`outage ${run}`, async () => {
          // Two minutes later each round: with one frozen instant every tap-out had the same
          // time, so "the latest" was any of them and a round could pass on an earlier answer.
          await household.pinClock(new Date(threeAm.getTime() + (run - 1) * 2 * 60_000));
          for (const p of [on.page, off.page])
            await expect(p.getByTestId("live-status")).toHaveAttribute("data-live", "open", { timeout: 30_000 });

          await crashDatabase();
          await new Promise((r) => setTimeout(r, DOWN_MS));
          await restartDatabase();

          // The waking: pressed once, by a tired thumb; the app retries what it must.
          await tap(on.page.getByTestId("im-up"));
          await expect(on.page.getByTestId("waking-open")).toBeVisible({ timeout: 20_000 });
          await expect(off.page.getByTestId("up-now").first()).toContainText(`${on.name} is up`, { timeout: 20_000 });

          // The tap-out, and the answer back.
          await tap(on.page.getByTestId("tap-out"));
          const alert = off.page.getByTestId("tapout-alert");
          await expect(alert).toBeVisible({ timeout: 20_000 });
          await tap(alert.getByRole("button", { name: "I'm coming" }));
          await expect(on.page.getByTestId("tapout-status")).toContainText(/coming/i, { timeout: 20_000 });

          // Back to sleep, so the next outage starts from a quiet screen.
          // "Back to sleep" holds still (aria-disabled) until the server has the waking; a tap before that is
          // ignored by design, so the test waits for it as a parent's eyes would.
          const sleep = on.page.getByTestId("back-to-sleep");
          await expect(sleep).not.toHaveAttribute("aria-disabled", "true", { timeout: 20_000 });
          await tap(sleep);
          await tap(on.page.getByTestId("after-done"));
          await expect(on.page.getByTestId("waking-open")).toHaveCount(0);
          await expect(off.page.getByTestId("up-now")).toHaveCount(0, { timeout: 20_000 });
          expect(watch.seen, `a generic error showed in outage ${run}`).toEqual([]);
        });
      }
    } catch (e) {
      // What each screen said when it failed (the report has no snapshot of a page mid-refresh),
      // and the night's wakings as the database has them.
      const said: string[] = [];
      for (const p of [on, off])
        said.push(
          `--- ${p.name}'s screen\n` +
            (await p.page.evaluate(() => document.body?.innerText ?? "").catch((err: Error) => err.message)),
        );
      const probe = new pg.Client({ connectionString: url });
      await probe.connect().then(
        async () => {
          const { rows } = await probe.query(
            `SELECT started_at, ended_at, created_at FROM wakings ORDER BY created_at`,
          );
          said.push(`--- wakings\n${rows.map((r) => JSON.stringify(r)).join("\n")}`);
          const tapOuts = await probe.query(
            `SELECT id, requested_at, answer, answered_at FROM tap_outs ORDER BY requested_at`,
          );
          said.push(`--- tap-outs\n${tapOuts.rows.map((r) => JSON.stringify(r)).join("\n")}`);
          const receipts = await probe.query(
            `SELECT kind, created_at, result IS NOT NULL AS answered FROM action_receipts ORDER BY created_at`,
          );
          said.push(`--- receipts\n${receipts.rows.map((r) => JSON.stringify(r)).join("\n")}`);
          await probe.end();
        },
        (err: Error) => said.push(`--- wakings unreadable: ${err.message}`),
      );
      writeFileSync(path.join(root, "test-results", `outage-screens-${process.pid}.txt`), said.join("\n"));
      await test.info().attach("screens and wakings", { body: said.join("\n"), contentType: "text/plain" });
      throw e;
    }
    await watch.stop();
    expect(watch.seen).toEqual([]);
    // Nobody reloaded (onAndOffDuty's own loads came before the count started).
    expect(loads).toBe(0);
    // And the outages were real for the app: its live channel lost Postgres and renders failed.
    expect(serverLog.join("")).toMatch(/LISTEN connection lost/);
    expect(serverLog.join("")).toMatch(/ATTUNE_UNAVAILABLE/);
  } finally {
    await close();
  }
});
