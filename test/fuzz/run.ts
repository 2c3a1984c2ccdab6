// The fuzzer: every server action in the build's manifest and every route
// handler in its app-paths manifest, called over HTTP against a production
// server (`next start` on embedded Postgres) with fast-check inputs
// (test/fuzz/values.ts), as the household's own member and as an outsider.
// Each case must answer without a 5xx; a refused case must leave every table
// as it was (hashed before and after, as the authz tests do); and nothing an
// outsider does may change the attacked household's rows.
// Driven by e2e/csp-fuzz.spec.ts (bounded, in the e2e run) and `npm run fuzz` (long).
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type pg from "pg";
import { argsArbitrary, fieldNames, HUGE, inputArbitrary, ADVERSARIAL, type TPools } from "./values";

export type TActor = { label: "member" | "outsider"; cookie: string; householdId: string };

export type TFuzzOptions = {
  root: string;
  baseURL: string;
  db: pg.Client;
  member: TActor;
  outsider: TActor;
  /** Cases per action and actor. */
  cases: number;
  seed?: number;
  /** Include the 1 MB strings (slow; the long run). */
  heavy?: boolean;
  log?: (line: string) => void;
};

export type TFinding = {
  endpoint: string;
  actor: string;
  problem: string;
  input: string;
  /**
   * From a malformed action body (not React's reply encoding, or past the 1 MB
   * limit), which Next decodes before any of our code runs. Such a 500 is as
   * much a finding as any other (lib/http/undecodable-action.ts answers 400).
   */
  framework?: boolean;
};
export type TFuzzResult = {
  cases: number;
  endpoints: number;
  byOutcome: Record<string, number>;
  findings: TFinding[];
  /** Requests sent again after the connection closed under them (RESET). */
  retried: number;
};

/** Socket errors that mean no answer came back at all (undici's fetch puts them in `cause`). */
const RESET = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

function causeCode(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" ? cause.code : "";
}

type TAction = { id: string; name: string; page: string };

/** Server actions from .next/server/server-reference-manifest.json, each with a page that hosts it. */
export function discoverActions(root: string): TAction[] {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, dist, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => ({
    id,
    name: entry.exportedName ?? id,
    page: pagePath(Object.keys(entry.workers)[0] ?? "app/page"),
  }));
}

/** "app/(app)/nights/[date]/page" → "/nights/2026-12-01". */
function pagePath(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/?(page|route)$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (s === "[date]" ? "2026-12-01" : s.startsWith("[") ? "fuzz" : s));
  return `/${segments.join("/")}`;
}

/** Route handlers from .next/server/app-paths-manifest.json (Auth.js's own, and the service worker, left out). */
export function discoverRoutes(root: string): string[] {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const manifest = JSON.parse(readFileSync(path.join(root, dist, "server/app-paths-manifest.json"), "utf8")) as Record<
    string,
    string
  >;
  return Object.keys(manifest)
    .filter((k) => k.endsWith("/route") && k.startsWith("/api/") && !k.startsWith("/api/auth/"))
    .map((k) => pagePath(`app${k}`));
}

/** React's reply encoding for plain values: strings that start with "$" are escaped, undefined is "$undefined". */
function encodeReply(value: unknown): unknown {
  if (value === undefined) return "$undefined";
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (typeof value === "number" && !Number.isFinite(value))
    return Number.isNaN(value) ? "$NaN" : value > 0 ? "$Infinity" : "$-Infinity";
  if (Array.isArray(value)) return value.map(encodeReply);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encodeReply(v);
    return out;
  }
  return value;
}

/** Bodies no browser would send to an action: not JSON, not the form it expects, React references, too big. */
const RAW_BODIES: { type: string; body: string }[] = [
  { type: "text/plain;charset=UTF-8", body: "not json at all" },
  { type: "text/plain;charset=UTF-8", body: '["$K1"]' },
  { type: "text/plain;charset=UTF-8", body: '["$@7", "$Q1"]' },
  { type: "text/plain;charset=UTF-8", body: "{}" },
  { type: "application/json", body: '{"email": "a@b.c"}' },
  { type: "application/x-www-form-urlencoded", body: "email=a%40b.c&password=x" },
  { type: "multipart/form-data; boundary=xyz", body: "--xyz\r\nbroken" },
  { type: "text/plain;charset=UTF-8", body: "" },
  { type: "text/plain;charset=UTF-8", body: JSON.stringify(["$undefined", { note: "x".repeat(1024 * 1024 + 10) }]) },
];

type TOutcome = "accepted" | "refused" | "redirected" | "client-error" | "server-error" | "unknown";

async function send(
  baseURL: string,
  pathname: string,
  init: { method: string; cookie: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; text: string; headers: Headers }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 15_000);
  try {
    const res = await fetch(new URL(pathname, baseURL), {
      method: init.method,
      redirect: "manual",
      signal: controller.signal,
      headers: { cookie: init.cookie, origin: baseURL, ...init.headers },
      body: init.body,
    });
    // A stream (the live channel) answers at once and never ends: read only its start.
    const text = res.headers.get("content-type")?.includes("event-stream")
      ? (await res.body?.cancel(), "")
      : await res.text();
    return { status: res.status, text, headers: res.headers };
  } finally {
    clearTimeout(timer);
  }
}

function outcomeOf(res: { status: number; text: string; headers: Headers }): TOutcome {
  if (res.status >= 500) return "server-error";
  if (res.status >= 300 && res.status < 400) return "redirected";
  if (res.headers.get("x-action-redirect")) return "redirected";
  if (res.status >= 400) return "client-error";
  if (/"ok":false/.test(res.text)) return "refused";
  if (/"ok":true/.test(res.text)) return "accepted";
  // An action that returns nothing (void) or a route's own JSON.
  return res.status === 200 || res.status === 204 ? "accepted" : "unknown";
}

/** One hash per table (every row), in one statement. Counters and reports are not the app's data. */
async function hashEveryTable(db: pg.Client): Promise<string> {
  const { rows: tables } = await db.query<{ t: string }>(
    `SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'
       AND tablename NOT IN ('_prisma_migrations', 'rate_limits', 'csp_reports') ORDER BY 1`,
  );
  const sql = tables
    .map(
      ({ t }) =>
        `SELECT '${t}' AS t, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS h FROM "${t}" x`,
    )
    .join(" UNION ALL ");
  const { rows } = await db.query<{ t: string; h: string }>(sql);
  return rows.map((r) => `${r.t}:${r.h}`).join(",");
}

const walPosition = async (db: pg.Client) =>
  (await db.query<{ lsn: string }>("SELECT pg_current_wal_insert_lsn()::text AS lsn")).rows[0]!.lsn;

/**
 * hashEveryTable, computed again only when the database may have changed.
 * Every change to a table writes WAL, so while the WAL insert position stands
 * where it stood around the last hash, that hash is still exact; a position
 * that moved for another reason (a row lock, a hint bit) only costs a new
 * hash. Two full hashes per case over the whole test database were most of
 * the fuzz's time.
 */
function tablesHasher(db: pg.Client): () => Promise<string> {
  let known: { lsn: string; hash: string } | null = null;
  return async () => {
    const lsn = await walPosition(db);
    if (known?.lsn === lsn) return known.hash;
    const hash = await hashEveryTable(db);
    // Kept only if nothing was written while hashing.
    known = (await walPosition(db)) === lsn ? { lsn, hash } : null;
    return hash;
  };
}

/** The attacked household's own rows (every table with a household_id, and the household). */
async function hashHousehold(db: pg.Client, householdId: string): Promise<string> {
  const { rows: tables } = await db.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'household_id' ORDER BY 1`,
  );
  const parts = [
    `SELECT 'households' AS t, md5(coalesce(string_agg(x::text, ''), '')) AS h FROM households x WHERE id = $1`,
  ];
  for (const { t } of tables)
    parts.push(
      `SELECT '${t}', md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) FROM "${t}" x WHERE household_id = $1`,
    );
  const { rows } = await db.query<{ t: string; h: string }>(parts.join(" UNION ALL "), [householdId]);
  return rows.map((r) => `${r.t}:${r.h}`).join(",");
}

/** Ids of rows in the household (any table with a household_id), to reach past "not found". */
async function realIds(db: pg.Client, householdId: string): Promise<string[]> {
  const { rows: tables } = await db.query<{ t: string }>(
    `SELECT c.table_name AS t FROM information_schema.columns c
       JOIN information_schema.columns i ON i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'uuid'
      WHERE c.table_schema = 'public' AND c.column_name = 'household_id'`,
  );
  if (!tables.length) return [];
  const sql = tables
    .map(({ t }) => `(SELECT id::text FROM "${t}" WHERE household_id = $1 ORDER BY random() LIMIT 4)`)
    .join(" UNION ALL ");
  const { rows } = await db.query<{ id: string }>(sql, [householdId]);
  return rows.map((r) => r.id);
}

const show = (v: unknown) => {
  const s = JSON.stringify(v, (_k, x) =>
    typeof x === "string" && x.length > 80 ? `${x.slice(0, 40)}…(${x.length} chars)` : x,
  );
  return (s ?? String(v)).slice(0, 400);
};

/** Actions that end the caller's session or membership run last, so the others are fuzzed signed in. */
const LAST = /^(signOut|signOutEverywhere|leaveHousehold|removeMember|signUp|signIn)/;

export async function fuzz(opts: TFuzzOptions): Promise<TFuzzResult> {
  const log = opts.log ?? (() => {});
  const fields = fieldNames(opts.root);
  const actions = discoverActions(opts.root).sort(
    (a, b) => Number(LAST.test(a.name)) - Number(LAST.test(b.name)) || a.name.localeCompare(b.name),
  );
  const routes = discoverRoutes(opts.root);
  const result: TFuzzResult = {
    cases: 0,
    endpoints: actions.length + routes.length,
    byOutcome: {},
    findings: [],
    retried: 0,
  };
  const victim = opts.member.householdId;
  const hashTables = tablesHasher(opts.db);

  async function check(
    endpoint: string,
    actor: TActor,
    input: unknown,
    call: () => Promise<{ status: number; text: string; headers: Headers }>,
    raw = false,
  ) {
    const [before, householdBefore] = await Promise.all([
      hashTables(),
      actor.label === "outsider" ? hashHousehold(opts.db, victim) : "",
    ]);
    let res;
    try {
      res = await call();
    } catch (first) {
      // A connection closed under a request (the server answering an oversized body early and
      // closing, or a kept-alive socket closing as it was reused) is the transport's race, not an
      // answer: the same request again on a new connection. Twice is a finding, with its cause.
      try {
        if (!RESET.has(causeCode(first))) throw first;
        result.retried++;
        res = await call();
      } catch (e) {
        result.findings.push({
          endpoint,
          actor: actor.label,
          problem: `no answer: ${(e as Error).message} (${causeCode(e) || "no cause code"})`,
          input: show(input),
        });
        return;
      }
    }
    const outcome = outcomeOf(res);
    result.cases++;
    result.byOutcome[outcome] = (result.byOutcome[outcome] ?? 0) + 1;
    const finding = (problem: string) =>
      result.findings.push({ endpoint, actor: actor.label, problem, input: show(input) });
    if (outcome === "server-error")
      result.findings.push({
        endpoint,
        actor: actor.label,
        problem: `status ${res.status}: ${res.text.slice(0, 200)}`,
        input: show(input),
        framework: raw,
      });
    if (outcome === "unknown") finding(`unclear answer, status ${res.status}`);
    if (outcome === "refused" || outcome === "client-error" || outcome === "server-error") {
      if ((await hashTables()) !== before) finding(`refused (${outcome}, ${res.status}) but the database changed`);
    }
    if (actor.label === "outsider" && (await hashHousehold(opts.db, victim)) !== householdBefore)
      finding(`an outsider's ${outcome} call changed the attacked household`);
  }

  for (const action of actions) {
    const started = Date.now();
    for (const actor of [opts.member, opts.outsider]) {
      const pools: TPools = { householdId: victim, realIds: await realIds(opts.db, victim), fields };
      const args = argsArbitrary(inputArbitrary(pools, { heavy: opts.heavy ?? false }));
      const samples = fc.sample(args, { numRuns: opts.cases, seed: (opts.seed ?? 1) + action.name.length });
      for (const sample of samples)
        await check(action.name, actor, sample, () =>
          send(opts.baseURL, action.page, {
            method: "POST",
            cookie: actor.cookie,
            headers: {
              "next-action": action.id,
              accept: "text/x-component",
              "content-type": "text/plain;charset=UTF-8",
            },
            body: JSON.stringify(encodeReply(sample)),
          }),
        );
    }
    for (const raw of RAW_BODIES)
      await check(
        action.name,
        opts.member,
        raw.body.slice(0, 80),
        () =>
          send(opts.baseURL, action.page, {
            method: "POST",
            cookie: opts.member.cookie,
            headers: { "next-action": action.id, accept: "text/x-component", "content-type": raw.type },
            body: raw.body,
          }),
        true,
      );
    log(`${action.name}: ${opts.cases * 2 + RAW_BODIES.length} cases in ${Date.now() - started} ms`);
  }

  for (const route of routes) {
    const started = Date.now();
    for (const actor of [opts.member, opts.outsider]) {
      const pools: TPools = { householdId: victim, realIds: await realIds(opts.db, victim), fields };
      const input = inputArbitrary(pools, { heavy: false });
      const bodies = fc.oneof(
        input.map((i) => JSON.stringify(i)),
        fc.constantFrom(
          "",
          "not json",
          "[]",
          "null",
          '{"actions": 5}',
          ...HUGE.map(String).slice(0, opts.heavy ? 1 : 0),
        ),
        fc.array(input, { maxLength: 60 }).map((a) => JSON.stringify({ actions: a })),
      );
      const cases = fc.sample(fc.tuple(input, bodies, fc.constantFrom("GET", "POST")), {
        numRuns: opts.cases,
        seed: opts.seed ?? 1,
      });
      for (const [query, body, method] of cases) {
        const search = new URLSearchParams();
        for (const [k, v] of Object.entries(query))
          search.set(k, typeof v === "string" ? v.replace(/\p{Cs}/gu, "") : (JSON.stringify(v) ?? ""));
        await check(`${method} ${route}`, actor, { query, body: body.slice(0, 100) }, () =>
          send(opts.baseURL, `${route}?${search}`, {
            method,
            cookie: actor.cookie,
            headers: {
              "content-type": "application/json",
              "last-event-id": String(ADVERSARIAL[body.length % ADVERSARIAL.length])
                .slice(0, 50)
                .replace(/[^\x20-\x7e]/g, ""),
            },
            body: method === "POST" ? body : undefined,
          }),
        );
      }
    }
    log(`${route}: ${opts.cases * 2} cases in ${Date.now() - started} ms`);
  }
  return result;
}
