import "server-only";
import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

// Failed sign-ins are counted per account and per client address in Postgres
// (table rate_limits, created by a migration), so every app instance shares
// the counts. Only failures consume points; a success clears the account's.
export const ACCOUNT_LIMIT = { points: 5, duration: 15 * 60, blockDuration: 15 * 60 };
export const ADDRESS_LIMIT = { points: 50, duration: 60 * 60, blockDuration: 60 * 60 };

type Limiters = { account: RateLimiterPostgres; address: RateLimiterPostgres; pool: pg.Pool };
const g = globalThis as unknown as { attuneLimiters?: Limiters };

function limiters(): Limiters {
  if (g.attuneLimiters) return g.attuneLimiters;
  const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 3 });
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", (e) => console.error("[throttle] idle connection error:", e.message));
  const common = {
    storeClient: pool,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: false,
  };
  g.attuneLimiters = {
    account: new RateLimiterPostgres({ ...common, keyPrefix: "signin:acct", ...ACCOUNT_LIMIT }),
    address: new RateLimiterPostgres({ ...common, keyPrefix: "signin:addr", ...ADDRESS_LIMIT }),
    pool,
  };
  return g.attuneLimiters;
}

export type TThrottleKeys = { email: string; address: string };

/** Seconds to wait when either counter is exhausted, else 0. */
export async function signInBlockedFor(keys: TThrottleKeys): Promise<number> {
  const l = limiters();
  const [acct, addr] = await Promise.all([l.account.get(keys.email), l.address.get(keys.address)]);
  const wait = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0;
  return Math.max(wait(acct, ACCOUNT_LIMIT.points), wait(addr, ADDRESS_LIMIT.points));
}

export async function recordFailedSignIn(keys: TThrottleKeys): Promise<void> {
  const l = limiters();
  // consume() rejects once the limit is passed; the block is what we want.
  await Promise.allSettled([l.account.consume(keys.email), l.address.consume(keys.address)]);
}

export async function clearAccountThrottle(email: string): Promise<void> {
  await limiters().account.delete(email);
}

/** Closes the limiter's connections (tests, shutdown). */
export async function closeThrottle(): Promise<void> {
  const l = g.attuneLimiters;
  g.attuneLimiters = undefined;
  await l?.pool.end();
}
