import { Prisma } from "@/lib/generated/prisma/client";

export function isUniqueViolation(e: unknown): boolean {
  return e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
}

/** Postgres 23P01: an exclusion constraint (e.g. overlapping shifts) refused the row. */
export function isExclusionViolation(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === "object" && !seen.has(cur)) {
    seen.add(cur);
    const o = cur as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (o.code === "23P01") return true;
    if (typeof o.message === "string" && /23P01|exclusion constraint|shifts_no_overlap/.test(o.message)) return true;
    if (o.meta && JSON.stringify(o.meta).includes("23P01")) return true;
    cur = o.cause;
  }
  return false;
}

const OUTAGE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "P1001", // can't reach the database server
  "P1002", // the server was reached but timed out
  "P1017", // the server closed the connection
  "P2024", // timed out waiting for a connection from the pool
  "P2028", // transaction API: couldn't start a transaction in time
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down)
]);
const OUTAGE_MESSAGE =
  /Connection terminated|connection (is )?(closed|ended)|closed the connection|Client has encountered a connection error|terminating connection|the database system is (starting up|shutting down|in recovery mode)|connect ECONNREFUSED|Can't reach database server|DatabaseNotReachable|ConnectionClosed/i;

/**
 * The database is unreachable or going away (a restart, a failover, a
 * network blip), as opposed to a refusal of this statement: Postgres's class
 * 08 (connection exception) and 57P0x, the driver's socket errors, and
 * Prisma's codes for them. Walks the cause chain (Prisma wraps pg's error),
 * and a raw query's meta.driverAdapterError (the outage drill, e2e/outage.spec.ts,
 * met "Server has closed the connection." as P2010 with the kind only there).
 */
export function isDatabaseUnavailable(e: unknown): boolean {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  while (cur && typeof cur === "object" && !seen.has(cur)) {
    seen.add(cur);
    const o = cur as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      kind?: unknown;
      originalCode?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    // A raw query's failure (P2010) carries the driver's error in meta, not as its cause.
    if (o.meta?.driverAdapterError && isDatabaseUnavailable(o.meta.driverAdapterError)) return true;
    for (const code of [o.code, o.originalCode])
      if (typeof code === "string" && (OUTAGE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof o.kind === "string" && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(o.kind)) return true;
    if (typeof o.message === "string" && OUTAGE_MESSAGE.test(o.message)) return true;
    cur = o.cause;
  }
  return false;
}
