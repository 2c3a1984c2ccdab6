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
