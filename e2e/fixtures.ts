// Playwright fixtures: a household of two, new for each test, and a signed-in
// page for each partner.
//
//   import { expect, test } from "./fixtures";
//   test.use({ householdName: "Night owls" });
//   test("…", async ({ household, pageA, pageB }) => { … });
//
// Jordan (pageA) and Casey (pageB) are the two parents of a household
// (Europe/London, 19:00–07:00) with one baby, Pip. The accounts, household,
// baby and memberships are written straight into the test server's database
// (a real argon2 hash of PASSWORD, as sign-up stores it); each partner is then
// signed in, in their own browser context, through Auth.js's real credentials
// endpoint, so the session cookie is the one the app issues. The journey that
// makes the same household through the UI (sign-up, onboarding, invite link,
// join) is tested step by step in partners.spec.ts; doing it for every test
// cost ~11 s each. Each test gets a new household (its name made unique), so
// tests never see each other's nights; both contexts are closed after the test.
// Pages start blank: go to the page the test is about.
// (A fixture's second argument is named `provide` here, not Playwright's
// usual `use`, which the React hooks lint rule would take for React's.)
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { test as base, expect } from "./csp-guard";
import type pg from "pg";
import { dutyText, PASSWORD, pinClock, serverDb, settle, signInByRequest, uniqueEmail } from "./helpers";

export { expect };

export type TPartner = { name: "Jordan" | "Casey"; email: string; context: BrowserContext; page: Page };

export type THousehold = {
  /** Unique per test: `${householdName} 1a2b3c`. */
  name: string;
  timeZone: "Europe/London";
  jordan: TPartner;
  casey: TPartner;
  /** Pins "now" for both partners: their browsers' clocks and the server's (a cookie, see lib/clock.ts). */
  pinClock(now: Date): Promise<void>;
  /**
   * `weeks` of whole nights (19:00–07:00) from `night`, taking turns from
   * Jordan: the shifts "Fill the nights" leaves, written in one statement, for
   * tests the rota is only the setting of (filling it by hand is nights.spec.ts).
   */
  fillRota(night: string, weeks?: number): Promise<void>;
};

type TFixtures = {
  /** The readable part of the household's name; set per file or describe with test.use({ householdName }). */
  householdName: string;
  household: THousehold;
  /** Jordan's page, signed in; the household's first parent. */
  pageA: Page;
  /** Casey's page, signed in (another browser context); the second parent. */
  pageB: Page;
};

type TWorkerFixtures = {
  /** One client per worker on the test server's database. */
  serverDatabase: pg.Client;
  /** An argon2id hash of PASSWORD, made once per worker (each costs ~0.1 s of a busy core). */
  passwordHash: string;
};

/** Whole nights, taking turns from the first parent to join, as the rota's "Take turns, whole nights" does. */
async function insertTurns(db: pg.Client, household: string, night: string, nights: number) {
  await db.query(
    `WITH h AS (
       SELECT id, time_zone FROM households WHERE name = $1
     ), parents AS (
       SELECT c.id, row_number() OVER (ORDER BY c.joined_at) - 1 AS turn
       FROM caregivers c JOIN h ON c.household_id = h.id
     ), nights AS (
       SELECT $2::date + n AS night, n FROM generate_series(0, $3 - 1) AS n
     )
     INSERT INTO shifts (id, household_id, caregiver_id, night_date, starts_at, ends_at, source, reason, updated_at)
     SELECT gen_random_uuid(), h.id, parents.id, nights.night,
            (nights.night + time '19:00') AT TIME ZONE h.time_zone,
            (nights.night + 1 + time '07:00') AT TIME ZONE h.time_zone,
            'rota', 'Taking turns', now()
     FROM h, nights JOIN parents ON parents.turn = nights.n % 2`,
    [household, night, nights],
  );
}

/**
 * Jordan and Casey, a household of theirs with Pip, in one statement: what
 * sign-up, "Create household", "Add baby" and joining by invite leave behind.
 */
async function insertHousehold(
  db: pg.Client,
  h: { name: string; timeZone: string; jordan: string; casey: string; passwordHash: string },
) {
  await db.query(
    `WITH jordan AS (
       INSERT INTO users (id, email, name, password_hash, updated_at)
       VALUES (gen_random_uuid(), $1, 'Jordan', $3, now()) RETURNING id
     ), casey AS (
       INSERT INTO users (id, email, name, password_hash, updated_at)
       VALUES (gen_random_uuid(), $2, 'Casey', $3, now()) RETURNING id
     ), household AS (
       INSERT INTO households (id, name, time_zone, night_start, night_end, updated_at)
       VALUES (gen_random_uuid(), $4, $5, 19 * 60, 7 * 60, now()) RETURNING id
     ), parents AS (
       INSERT INTO caregivers (id, household_id, user_id, role, joined_at)
       SELECT gen_random_uuid(), household.id, jordan.id, 'parent'::"Role", now() FROM household, jordan
       UNION ALL
       SELECT gen_random_uuid(), household.id, casey.id, 'parent'::"Role", now() + interval '1 millisecond' FROM household, casey
     )
     INSERT INTO babies (id, household_id, name, birth_date)
     SELECT gen_random_uuid(), household.id, 'Pip', DATE '2026-09-14' FROM household`,
    [h.jordan, h.casey, h.passwordHash, h.name, h.timeZone],
  );
}

/**
 * The fixture's household, for a test that runs its own server (e2e/outage.spec.ts):
 * the rows in `db`, both partners signed in on `baseURL` (the test server's when left out).
 */
export async function makeHousehold(opts: {
  browser: Browser;
  db: pg.Client;
  passwordHash: string;
  householdName: string;
  baseURL?: string;
}): Promise<{ household: THousehold; close: () => Promise<void> }> {
  const { browser, db, passwordHash } = opts;
  const name = `${opts.householdName} ${randomBytes(3).toString("hex")}`;
  const [jordanEmail, caseyEmail] = [uniqueEmail("jordan"), uniqueEmail("casey")];
  const options = opts.baseURL ? { baseURL: opts.baseURL } : {};
  const [a, b] = await Promise.all([browser.newContext(options), browser.newContext(options)]);
  const close = async () => void (await Promise.all([a.close(), b.close()]));
  try {
    // The rows, then both sign-ins, while the browser opens the two pages.
    const signedIn = async () => {
      await insertHousehold(db, {
        name,
        timeZone: "Europe/London",
        jordan: jordanEmail,
        casey: caseyEmail,
        passwordHash,
      });
      await Promise.all([signInByRequest(a, jordanEmail), signInByRequest(b, caseyEmail)]);
    };
    const [, pageA, pageB] = await Promise.all([signedIn(), a.newPage(), b.newPage()]);
    const jordan: TPartner = { name: "Jordan", email: jordanEmail, context: a, page: pageA };
    const casey: TPartner = { name: "Casey", email: caseyEmail, context: b, page: pageB };
    const household: THousehold = {
      name,
      timeZone: "Europe/London",
      jordan,
      casey,
      async pinClock(now) {
        await pinClock(a, pageA, now);
        await pinClock(b, pageB, now);
      },
      async fillRota(night, weeks = 1) {
        await insertTurns(db, name, night, weeks * 7);
      },
    };
    return { household, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export const test = base.extend<TFixtures, TWorkerFixtures>({
  householdName: ["Our house", { option: true }],

  serverDatabase: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern.
    async ({}, provide) => {
      const db = await serverDb();
      try {
        await provide(db);
      } finally {
        await db.end();
      }
    },
    { scope: "worker" },
  ],

  passwordHash: [
    // eslint-disable-next-line no-empty-pattern -- as above.
    async ({}, provide) => {
      // Argon2id (the library's default algorithm), as lib/auth/password.ts stores passwords.
      await provide(await hash(PASSWORD));
    },
    { scope: "worker" },
  ],

  household: [
    async ({ browser, householdName, serverDatabase, passwordHash }, provide) => {
      const { household, close } = await makeHousehold({ browser, db: serverDatabase, passwordHash, householdName });
      try {
        await provide(household);
      } finally {
        await close();
      }
    },
    // Two sign-ins on a busy machine: its own time, not the test's.
    { timeout: 30_000 },
  ],

  pageA: async ({ household }, provide) => {
    await provide(household.jordan.page);
  },
  pageB: async ({ household }, provide) => {
    await provide(household.casey.page);
  },
});

/**
 * Opens Tonight on both pages and tells who is on duty now (after the rota is
 * filled and the clock pinned inside a night): `on` says "You're on duty".
 * Both pages are left on /tonight.
 */
export async function onAndOffDuty(h: THousehold): Promise<{ on: TPartner; off: TPartner }> {
  for (const p of [h.jordan.page, h.casey.page]) {
    await p.goto("/tonight");
    await settle(p);
  }
  const jordanOn = (await dutyText(h.jordan.page)).startsWith("You're on duty");
  return jordanOn ? { on: h.jordan, off: h.casey } : { on: h.casey, off: h.jordan };
}
