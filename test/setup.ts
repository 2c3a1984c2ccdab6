// Per test file: its own database cloned from the migrated template, so files
// never see each other's rows; and the Next.js request plumbing that server
// actions expect (session claims, cookies, revalidate, redirect) replaced by
// small fakes. The database is never faked. Environment variables a test
// changes are put back after it (use vi.stubEnv for clarity all the same).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeEach, inject, vi } from "vitest";
import { fakeRequest } from "./helpers/request";

const adminUrl = inject("adminUrl");
const dbName = `attune_t_${randomBytes(6).toString("hex")}`;
const databaseUrlBefore = process.env.DATABASE_URL;
{
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}" TEMPLATE "${inject("templateDb")}"`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  process.env.DATABASE_URL = u.toString();
}

vi.mock("@/lib/auth/claims", () => ({
  readSessionClaims: vi.fn(async () => fakeRequest.claims),
}));

vi.mock("next/headers", () => ({
  cookies: vi.fn(async () => fakeRequest.cookieJar),
  headers: vi.fn(async () => new Headers(fakeRequest.headers)),
}));

vi.mock("next/cache", () => ({
  revalidatePath: vi.fn((p: string) => fakeRequest.revalidated.push(p)),
  revalidateTag: vi.fn(),
}));

vi.mock("next/navigation", async (importOriginal) => {
  const { RedirectSignal } = await import("./helpers/request");
  return {
    ...(await importOriginal<object>()),
    redirect: vi.fn((url: string) => {
      throw new RedirectSignal(url);
    }),
  };
});

/** process.env as it was when the test started (after the file's beforeAll hooks). */
let envBefore: Record<string, string | undefined> = {};

beforeEach(() => {
  fakeRequest.reset();
  envBefore = { ...process.env };
});

/**
 * Whatever a test set, changed or deleted in process.env goes back, so no test
 * depends on the order it runs in. (vi.stubEnv/vi.unstubAllEnvs say it in the
 * test itself; this is the net under it.)
 */
afterEach(() => {
  vi.unstubAllEnvs();
  restoreEnv(envBefore);
});

/**
 * A statement through the pool from inside a transaction's callback fails the
 * test even when the code under test caught the error (lib/db.ts, guardPoolInTx).
 */
afterEach(async () => {
  const { poolInTxRefusals } = await import("@/lib/db");
  const refused = poolInTxRefusals.splice(0);
  if (refused.length)
    throw new Error(`${refused.length} statement(s) through the pool inside a transaction:\n${refused.join("\n")}`);
});

function restoreEnv(saved: Record<string, string | undefined>) {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else if (process.env[key] !== value) process.env[key] = value;
  }
}

afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  const { closeThrottle } = await import("@/lib/auth/throttle");
  await Promise.all([getDb().$disconnect(), closeThrottle()]);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  await admin.end();
  if (databaseUrlBefore === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = databaseUrlBefore;
});
