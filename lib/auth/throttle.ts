import "server-only";
import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { API_TOKEN_LIMIT } from "@/lib/api/limits";

// Failed sign-ins are counted in Postgres (table rate_limits, created by a
// migration), so every app instance shares the counts. Only failures consume
// points. Three counters (OWASP ASVS 5.0, V6.3):
//  - account + address: the guesser at one address is slowed quickly. This is
//    the one that usually bites, and it never touches the owner elsewhere;
//  - address: one address trying many accounts (password spraying);
//  - account: guesses from many addresses at one account. High on purpose,
//    so an attacker with a few addresses can't lock the owner out.
// A success clears the account + address pair.
export const PAIR_LIMIT = { points: 5, duration: 15 * 60, blockDuration: 15 * 60 };
export const ADDRESS_LIMIT = { points: 50, duration: 60 * 60, blockDuration: 60 * 60 };
export const ACCOUNT_LIMIT = { points: 100, duration: 60 * 60, blockDuration: 60 * 60 };

/** Sign-up: every attempt costs a password hash, new email or not; per client address. */
export const signUpLimit = () => ({ points: env().ATTUNE_SIGN_UP_PER_HOUR, duration: 60 * 60, blockDuration: 60 * 60 });

/**
 * Mail sent on request ("forgot password", "change email"): every request
 * counts, whether or not a message goes out, so the count says nothing about
 * which accounts exist. Per client address, and per address mailed to (so
 * nobody's inbox can be flooded from many connections).
 */
export const MAIL_ADDRESS_LIMIT = { points: 20, duration: 60 * 60, blockDuration: 60 * 60 };
export const MAIL_TO_LIMIT = { points: 5, duration: 60 * 60, blockDuration: 60 * 60 };

/**
 * "Send a test event" on a webhook: each press is a real POST to an address a
 * parent typed, so it is counted per household, and Attune can't be made to
 * flood an address. Real events are never limited.
 */
export const WEBHOOK_TEST_LIMIT = { points: 10, duration: 10 * 60, blockDuration: 10 * 60 };

type Limiters = {
  apiToken: RateLimiterPostgres;
  webhookTest: RateLimiterPostgres;
  signUp: RateLimiterPostgres;
  mailAddress: RateLimiterPostgres;
  mailTo: RateLimiterPostgres;
  pair: RateLimiterPostgres;
  account: RateLimiterPostgres;
  address: RateLimiterPostgres;
  pool: pg.Pool;
};
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
    apiToken: new RateLimiterPostgres({ ...common, keyPrefix: "api:token", ...API_TOKEN_LIMIT }),
    webhookTest: new RateLimiterPostgres({ ...common, keyPrefix: "webhook:test", ...WEBHOOK_TEST_LIMIT }),
    signUp: new RateLimiterPostgres({ ...common, keyPrefix: "signup:addr", ...signUpLimit() }),
    mailAddress: new RateLimiterPostgres({ ...common, keyPrefix: "mail:addr", ...MAIL_ADDRESS_LIMIT }),
    mailTo: new RateLimiterPostgres({ ...common, keyPrefix: "mail:to", ...MAIL_TO_LIMIT }),
    pair: new RateLimiterPostgres({ ...common, keyPrefix: "signin:pair", ...PAIR_LIMIT }),
    account: new RateLimiterPostgres({ ...common, keyPrefix: "signin:acct", ...ACCOUNT_LIMIT }),
    address: new RateLimiterPostgres({ ...common, keyPrefix: "signin:addr", ...ADDRESS_LIMIT }),
    pool,
  };
  return g.attuneLimiters;
}

export type TThrottleKeys = { email: string; address: string };

const pairKey = (keys: TThrottleKeys) => `${keys.email}|${keys.address}`;

/** Seconds to wait when any counter is exhausted, else 0. */
export async function signInBlockedFor(keys: TThrottleKeys): Promise<number> {
  const l = limiters();
  const [pair, acct, addr] = await Promise.all([
    l.pair.get(pairKey(keys)),
    l.account.get(keys.email),
    l.address.get(keys.address),
  ]);
  const wait = (res: RateLimiterRes | null, points: number) =>
    res && res.consumedPoints >= points ? Math.ceil(res.msBeforeNext / 1000) : 0;
  return Math.max(wait(pair, PAIR_LIMIT.points), wait(acct, ACCOUNT_LIMIT.points), wait(addr, ADDRESS_LIMIT.points));
}

export async function recordFailedSignIn(keys: TThrottleKeys): Promise<void> {
  const l = limiters();
  // consume() rejects once the limit is passed; the block is what we want.
  await Promise.allSettled([
    l.pair.consume(pairKey(keys)),
    l.account.consume(keys.email),
    l.address.consume(keys.address),
  ]);
}

/** After a success from this address: its guesses are forgiven (the account-wide count stays). */
export async function clearSignInThrottle(keys: TThrottleKeys): Promise<void> {
  await limiters().pair.delete(pairKey(keys));
}

/** Counts one sign-up attempt from this address: seconds to wait when over the limit, else 0. */
export async function consumeSignUp(address: string): Promise<number> {
  try {
    await limiters().signUp.consume(address);
    return 0;
  } catch (e) {
    if (e instanceof Error) throw e; // the store failed, not the limit
    return Math.max(1, Math.ceil((e as RateLimiterRes).msBeforeNext / 1000));
  }
}

/** Counts one request for mail (`email`: the address it would go to): seconds to wait when over a limit, else 0. */
export async function consumeMailRequest(keys: TThrottleKeys): Promise<number> {
  const l = limiters();
  const results = await Promise.allSettled([l.mailAddress.consume(keys.address), l.mailTo.consume(keys.email)]);
  let wait = 0;
  for (const r of results) {
    if (r.status === "fulfilled") continue;
    if (r.reason instanceof Error) throw r.reason; // the store failed, not the limit
    wait = Math.max(wait, 1, Math.ceil((r.reason as RateLimiterRes).msBeforeNext / 1000));
  }
  return wait;
}

/** Counts one against a limiter: seconds to wait when over the limit, else 0. */
async function consumeOne(limiter: RateLimiterPostgres, key: string): Promise<number> {
  try {
    await limiter.consume(key);
    return 0;
  } catch (e) {
    if (e instanceof Error) throw e; // the store failed, not the limit
    return Math.max(1, Math.ceil((e as RateLimiterRes).msBeforeNext / 1000));
  }
}

/** Counts one API request with this token: seconds to wait when over the limit, else 0. */
export const consumeApiRequest = (tokenId: string) => consumeOne(limiters().apiToken, tokenId);

/** Counts one webhook test event for this household: seconds to wait when over the limit, else 0. */
export const consumeWebhookTest = (householdId: string) => consumeOne(limiters().webhookTest, householdId);

/** Closes the limiter's connections (tests, shutdown). */
export async function closeThrottle(): Promise<void> {
  const l = g.attuneLimiters;
  g.attuneLimiters = undefined;
  await l?.pool.end();
}
