// Per test file: its own database cloned from the migrated template, so files
// never see each other's rows; and the Next.js request plumbing that server
// actions expect (session claims, cookies, revalidate, redirect) replaced by
// small fakes. The database is never faked.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeEach, inject, vi } from "vitest";
import { fakeRequest } from "./helpers/request";

const adminUrl = inject("adminUrl");
const dbName = `attune_t_${randomBytes(6).toString("hex")}`;
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

beforeEach(() => {
  fakeRequest.reset();
});

afterAll(async () => {
  const { getDb } = await import("@/lib/db");
  const { closeThrottle } = await import("@/lib/auth/throttle");
  await Promise.all([getDb().$disconnect(), closeThrottle()]);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  await admin.end();
});
