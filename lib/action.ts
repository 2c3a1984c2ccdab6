import "server-only";
import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { isOperation, type TOperation } from "@/lib/context";
import { isAppError, type TResult } from "@/lib/errors";
import { markActionStarted } from "@/lib/http/undecodable-action";
import { formToObject } from "@/lib/validation";
import type { TActor } from "@/lib/auth/actor";
import { localeForRequest, localeOf } from "@/lib/i18n/request";
import { translatorFor } from "@/lib/i18n/translate";
import { resolveText } from "@/lib/i18n/text";

export type TActionState<T = unknown> = TResult<T> | null;

/** What a form posts to: `(previous state, form data)`, as useActionState calls it. */
export type TServerAction<T> = (prev: unknown, input: FormData | Record<string, unknown>) => Promise<TResult<T>>;

type TServerActionOptions<T, R> = {
  /** Pages to refresh when it worked; "/" refreshes every page. */
  revalidate?: string[];
  /** Shapes the result for the client (Dates don't survive the boundary everywhere), or redirects. */
  then?: (data: T) => R | Promise<R>;
};

/**
 * The one way to expose a domain operation as a server action: who is asking
 * comes from the session (confirmed in the database), the operation checks
 * membership and parses the input (lib/context.ts), and expected failures come
 * back as values the form can show. Every household "use server" export is
 * built with this (test/unit/layers.test.ts).
 */
export function serverAction<T, R = T>(op: TOperation<T>, opts: TServerActionOptions<T, R> = {}): TServerAction<R> {
  // The types say so already; this stops a hand-made function that was cast past them.
  if (!isOperation(op)) throw new Error("serverAction takes an operation built with lib/context.ts");
  return async (_prev, input) => {
    markActionStarted();
    const actor = await currentActor();
    const result = await runDomain(() => op(actor, input instanceof FormData ? formToObject(input) : input), actor);
    if (!result.ok) return result;
    for (const p of opts.revalidate ?? []) revalidatePath(p, p === "/" ? "layout" : undefined);
    return { ok: true, data: opts.then ? await opts.then(result.data) : (result.data as unknown as R) };
  };
}

/** Turns AppErrors into typed results; anything else is a bug and is rethrown. */
export async function runDomain<T>(
  fn: () => Promise<T>,
  /** Who asked, when known: their language needs no read of its own. */
  actor?: Pick<TActor, "locale"> | null,
): Promise<TResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (isAppError(e)) {
      // In the asker's language: their choice, else their browser's (lib/i18n/request.ts).
      const locale = actor === undefined ? await localeForRequest() : await localeOf(actor);
      const t = await translatorFor(locale);
      return { ok: false, code: e.code, ...e.inLanguage((s) => resolveText(t, s)) };
    }
    throw e;
  }
}
