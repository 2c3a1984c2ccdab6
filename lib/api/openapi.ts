import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import {
  ZApiError,
  ZApiNightLog,
  ZApiNights,
  ZApiTonight,
  ZDateParams,
  ZEndedWaking,
  ZEndWakingBody,
  ZIdempotencyHeaders,
  ZNightsQuery,
  ZStartedWaking,
  ZStartWakingBody,
  ZTapOutBody,
  ZTapOutResult,
  ZWakingParams,
} from "@/lib/api/schemas";
import { API_TOKEN_LIMIT } from "@/lib/api/limits";
import type { TApiScope } from "@/lib/api/rights";

// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas
// the route handlers parse with (lib/api/schemas.ts). Served at
// /api/v1/openapi.json and rendered at /developers; test/unit/openapi.test.ts
// validates it and checks that every operation has its route handler.

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

const ERRORS = {
  400: json(ZApiError, "The request is not in a form Attune understands (fields named in `error.fields`)."),
  401: json(ZApiError, "No token, or one that is unknown or revoked."),
  403: json(ZApiError, "The token lacks the scope, or its caregiver may not do this."),
  429: json(ZApiError, "Too many requests with this token: see the Retry-After header."),
};

type TOperation = Omit<RouteConfig, "responses" | "security"> & {
  scope: TApiScope;
  ok: Record<number, ReturnType<typeof json>>;
  errors?: Record<number, ReturnType<typeof json>>;
};

/** The operations, in the order the reference page lists them. */
export const API_OPERATIONS: TOperation[] = [
  {
    method: "get",
    path: "/api/v1/tonight",
    operationId: "getTonight",
    summary: "Tonight's duty",
    description: "Tonight (in progress, or the next one), who is on duty now and whose shift is next.",
    scope: "read",
    ok: { 200: json(ZApiTonight, "Tonight.") },
  },
  {
    method: "get",
    path: "/api/v1/nights",
    operationId: "listNights",
    summary: "Nights in a range",
    description: "The nights from `from` to `to` (local dates, both included, at most 43) with their shifts.",
    scope: "read",
    request: { query: ZNightsQuery },
    ok: { 200: json(ZApiNights, "The nights.") },
  },
  {
    method: "get",
    path: "/api/v1/nights/{date}/log",
    operationId: "getNightLog",
    summary: "A night's log",
    description: "The wakings of the night that starts on `date`, oldest first.",
    scope: "read",
    request: { params: ZDateParams },
    ok: { 200: json(ZApiNightLog, "The night's wakings.") },
  },
  {
    method: "post",
    path: "/api/v1/wakings",
    operationId: "startWaking",
    summary: "I'm up",
    description:
      "Logs that the baby woke and you got up. If the baby already has an open waking, that one is returned " +
      "(`resumed: true`). Send an Idempotency-Key so that a button pressed twice logs once.",
    scope: "log:night",
    request: {
      headers: ZIdempotencyHeaders,
      body: { required: false, content: { "application/json": { schema: ZStartWakingBody } } },
    },
    ok: { 201: json(ZStartedWaking, "A new waking."), 200: json(ZStartedWaking, "Joined the waking already open.") },
    errors: { 409: json(ZApiError, "Someone logged this waking at the same moment: try again.") },
  },
  {
    method: "post",
    path: "/api/v1/wakings/{id}/end",
    operationId: "endWaking",
    summary: "Back to sleep",
    description:
      "Ends a waking, by id or `current` (the one open waking; with two babies awake, name the waking). " +
      "Ending an ended waking changes nothing.",
    scope: "log:night",
    request: {
      params: ZWakingParams,
      headers: ZIdempotencyHeaders,
      body: { required: false, content: { "application/json": { schema: ZEndWakingBody } } },
    },
    ok: { 200: json(ZEndedWaking, "The waking, ended.") },
    errors: {
      404: json(ZApiError, "No such waking, or none is open."),
      409: json(ZApiError, "More than one baby is awake: name the waking."),
    },
  },
  {
    method: "post",
    path: "/api/v1/tap-outs",
    operationId: "requestTapOut",
    summary: "I need you",
    description:
      "Asks the partner off duty for help (they get a push). A second press within 15 minutes is the same request.",
    scope: "log:night",
    request: {
      headers: ZIdempotencyHeaders,
      body: { required: false, content: { "application/json": { schema: ZTapOutBody } } },
    },
    ok: { 201: json(ZTapOutResult, "Asked."), 200: json(ZTapOutResult, "Already asked in the last 15 minutes.") },
  },
];

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "personalToken", {
    type: "http",
    scheme: "bearer",
    description: "A personal token from Settings → Connect a device or app.",
  });
  for (const { scope, ok, errors, ...op } of API_OPERATIONS)
    registry.registerPath({
      ...op,
      description: `${op.description}\n\nNeeds the \`${scope}\` scope.`,
      security: [{ personalToken: [] }],
      "x-scope": scope,
      responses: { ...ok, ...ERRORS, ...errors },
    } as RouteConfig);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Attune API",
      version: "1.0.0",
      description:
        "Your household's nights, for your own devices and apps. Every request carries a personal token " +
        "(`Authorization: Bearer <token>`) and acts as the caregiver who made it, within the token's scopes " +
        `(\`read\`, \`log:night\`). At most ${API_TOKEN_LIMIT.points} requests a minute per token. ` +
        'Errors are `{ "error": { "code", "message" } }`.',
    },
  });
}
