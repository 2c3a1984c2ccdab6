import "server-only";
import { revalidatePath } from "next/cache";
import type { TActor } from "@/lib/auth/actor";
import { currentActor } from "@/lib/auth/session";
import { isAppError, type TResult } from "@/lib/errors";
import { formToObject } from "@/lib/validation";

export type TActionState<T = unknown> = TResult<T> | null;

/**
 * The body of every household server action: who is asking (from the
 * session, confirmed in the database), then the domain function, which checks
 * membership itself. Expected failures come back as values the form shows.
 */
export async function runAction<T>(
  input: FormData | Record<string, unknown>,
  domain: (actor: TActor | null, input: unknown) => Promise<T>,
): Promise<TResult<T>> {
  const actor = await currentActor();
  return runDomain(() => domain(actor, input instanceof FormData ? formToObject(input) : input));
}

/** runAction, then refresh these paths when it worked ("/" refreshes every page). */
export async function runActionAndRevalidate<T>(
  input: FormData | Record<string, unknown>,
  domain: (actor: TActor | null, input: unknown) => Promise<T>,
  paths: string[],
): Promise<TResult<T>> {
  const result = await runAction(input, domain);
  if (result.ok) for (const p of paths) revalidatePath(p, p === "/" ? "layout" : undefined);
  return result;
}

/** Turns AppErrors into typed results; anything else is a bug and is rethrown. */
export async function runDomain<T>(fn: () => Promise<T>): Promise<TResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (isAppError(e)) return { ok: false, code: e.code, message: e.message, fieldErrors: e.fieldErrors };
    throw e;
  }
}

/** Only same-site paths may be used as a post-sign-in destination. */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\"))
    return fallback;
  return next.slice(0, 500);
}
