// The public API (/api/v1) with personal tokens, and the Settings actions that
// make and revoke them. A token acts as its caregiver through the request
// context: no token, a revoked one, another household's, or one without the
// scope is refused and writes nothing; the right token does what the app's
// buttons do, with the same idempotency.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { getDb } from "@/lib/db";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/actions";
import { createApiToken, revokeApiToken } from "@/lib/api/tokens";
import { consumeApiRequest } from "@/lib/auth/throttle";
import { API_TOKEN_LIMIT } from "@/lib/api/limits";
import type { TApiScope } from "@/lib/api/rights";
import { GET as tonightRoute } from "@/app/api/v1/tonight/route";
import { GET as nightsRoute } from "@/app/api/v1/nights/route";
import { GET as nightLogRoute } from "@/app/api/v1/nights/[date]/log/route";
import { POST as wakingsRoute } from "@/app/api/v1/wakings/route";
import { POST as endRoute } from "@/app/api/v1/wakings/[id]/end/route";
import { POST as tapOutsRoute } from "@/app/api/v1/tap-outs/route";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import { actorOf, caregiverIdOf, dumpTables, makeFamily, signInAs, toForm } from "../helpers/factories";
import { expectEndpointRefused } from "../helpers/refused";
import { describeAction, describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;

let a: TFamily;
let b: TFamily;
let babyA: string;
let wakingA: string;
const NIGHT = "2026-12-01";
/** Secrets: household A's parent with every scope, read only, log only, revoked; B's parent with every scope. */
let tokens: { full: string; read: string; log: string; revoked: string; other: string };
let fullTokenId: string;
let otherTokenId: string;

async function tokenFor(user: TFamily["parent"], householdId: string, scopes: TApiScope[], name = "Bedside button") {
  return createApiToken(await actorOf(user), { householdId, name, scopes });
}

beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const db = getDb();
  babyA = (
    await db.baby.create({ data: { householdId: a.householdId, name: "Pip", birthDate: new Date("2026-09-01") } })
  ).id;
  await db.baby.create({ data: { householdId: b.householdId, name: "Bo", birthDate: new Date("2026-09-01") } });
  wakingA = (
    await db.waking.create({
      data: {
        householdId: a.householdId,
        babyId: babyA,
        responderId: await caregiverIdOf(a.parent),
        nightDate: new Date(`${NIGHT}T00:00:00Z`),
        startedAt: new Date("2026-12-02T03:00:00Z"),
      },
    })
  ).id;
  const made = {
    full: await tokenFor(a.parent, a.householdId, ["read", "log:night"]),
    read: await tokenFor(a.parent, a.householdId, ["read"]),
    log: await tokenFor(a.parent, a.householdId, ["log:night"]),
    revoked: await tokenFor(a.parent, a.householdId, ["read", "log:night"]),
    other: await tokenFor(b.parent, b.householdId, ["read", "log:night"]),
  };
  await revokeApiToken(await actorOf(a.parent), { householdId: a.householdId, tokenId: made.revoked.id });
  fullTokenId = made.full.id;
  otherTokenId = made.other.id;
  tokens = {
    full: made.full.token,
    read: made.read.token,
    log: made.log.token,
    revoked: made.revoked.token,
    other: made.other.token,
  };
  // Last use is marked at most once a minute: marked now, a refused call below must write nothing at all.
  await db.apiToken.updateMany({ data: { lastUsedAt: new Date() } });
});

type TCall = (token: string | null, opts?: { body?: string; key?: string; path?: string }) => Promise<Response>;

function req(path: string, token: string | null, opts: { method?: string; body?: string; key?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (opts.key) headers["idempotency-key"] = opts.key;
  return new Request(`http://localhost${path}`, { method: opts.method ?? "GET", headers, body: opts.body });
}
const params = <P>(p: P) => ({ params: Promise.resolve(p) });

const routes: { name: string; scope: TApiScope; ok: number; call: TCall }[] = [
  { name: "GET /api/v1/tonight", scope: "read", ok: 200, call: (t) => tonightRoute(req("/api/v1/tonight", t)) },
  {
    name: "GET /api/v1/nights",
    scope: "read",
    ok: 200,
    call: (t, o) => nightsRoute(req(o?.path ?? `/api/v1/nights?from=${NIGHT}&to=2026-12-07`, t)),
  },
  {
    name: "GET /api/v1/nights/[date]/log",
    scope: "read",
    ok: 200,
    call: (t) => nightLogRoute(req(`/api/v1/nights/${NIGHT}/log`, t), params({ date: NIGHT })),
  },
  {
    name: "POST /api/v1/wakings",
    scope: "log:night",
    // Pip is already up (wakingA is open): the press joins that waking. A new one is 201 (below).
    ok: 200,
    call: (t, o) => wakingsRoute(req("/api/v1/wakings", t, { method: "POST", body: o?.body, key: o?.key })),
  },
  {
    name: "POST /api/v1/wakings/[id]/end",
    scope: "log:night",
    ok: 200,
    call: (t, o) =>
      endRoute(
        req(`/api/v1/wakings/${wakingA}/end`, t, { method: "POST", body: o?.body, key: o?.key }),
        params({ id: wakingA }),
      ),
  },
  {
    name: "POST /api/v1/tap-outs",
    scope: "log:night",
    ok: 201,
    call: (t, o) => tapOutsRoute(req("/api/v1/tap-outs", t, { method: "POST", body: o?.body, key: o?.key })),
  },
];

/** Calls, expects `status` and a JSON error, that nothing of household A shows, and that no table changed. */
async function expectRefused(call: () => Promise<Response>, status: number, code: string) {
  const before = await dumpTables();
  const res = await call();
  expect(res.status).toBe(status);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(JSON.stringify(body)).not.toContain(wakingA);
  expect(await dumpTables()).toEqual(before);
  return res;
}

for (const r of routes) {
  describeRoute(r.name, () => {
    it("refuses no token, a malformed header and an unknown token with 401, writing nothing", async () => {
      const res = await expectRefused(() => r.call(null), 401, "unauthenticated");
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      await expectRefused(() => r.call("not-a-token"), 401, "unauthenticated");
      await expectRefused(() => r.call("A".repeat(43)), 401, "unauthenticated");
    });

    it("refuses a revoked token with 401, writing nothing", async () => {
      await expectRefused(() => r.call(tokens.revoked), 401, "unauthenticated");
    });

    it("refuses a token without the scope with 403, writing nothing", async () => {
      await expectRefused(() => r.call(r.scope === "read" ? tokens.log : tokens.read), 403, "forbidden");
    });

    it("a token of another household never reaches household A", async () => {
      const res = await r.call(tokens.other);
      const text = await res.text();
      for (const secret of [wakingA, babyA, "Pip", a.householdId]) expect(text).not.toContain(secret);
      if (r.name.includes("[id]")) expect(res.status).toBe(404);
      const w = await getDb().waking.findUniqueOrThrow({ where: { id: wakingA } });
      expect(w.endedAt).toBeNull();
      expect(await getDb().tapOut.count({ where: { householdId: a.householdId } })).toBe(0);
      expect(await getDb().waking.count({ where: { householdId: a.householdId } })).toBe(1);
    });

    it(`lets the right token do it (${r.ok}) and marks the token used at most once a minute`, async () => {
      await getDb().apiToken.updateMany({ data: { lastUsedAt: null } });
      const res = await r.call(tokens.full);
      expect(res.status, await res.clone().text()).toBe(r.ok);
      expect(res.headers.get("cache-control")).toBe("private, no-store");
      const used = await getDb().apiToken.findMany({ where: { lastUsedAt: { not: null } } });
      expect(used).toHaveLength(1);
      const again = await r.call(tokens.full);
      expect(again.status).toBeLessThan(500);
      const after = await getDb().apiToken.findUniqueOrThrow({ where: { id: used[0]!.id } });
      expect(after.lastUsedAt).toEqual(used[0]!.lastUsedAt);
    });

    it("answers 429 with Retry-After once the token has used its minute, writing nothing", async () => {
      for (let i = 0; i < API_TOKEN_LIMIT.points; i++) await consumeApiRequest(otherTokenId);
      const res = await expectRefused(() => r.call(tokens.other), 429, "throttled");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    });

    if (r.scope === "log:night")
      it("answers 400 to bodies that are not JSON, too large, with NUL or unknown fields, never 500", async () => {
        for (const body of [
          "{not json",
          "x".repeat(1024 * 1024),
          JSON.stringify({ tappedAt: "2026-12-02T03:00:00\u0000Z" }),
          JSON.stringify({ drop: "table" }),
          "[]",
        ])
          await expectRefused(() => r.call(tokens.full, { body }), 400, "invalid");
        await expectRefused(() => r.call(tokens.full, { key: "not-a-uuid" }), 400, "invalid");
      });
  });
}

describe("the API, used as a bedside button", () => {
  it("pressing 'I'm up' twice with one Idempotency-Key logs one waking", async () => {
    await getDb().waking.deleteMany({ where: { householdId: a.householdId } });
    const key = randomUUID();
    const first = await wakingsRoute(req("/api/v1/wakings", tokens.log, { method: "POST", key }));
    const second = await wakingsRoute(req("/api/v1/wakings", tokens.log, { method: "POST", key }));
    expect(first.status).toBe(201);
    const [one, two] = [await first.json(), await second.json()];
    expect(two).toEqual(one);
    expect(await getDb().waking.count({ where: { householdId: a.householdId } })).toBe(1);
    expect(await getDb().actionReceipt.count({ where: { householdId: a.householdId, key } })).toBe(1);
  });

  it("'back to sleep' on current ends the one open waking, and again with the same key answers the same", async () => {
    const key = randomUUID();
    const end = () =>
      endRoute(
        req("/api/v1/wakings/current/end", tokens.log, { method: "POST", key, body: '{"helped":["rock"]}' }),
        params({ id: "current" }),
      );
    const first = await end();
    expect(first.status).toBe(200);
    const body = await first.json();
    expect(body).toMatchObject({ wakingId: wakingA, babyName: "Pip" });
    expect(await (await end()).json()).toEqual(body);
    const w = await getDb().waking.findUniqueOrThrow({ where: { id: wakingA } });
    expect(w.endedAt).not.toBeNull();
    expect(w.helped).toEqual(["rock"]);
    // Nothing open now: a new key finds no waking to end.
    const none = await endRoute(
      req("/api/v1/wakings/current/end", tokens.log, { method: "POST", key: randomUUID() }),
      params({ id: "current" }),
    );
    expect(none.status).toBe(404);
  });

  it("tonight and the night log show what the app shows", async () => {
    const log = await nightLogRoute(req(`/api/v1/nights/${NIGHT}/log`, tokens.read), params({ date: NIGHT }));
    expect(await log.json()).toMatchObject({ night: NIGHT, wakings: [{ id: wakingA, babyName: "Pip" }] });
    const tonight = await (await tonightRoute(req("/api/v1/tonight", tokens.read))).json();
    expect(tonight).toMatchObject({ night: { date: expect.any(String), shifts: [] }, onDuty: null, next: null });
  });

  it("refuses a range of nights that is backwards or too long, and a date that isn't one, with 400", async () => {
    for (const q of [
      "from=2026-12-07&to=2026-12-01",
      "from=2026-01-01&to=2026-12-31",
      "from=2026-02-30&to=2026-03-01",
      "",
    ])
      await expectRefused(() => nightsRoute(req(`/api/v1/nights?${q}`, tokens.read)), 400, "invalid");
    await expectRefused(
      () => nightLogRoute(req("/api/v1/nights/yesterday/log", tokens.read), params({ date: "yesterday" })),
      400,
      "invalid",
    );
  });
});

describeRoute(
  "GET /api/v1/openapi.json",
  () => {
    it("serves the OpenAPI document to anyone", async () => {
      const res = openApiRoute();
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ openapi: "3.1.0", info: { title: "Attune API" } });
    });
  },
  { public: "the API's description: no household's data, no token needed" },
);

type TAction = (prev: null, form: FormData) => Promise<TResult<unknown>>;
const create = (form: Record<string, string | undefined>) => (createApiTokenAction as TAction)(null, toForm(form));

describeAction("createApiTokenAction", () => {
  const form = () => ({ householdId: a.householdId, name: "Kitchen button", scopes: "log:night" });

  it("refuses a signed-out visitor and a member of another household, writing nothing", async () => {
    await expectEndpointRefused(null, () => create(form()), "unauthenticated");
    await expectEndpointRefused(b.parent, () => create(form()), "forbidden");
  });

  it("refuses no scope, an unknown scope and a name with control characters, writing nothing", async () => {
    await expectEndpointRefused(a.parent, () => create({ ...form(), scopes: undefined }), "invalid");
    await expectEndpointRefused(a.parent, () => create({ ...form(), scopes: "admin" }), "invalid");
    await expectEndpointRefused(a.parent, () => create({ ...form(), name: "bad\u0000name" }), "invalid");
  });

  it("lets any member, a helper too, make a token for themselves: shown once, stored hashed", async () => {
    await getDb().waking.updateMany({ where: { id: wakingA }, data: { endedAt: new Date("2026-12-02T03:30:00Z") } });
    await signInAs(a.helper);
    const r = await create(form());
    expect(r).toMatchObject({ ok: true, data: { name: "Kitchen button", scopes: ["log:night"] } });
    const token = (r as { data: { token: string } }).data.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await getDb().apiToken.findFirstOrThrow({ where: { name: "Kitchen button" } });
    expect(row.caregiverId).toBe(await caregiverIdOf(a.helper));
    expect(JSON.stringify(await dumpTables())).not.toContain(token);
    const res = await wakingsRoute(req("/api/v1/wakings", token, { method: "POST" }));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ responderName: "HelperA" });
  });
});

describeAction("revokeApiTokenAction", () => {
  const revoke = (tokenId: string, householdId = a.householdId) =>
    (revokeApiTokenAction as TAction)(null, toForm({ householdId, tokenId }));
  const fullId = async () => fullTokenId;

  it("refuses a signed-out visitor, another household's member, and the partner (tokens are personal), writing nothing", async () => {
    const id = await fullId();
    await expectEndpointRefused(null, () => revoke(id), "unauthenticated");
    await expectEndpointRefused(b.parent, () => revoke(id), "forbidden");
    await expectEndpointRefused(b.parent, () => revoke(id, b.householdId), "not_found");
    await expectEndpointRefused(a.partner, () => revoke(id), "forbidden");
  });

  it("lets the maker revoke it: the next request is refused", async () => {
    await signInAs(a.parent);
    expect(await revoke(await fullId())).toMatchObject({ ok: true, data: { revoked: true } });
    expect((await tonightRoute(req("/api/v1/tonight", tokens.full))).status).toBe(401);
  });
});
