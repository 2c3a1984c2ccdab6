// The test-time guard of lib/db.ts: inside an interactive transaction's
// callback, a statement must go through the callback's `tx`. One through the
// global client takes a second pooled connection while the transaction holds
// one (a pool deadlock under load) and reads outside its snapshot.
import { afterEach, describe, expect, it } from "vitest";
import { db, getDb, POOL_IN_TX, poolInTxRefusals } from "@/lib/db";

// This file breaks the rule on purpose; test/setup.ts would fail it for that.
afterEach(() => void poolInTxRefusals.splice(0));

describe("a statement through the pool inside a transaction", () => {
  it("is refused for a model operation, a raw query and a nested transaction, through db or getDb()", async () => {
    for (const inside of [
      () => db.user.count(),
      () => getDb().user.findFirst(),
      () => db.$queryRaw`SELECT 1`,
      () => getDb().$executeRaw`SELECT 1`,
      () => db.$transaction(async (tx) => tx.user.count()),
      () => db.$transaction([db.user.count()]),
    ]) {
      const e = await getDb()
        .$transaction(async (tx) => {
          await tx.user.count();
          await inside();
        })
        .catch((err: unknown) => err);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).message).toContain(POOL_IN_TX);
    }
  });

  it("is recorded even when the caller swallows the error", async () => {
    await db.$transaction(async () => {
      await db.user.count().catch(() => 0);
    });
    expect(poolInTxRefusals).toEqual([`${POOL_IN_TX} (User.count)`]);
  });

  it("is refused in work the callback starts in parallel, as long as the callback runs", async () => {
    const e = await db
      .$transaction(async (tx) => {
        await Promise.all([tx.user.count(), (async () => db.user.count())()]);
      })
      .catch((err: unknown) => err);
    expect((e as Error).message).toContain(POOL_IN_TX);
  });
});

describe("not refused", () => {
  it("through tx, before and after a transaction, in a batch, and in work left running after the callback", async () => {
    await db.user.count();
    let later: Promise<number> | undefined;
    const n = await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      const c = await tx.user.count();
      later = new Promise((resolve) => setTimeout(resolve, 50)).then(() => db.user.count());
      return c;
    });
    expect(await later).toBe(n);
    expect(await db.$transaction([db.user.count(), getDb().user.count()])).toEqual([n, n]);
    await getDb().user.count();
    expect(poolInTxRefusals).toEqual([]);
  });
});
