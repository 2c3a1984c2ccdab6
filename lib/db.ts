import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { DatabaseUnavailable } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/prisma-errors";
import { markHealthy, markOutage } from "@/lib/http/outage";

// One Prisma client per process: Next's dev server re-evaluates modules, so
// keep it on globalThis, or every reload would open a new pool.
const globalForDb = globalThis as unknown as { attuneDb?: PrismaClient };

/** Called with each SQL statement (tests count them); only when query events are on. */
export const queryListeners = new Set<(sql: string) => void>();

/**
 * A database that is down (restart, failover, blip) surfaces as one typed
 * error, DatabaseUnavailable, from every model operation and raw query: actions
 * answer it as a result ("unavailable"), pages show the calm "reconnecting"
 * boundary instead of a generic error (its digest survives production masking).
 */
export function withOutageMapping(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          markHealthy();
          return result;
        } catch (e) {
          if (!isDatabaseUnavailable(e)) throw e;
          // Page loads get our own 503 until the database answers again (lib/http/outage.ts).
          markOutage();
          throw new DatabaseUnavailable(e);
        }
      },
    },
  }) as unknown as PrismaClient;
}

/** What the guard below throws (and records): the statement should have gone through the callback's `tx`. */
export const POOL_IN_TX = "statement through the pool inside a transaction: use tx";

/** Every statement the guard refused in this process, so a caller that swallows the error can't hide it (test/setup.ts). */
export const poolInTxRefusals: string[] = [];

/** The interactive transaction whose callback the running code is in (tests only; see guardPoolInTx). */
const openTransaction = new AsyncLocalStorage<{ open: boolean }>();

/**
 * Tests only: a statement on the global client (`db`, getDb()) from inside an
 * interactive transaction's callback throws POOL_IN_TX. Such a statement takes
 * a second pooled connection while the transaction holds one: with every
 * connection held by transactions waiting on each other's row locks none comes
 * free (a pool deadlock, ended by maxWait's P2028), and it reads outside the
 * transaction's snapshot. Prisma tells the query hook which statements belong
 * to a transaction (`__internalParams.transaction`, set for the callback's `tx`
 * and for a batch); an AsyncLocalStorage tells it that the caller is inside a
 * callback that is still running. A transaction (or batch) started on the
 * global client from inside one is refused the same way.
 */
export function guardPoolInTx(client: PrismaClient): PrismaClient {
  const refuse = (what: string): never => {
    const message = `${POOL_IN_TX} (${what})`;
    poolInTxRefusals.push(message);
    throw new Error(message);
  };
  const guarded = client.$extends({
    query: {
      async $allOperations({ model, operation, args, query, ...rest }) {
        const ownTx = (rest as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction;
        if (!ownTx && openTransaction.getStore()?.open) refuse(model ? `${model}.${operation}` : operation);
        return query(args);
      },
    },
  }) as unknown as PrismaClient;
  const transaction = guarded.$transaction.bind(guarded) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const $transaction = (arg: unknown, options?: unknown) => {
    if (openTransaction.getStore()?.open) refuse("$transaction");
    if (typeof arg !== "function") return transaction(arg, options);
    const fn = arg as (tx: Tx) => Promise<unknown>;
    return transaction(async (tx: Tx) => {
      const state = { open: true };
      try {
        return await openTransaction.run(state, () => fn(tx));
      } finally {
        // Work the callback started and left running (it keeps this context) is not inside the transaction any more.
        state.open = false;
      }
    }, options);
  };
  return new Proxy(guarded, {
    get: (target, prop) => (prop === "$transaction" ? $transaction : Reflect.get(target, prop, target)),
  });
}

/**
 * Every transaction's defaults. Prisma's own (2 s to get a connection, 5 s to
 * run) answer "unavailable" as soon as the pool is busy for two seconds, while
 * the night log's `once()` waited 15: under load, a form gave up where the same
 * tap, replayed, went through. One wait for all of them (decision 0037).
 */
export const TX_DEFAULTS = { maxWait: 15_000, timeout: 15_000 } as const;

function createClient(): PrismaClient {
  const e = env();
  const adapter = new PrismaPg({ connectionString: e.DATABASE_URL, max: e.DB_POOL_MAX });
  const print = e.ATTUNE_LOG_QUERIES === "1";
  if (print || e.NODE_ENV === "test") {
    const client = new PrismaClient({
      adapter,
      transactionOptions: TX_DEFAULTS,
      log: [{ emit: "event", level: "query" }],
    });
    client.$on("query", (q) => {
      if (print) console.log(`[sql] ${Number(q.duration).toFixed(2)} ms ${q.query.replace(/\s+/g, " ").slice(0, 200)}`);
      for (const listener of queryListeners) listener(q.query);
    });
    const mapped = withOutageMapping(client);
    return e.NODE_ENV === "test" ? guardPoolInTx(mapped) : mapped;
  }
  return withOutageMapping(new PrismaClient({ adapter, transactionOptions: TX_DEFAULTS }));
}

export function getDb(): PrismaClient {
  globalForDb.attuneDb ??= createClient();
  return globalForDb.attuneDb;
}

/** The one Prisma client, created on first use. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = getDb();
    const value = Reflect.get(client, prop, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
