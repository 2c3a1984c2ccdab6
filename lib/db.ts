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

function createClient(): PrismaClient {
  const e = env();
  const adapter = new PrismaPg({ connectionString: e.DATABASE_URL, max: e.DB_POOL_MAX });
  const print = e.ATTUNE_LOG_QUERIES === "1";
  if (print || e.NODE_ENV === "test") {
    const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
    client.$on("query", (q) => {
      if (print) console.log(`[sql] ${q.query.replace(/\s+/g, " ").slice(0, 200)}`);
      for (const listener of queryListeners) listener(q.query);
    });
    return withOutageMapping(client);
  }
  return withOutageMapping(new PrismaClient({ adapter }));
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
