// A database that is away surfaces as one typed error (lib/db.ts), which
// actions answer as "unavailable" and pages as the reconnecting boundary.
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDb, withOutageMapping } from "@/lib/db";
import { runDomain } from "@/lib/action";
import { DatabaseUnavailable, UNAVAILABLE_DIGEST } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/prisma-errors";

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
    [{ code: "P2002" }, false],
    [{ code: "23505", message: "duplicate key" }, false],
    [new Error("division by zero"), false],
    [null, false],
  ])("isDatabaseUnavailable(%o) is %s", (e, expected) => {
    expect(isDatabaseUnavailable(e)).toBe(expected);
  });
});
