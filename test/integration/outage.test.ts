// A database that is away surfaces as one typed error (lib/db.ts), which
// actions answer as "unavailable" and pages as the reconnecting boundary.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb, withOutageMapping } from "@/lib/db";
import { runDomain } from "@/lib/action";
import { DatabaseUnavailable, UNAVAILABLE_DIGEST } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/prisma-errors";
import { invalid } from "@/lib/errors";
import { isFinalRefusal } from "@/lib/log/replay";
import { STALE_TAP_MESSAGE } from "@/lib/log/receipts";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { holdPageDuringOutage, inOutage, markHealthy, RETRY_AFTER_SECONDS } from "@/lib/http/outage";

// Nothing listens on port 1: every connection is refused, as during a restart.
const away = withOutageMapping(
  new PrismaClient({
    adapter: new PrismaPg({ connectionString: "postgresql://nobody@127.0.0.1:1/none", connectionTimeoutMillis: 2000 }),
  }),
);
afterAll(() => away.$disconnect());

describe("a database that is away", () => {
  it("model reads, raw queries and writes all throw DatabaseUnavailable, with the digest pages recognise", async () => {
    for (const call of [
      () => away.user.findFirst(),
      () => away.$queryRaw`SELECT 1`,
      () => away.user.updateMany({ data: { name: "x" } }),
    ]) {
      const e = await call().then(
        () => null,
        (err: unknown) => err,
      );
      expect(e).toBeInstanceOf(DatabaseUnavailable);
      expect((e as DatabaseUnavailable).digest).toBe(UNAVAILABLE_DIGEST);
    }
  });

  it("an action answers it as a typed result, not a thrown error", async () => {
    expect(await runDomain(() => away.user.count())).toMatchObject({ ok: false, code: "unavailable" });
  });

  it("a replayed tap that meets it stays on the phone (retry); the operation's own refusal is final", async () => {
    const away_ = await away.user.count().then(
      () => null,
      (err: unknown) => err,
    );
    expect(away_).toBeInstanceOf(DatabaseUnavailable);
    // The phone drops a tap whose answer is final; an unreachable database must not be one.
    expect(isFinalRefusal(away_)).toBe(false);
    expect(isFinalRefusal(invalid(STALE_TAP_MESSAGE))).toBe(true);
    expect(isFinalRefusal(new Error("anything else"))).toBe(false);
  });

  it("a statement Postgres refuses is not an outage and passes through unchanged", async () => {
    const e = await getDb().$queryRaw`SELECT 1/0`.then(
      () => null,
      (err: unknown) => err,
    );
    expect(e).not.toBeNull();
    expect(e).not.toBeInstanceOf(DatabaseUnavailable);
  });

  it.each([
    [{ code: "ECONNREFUSED" }, true],
    [
      { message: "wrapped", cause: { code: "57P01", message: "terminating connection due to administrator command" } },
      true,
    ],
    [{ code: "08006" }, true],
    [new Error("Connection terminated unexpectedly"), true],
    // As the outage drill met it: a raw query's P2010, the driver's kind only in meta.
    [
      {
        code: "P2010",
        message: "Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } } },
      },
      true,
    ],
    [
      {
        code: "P2010",
        message: "Raw query failed",
        meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } },
      },
      true,
    ],
    [{ code: "P2010", message: "Raw query failed", meta: { driverAdapterError: { cause: { code: "22012" } } } }, false],
    [{ code: "P2002" }, false],
    [{ code: "23505", message: "duplicate key" }, false],
    [new Error("division by zero"), false],
    [null, false],
  ])("isDatabaseUnavailable(%o) is %s", (e, expected) => {
    expect(isDatabaseUnavailable(e)).toBe(expected);
  });
});

describe("page loads during an outage", () => {
  /** A server that passes what the outage gate lets through; `probe` asks a real database. */
  async function gated(probe: () => Promise<unknown>) {
    let reached = 0;
    const server = http.createServer((req, res) => {
      const pass = () => {
        reached++;
        res.end("the app");
      };
      if (!holdPageDuringOutage(req, res, pass, probe)) pass();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { base, reached: () => reached, close: () => server.close() };
  }
  const page = { accept: "text/html,application/xhtml+xml" };

  it("a statement that finds the database away marks the outage; one that succeeds ends it", async () => {
    markHealthy();
    await away.$queryRaw`SELECT 1`.catch(() => null);
    expect(inOutage()).toBe(true);
    await getDb().$queryRaw`SELECT 1`;
    expect(inOutage()).toBe(false);
  });

  it("while the database is away: our own 503 with Retry-After for a page load; navigations, scripts and APIs pass", async () => {
    await away.$queryRaw`SELECT 1`.catch(() => null);
    const s = await gated(() => away.$queryRaw`SELECT 1`);
    try {
      const res = await fetch(`${s.base}/tonight`, { headers: page });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      const body = await res.text();
      expect(body).toContain("Attune is reconnecting");
      expect(body).toContain(`http-equiv="refresh" content="${RETRY_AFTER_SECONDS}"`);
      expect(s.reached()).toBe(0);
      for (const [path, headers] of [
        ["/tonight", { ...page, rsc: "1" }],
        ["/_next/static/chunks/app.js", page],
        ["/api/health", page],
        ["/tonight", { accept: "*/*" }],
      ] as const) {
        expect((await fetch(`${s.base}${path}`, { headers })).status).toBe(200);
      }
      expect(s.reached()).toBe(4);
      expect(inOutage()).toBe(true);
    } finally {
      s.close();
    }
  });

  it("the outage page speaks the browser's language (Accept-Language), British English when none fits", async () => {
    await away.$queryRaw`SELECT 1`.catch(() => null);
    const s = await gated(() => away.$queryRaw`SELECT 1`);
    try {
      const de = await fetch(`${s.base}/tonight`, {
        headers: { ...page, "accept-language": "de-AT,de;q=0.9,en;q=0.5" },
      });
      expect(de.status).toBe(503);
      expect(de.headers.get("content-language")).toBe("de");
      const body = await de.text();
      expect(body).toContain('<html lang="de">');
      expect(body).toContain("Attune verbindet sich neu");
      const other = await fetch(`${s.base}/tonight`, { headers: { ...page, "accept-language": "fr-FR" } });
      expect(await other.text()).toContain("Attune is reconnecting");
    } finally {
      s.close();
    }
  });

  it("once the database answers the probe, the next page load goes through", async () => {
    await away.$queryRaw`SELECT 1`.catch(() => null);
    // The probe runs at most once a second; wait that out so this load probes.
    await new Promise((r) => setTimeout(r, 1_100));
    const s = await gated(() => getDb().$queryRaw`SELECT 1`);
    try {
      const res = await fetch(`${s.base}/tonight`, { headers: page });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("the app");
      expect(inOutage()).toBe(false);
    } finally {
      s.close();
    }
  });
});

describe("a pool that is busy for longer than Prisma's default wait", () => {
  it("makes the next transaction wait for a connection instead of answering unavailable after 2 s", async () => {
    const db = getDb();
    const { DB_POOL_MAX } = (await import("@/lib/env")).env();
    // Every pooled connection in a transaction that holds it for 2.6 s.
    const holders = Array.from({ length: DB_POOL_MAX }, () =>
      db.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(2.6)`),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const n = await db.$transaction(async (tx) => tx.user.count());
    const waited = Date.now() - started;
    await Promise.all(holders);
    expect(n).toBeGreaterThanOrEqual(0);
    // It did wait on the full pool, past Prisma's 2 s default (P2028 before TX_DEFAULTS).
    expect(waited).toBeGreaterThan(2_000);
  });
});
