// More than one app instance (#9, item 6): a second `next start` on the same
// Postgres as the test server. Jordan stays on the first instance, Casey is
// moved to the second (the session cookie is per host, not per port). "I'm
// up" and the tap-out cross between them (the live channel's NOTIFY reaches
// every instance), and the tap-out's push reaches Casey's phone, here a local
// test push service, exactly once although both instances run a push worker.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, onAndOffDuty, test } from "./fixtures";
import { serverDb } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";
import { startTestPushService, type TTestPushService } from "../test/helpers/push-service";

const TZ = "Europe/London";
const night = addDays(localDateOf(new Date(), TZ), 12);
const threeAm = instantAt(addDays(night, 1), 3 * 60, TZ);

const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.resolve(root, process.env.E2E_DATA_DIR ?? ".data/e2e");
const port2 = Number(process.env.E2E_PORT ?? 3210) + 50;
const base2 = `http://localhost:${port2}`;

let second: ChildProcess | undefined;
let push: TTestPushService;
const secondLog: string[] = [];

test.use({ householdName: "Two servers" });
test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  push = await startTestPushService();
  // The webServer's environment (playwright.config.ts), another port, the first server's database and secret.
  second = spawn(path.join(root, "node_modules/.bin/next"), ["start", "--port", String(port2)], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port2),
      DATABASE_URL: readFileSync(path.join(dataDir, "database-url"), "utf8").trim(),
      AUTH_SECRET: readFileSync(path.join(dataDir, "auth-secret"), "utf8").trim(),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
      ATTUNE_DATA_DIR: dataDir,
      ATTUNE_TEST_CLOCK: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const s of [second.stdout!, second.stderr!]) s.on("data", (d: Buffer) => secondLog.push(d.toString()));
  const until = Date.now() + 120_000;
  for (;;) {
    if (second.exitCode !== null) throw new Error(`the second instance exited:\n${secondLog.join("")}`);
    const ok = await fetch(`${base2}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until) throw new Error(`the second instance did not start:\n${secondLog.join("")}`);
    await new Promise((r) => setTimeout(r, 500));
  }
});

test.afterAll(async () => {
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  writeFileSync(path.join(root, "test-results", "second-instance.log"), secondLog.join(""));
  if (second && second.exitCode === null) {
    const exited = new Promise((r) => second!.once("exit", r));
    second.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  }
  await push?.close();
});

test("partners on two instances: the live update, the tap-out and exactly one push cross between them", async ({
  household,
}) => {
  await household.pinClock(threeAm);
  await household.fillRota(night);
  const { on, off } = await onAndOffDuty(household);

  // The off-duty partner's phone takes pushes (a real browser subscribes in Settings; here, the test push service).
  const device = push.device("off-duty-phone");
  const db = await serverDb();
  try {
    await db.query(
      `INSERT INTO push_subscriptions (id, household_id, caregiver_id, endpoint, p256dh, auth)
       SELECT gen_random_uuid(), c.household_id, c.id, $2, $3, $4
         FROM caregivers c JOIN users u ON u.id = c.user_id WHERE u.email = $1`,
      [off.email, device.endpoint, device.p256dh, device.auth],
    );
  } finally {
    await db.end();
  }

  // The off-duty partner moves to the second instance.
  await off.page.goto(`${base2}/tonight`);
  await expect(off.page.getByTestId("im-up")).toBeVisible();
  // Listening on the second instance before anything happens on the first.
  await expect(off.page.getByTestId("live-status")).toHaveAttribute("data-live", "open", { timeout: 15_000 });
  await expect(on.page.getByTestId("live-status")).toHaveAttribute("data-live", "open", { timeout: 15_000 });

  await on.page.getByTestId("im-up").click();
  await expect(on.page.getByTestId("waking-open")).toBeVisible();
  await expect(off.page.getByTestId("up-now").first()).toContainText(`${on.name} is up`, { timeout: 15_000 });

  await on.page.getByTestId("tap-out").click();
  const alert = off.page.getByTestId("tapout-alert");
  await expect(alert).toBeVisible({ timeout: 15_000 });
  const [got] = await push.waitFor(1, 15_000);
  expect(got!.device).toBe("off-duty-phone");
  expect(got!.headers.urgency).toBe("high");
  expect(got!.payload).toMatchObject({ kind: "tapout", title: `${on.name} needs you`, requireInteraction: true });

  await alert.getByRole("button", { name: "I'm coming" }).click();
  await expect(on.page.getByTestId("tapout-status")).toContainText(/coming/i, { timeout: 15_000 });

  // Both workers polled meanwhile (every 5 s): still exactly one push.
  await new Promise((r) => setTimeout(r, 6000));
  expect(push.received).toHaveLength(1);
});
