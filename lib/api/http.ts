import "server-only";
import type { z } from "zod";
import type { TActor } from "@/lib/auth/actor";
import { consumeApiRequest } from "@/lib/auth/throttle";
import { runDomain } from "@/lib/action";
import { invalid, type TErrorCode, type TFieldErrors } from "@/lib/errors";
import { httpStatusOf, readTextCapped } from "@/lib/http";
import { fieldErrorsOf } from "@/lib/validation";
import { actorForApiToken } from "@/lib/api/tokens";
import { msg } from "@/lib/i18n/text";
import { textIn } from "@/lib/i18n/translate";
import { localeOf } from "@/lib/i18n/request";
import { referencesInEnglish } from "@/lib/i18n/english";

// The one way a /api/v1 route handler runs (docs/decisions/0027): the bearer
// token becomes its caregiver's actor (or 401), the token's requests are
// counted (or 429 with Retry-After), and the body runs the same domain
// operations the app's actions run, through the request context, which
// checks membership, role and the token's scopes. Expected failures come back
// as `{ error: { code, message } }` with their status; never a 500 for input.

/** A request body larger than this is refused before it is parsed: the API's bodies are a few fields. */
export const MAX_API_BODY_BYTES = 16 * 1024;

const NO_STORE = { "Cache-Control": "private, no-store" };

export function apiError(
  status: number,
  code: TErrorCode,
  message: string,
  opts: { fields?: TFieldErrors; headers?: Record<string, string> } = {},
): Response {
  const error = opts.fields ? { code, message, fields: opts.fields } : { code, message };
  return Response.json({ error }, { status, headers: { ...NO_STORE, ...opts.headers } });
}

/** `Authorization: Bearer <token>` → the token's caregiver, or null. */
async function bearerActor(request: Request): Promise<TActor | null> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return m ? actorForApiToken(m[1]!) : null;
}

export type TApiContext<P> = { actor: TActor; householdId: string; request: Request; params: P };
export type TApiAnswer = { status?: number; body: unknown };

/** A route handler for /api/v1 (`params` as Next passes them; tests may leave them out where there are none). */
export function apiRoute<P = Record<string, never>>(fn: (ctx: TApiContext<P>) => Promise<TApiAnswer>) {
  return async (request: Request, route?: { params: Promise<P> }): Promise<Response> => {
    const actor = await bearerActor(request);
    if (!actor?.apiToken || !actor.membership)
      return apiError(
        401,
        "unauthenticated",
        await textIn(await localeOf(null), msg("apiTokens.rest.sendToken", { token: "<token>" })),
        {
          headers: { "WWW-Authenticate": 'Bearer realm="attune"' },
        },
      );
    const wait = await consumeApiRequest(actor.apiToken.id);
    if (wait > 0)
      return apiError(
        429,
        "throttled",
        await textIn(await localeOf(actor), msg("apiTokens.rest.throttled", { wait })),
        {
          headers: { "Retry-After": String(wait) },
        },
      );
    const { householdId } = actor.membership;
    const params = ((await route?.params) ?? {}) as P;
    const result = await runDomain(() => fn({ actor, householdId, request, params }), actor);
    if (!result.ok)
      return apiError(httpStatusOf(result.code), result.code, result.message, { fields: result.fieldErrors });
    // Data as programs read it: a name that is a message reference ("a former caregiver") in British English.
    return new Response(JSON.stringify(result.data.body, referencesInEnglish), {
      status: result.data.status ?? 200,
      headers: { "Content-Type": "application/json", ...NO_STORE },
    });
  };
}

/** Parses with an API schema; a refusal is a 400 naming the fields. */
export function parseApi<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(msg("apiTokens.rest.notUnderstood"), fieldErrorsOf(r.error));
  return r.data;
}

/** The JSON body (an empty one is `{}`), capped and parsed with `schema`; anything else is a 400. */
export async function readApiBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const body = await readTextCapped(request, MAX_API_BODY_BYTES);
  if (!body.ok) throw invalid(msg(body.status === 413 ? "apiTokens.rest.tooLarge" : "apiTokens.rest.unreadable"));
  let json: unknown = {};
  if (body.text.trim()) {
    try {
      json = JSON.parse(body.text);
    } catch {
      throw invalid(msg("apiTokens.rest.notJson"));
    }
  }
  return parseApi(schema, json);
}

/** The `Idempotency-Key` header as the night log's `clientKey` (lib/log/receipts.ts): the offline queue's key. */
export function idempotencyKey(request: Request): string | undefined {
  return request.headers.get("idempotency-key")?.trim() || undefined;
}
