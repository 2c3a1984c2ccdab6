import "server-only";
import "@/lib/i18n/english";
import { cache } from "react";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { TActor, TMembership, TRole } from "@/lib/auth/actor";
import { requestNow } from "@/lib/clock";
import type { TAnyLocale } from "@/lib/i18n/locales";
import { forbidden, unauthenticated } from "@/lib/errors";
import type { TApiScope } from "@/lib/api/rights";
import { parseInput, ZId } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

// The request context for household work (docs/decisions/0013). Every domain
// operation on a household is built with `householdAction` (writes) or
// `householdQuery` (reads). The builder, once per call:
//   1. refuses a signed-out caller;
//   2. reads the caller's membership of the household named in the input,
//      with the household's clock, from the database (one statement; never
//      trusting a role or household the client sends);
//   3. refuses a caller of the wrong role;
//   4. parses the whole input with the operation's schema;
//   5. takes "now" from the one clock (requestNow, so the test clock holds);
// and hands the body `{ me, household, data, now }`, all typed.
// The order matters: an outsider is refused before their input is judged.
// A personal API token (actor.apiToken) goes through the same steps as its
// caregiver, and is also held to its scopes: reads need `read`, writes need
// `log:night` (the only writes the API offers), and it never acts on the
// account itself (docs/decisions/0027).

/** The caregiver asking, in the household they asked about. */
export type TMe = TMembership & { userId: string; name: string; email: string };

/** The household's own clock and name: what most operations need besides the data. */
export type THouseholdClock = {
  id: string;
  name: string;
  timeZone: string;
  nightStart: number;
  nightEnd: number;
  /** The household's conventions (clock, first day of the week): lib/i18n/locales.ts. */
  locale: TAnyLocale;
};

export type THouseholdContext<D> = { me: TMe; household: THouseholdClock; data: D; now: Date };
export type TAccountContext<D> = { actor: TActor; data: D; now: Date };

type TRoleRule = { role?: TRole };

const OPERATION = Symbol("attune.operation");

/**
 * What an operation is called with: an object of fields (a form's, a route's
 * query, a test's). Its contents are untrusted until the schema has parsed
 * them; typing it as an object makes a forgotten `{ householdId }` (a bare id
 * passed where the input goes) a compile error.
 */
export type TInput = Record<string, unknown>;

/**
 * A domain operation built by this module: called with who is asking (null
 * when signed out), the raw input, and optionally the instant to act at
 * (tests pass one; otherwise requestNow()). Server actions wrap these with
 * `serverAction` (lib/action.ts); pages and route handlers call them directly.
 */
export type TOperation<T> = ((actor: TActor | null, input: TInput, now?: Date) => Promise<T>) & {
  readonly [OPERATION]: "household" | "account";
};

type TRow = {
  caregiverId: string;
  role: TRole;
  householdId: string;
  name: string;
  timeZone: string;
  nightStart: number;
  nightEnd: number;
  locale: TAnyLocale;
};

function readMembership(userId: string, householdId: string): Promise<TRow | undefined> {
  return db.$queryRaw<TRow[]>`
    SELECT c.id AS "caregiverId", c.role::text AS role, h.id AS "householdId", h.name,
           h.time_zone AS "timeZone", h.night_start AS "nightStart", h.night_end AS "nightEnd",
           h.locale
      FROM caregivers c JOIN households h ON h.id = c.household_id
     WHERE c.user_id = ${userId}::uuid AND c.household_id = ${householdId}::uuid
       AND c.removed_at IS NULL`.then((rows) => rows[0]);
}

/** What the session's own statement read (lib/auth/session.ts): the membership with its household's clock, and the Notes badge. */
export type TSessionMembership = TRow & { unreadNotes: number };

/**
 * The render's memory of the session statement. React's cache gives one Map
 * per page render; outside a render (server actions, route handlers, tests)
 * every call gets a new, empty Map, so nothing is remembered there.
 */
const sessionThisRender = cache(() => new Map<string, TSessionMembership>());

/** lib/auth/session.ts: the caller's membership as the session statement read it, for the rest of this render. */
export function rememberSessionMembership(userId: string, row: TSessionMembership): void {
  sessionThisRender().set(userId, row);
}

function sessionMembership(userId: string, householdId: string): TSessionMembership | undefined {
  const row = sessionThisRender().get(userId);
  return row?.householdId === householdId ? row : undefined;
}

/** The caller's unread notes count, when this render's session statement read it (undefined otherwise). */
export function unreadThisRender(me: TMe): number | undefined {
  return sessionMembership(me.userId, me.householdId)?.unreadNotes;
}

/**
 * One read per page render, and usually none: the session's statement has
 * already read the caller's membership of their household with its clock in
 * this render (the same database row, a moment earlier in the same request).
 * Another household, or no session statement in this render, reads it here,
 * once (React's per-request cache). Outside a render (server actions, route
 * handlers, tests) React calls straight through, so every call reads afresh.
 */
const membershipThisRender = cache(async (userId: string, householdId: string): Promise<TRow | undefined> => {
  const seen = sessionMembership(userId, householdId);
  if (!seen) return readMembership(userId, householdId);
  const { unreadNotes: _badge, ...row } = seen;
  return row;
});

/** Refuses a token without `scope`; a signed-in browser has every scope its membership allows. */
function requireScope(actor: TActor, scope: TApiScope | null): void {
  if (!actor.apiToken) return;
  if (!scope || !actor.apiToken.scopes.includes(scope))
    throw forbidden(scope ? msg("errors.tokenNeedsScope", { scope }) : msg("errors.tokenCant"));
}

async function resolve(
  actor: TActor | null,
  input: TInput,
  rule: TRoleRule,
  read: typeof readMembership,
  scope: TApiScope,
): Promise<{ me: TMe; household: THouseholdClock }> {
  if (!actor) throw unauthenticated();
  const householdId = ZId.safeParse(input?.householdId);
  if (!householdId.success) throw forbidden(msg("errors.notMember"));
  const row = await read(actor.userId, householdId.data);
  if (!row) throw forbidden(msg("errors.notMember"));
  if (rule.role === "parent" && row.role !== "parent") throw forbidden(msg("errors.parentsOnly"));
  requireScope(actor, scope);
  const { caregiverId, role, householdId: hid, ...clock } = row;
  return {
    me: { caregiverId, role, householdId: hid, userId: actor.userId, name: actor.name, email: actor.email },
    household: { id: hid, ...clock },
  };
}

function build<S extends z.ZodType, T>(
  schema: S,
  rule: TRoleRule,
  fn: (ctx: THouseholdContext<z.infer<S>>) => Promise<T>,
  read: typeof readMembership,
  scope: TApiScope,
): TOperation<T> {
  const op = async (actor: TActor | null, input: TInput, now?: Date) => {
    const { me, household } = await resolve(actor, input, rule, read, scope);
    const data = parseInput(schema, input);
    return fn({ me, household, data, now: now ?? (await requestNow()) });
  };
  return Object.assign(op, { [OPERATION]: "household" as const });
}

/** A write to a household: membership read fresh on every call. */
export function householdAction<S extends z.ZodType, T>(
  schema: S,
  rule: TRoleRule,
  fn: (ctx: THouseholdContext<z.infer<S>>) => Promise<T>,
): TOperation<T> {
  return build(schema, rule, fn, readMembership, "log:night");
}

/** A read of a household for a page or route: the membership is read once per page render. */
export function householdQuery<S extends z.ZodType, T>(
  schema: S,
  rule: TRoleRule,
  fn: (ctx: THouseholdContext<z.infer<S>>) => Promise<T>,
): TOperation<T> {
  return build(schema, rule, fn, membershipThisRender, "read");
}

/** Work on one's own account, in no household yet (creating one, accepting an invite, signing out everywhere). */
export function accountAction<S extends z.ZodType, T>(
  schema: S,
  fn: (ctx: TAccountContext<z.infer<S>>) => Promise<T>,
): TOperation<T> {
  const op = async (actor: TActor | null, input: TInput, now?: Date) => {
    if (!actor) throw unauthenticated();
    requireScope(actor, null);
    const data = parseInput(schema, input);
    return fn({ actor, data, now: now ?? (await requestNow()) });
  };
  return Object.assign(op, { [OPERATION]: "account" as const });
}

export function isOperation(fn: unknown): fn is TOperation<unknown> {
  return typeof fn === "function" && OPERATION in fn;
}
