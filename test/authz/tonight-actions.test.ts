// Night log, tap-out and swap actions: refused to signed-out visitors and to
// members of other households (even with their own household id and our row
// ids), and to helpers where the rule says so; nothing is written.
import { randomUUID } from "node:crypto";
import { beforeEach, expect, it, vi } from "vitest";
import type { TResult } from "@/lib/errors";
import { getDb } from "@/lib/db";
import {
  afterWakingAction,
  answerTapOutAction,
  deleteWakingAction,
  endWakingAction,
  reopenWakingAction,
  requestTapOutAction,
  startWakingAction,
  updateWakingAction,
} from "@/lib/log/actions";
import { requestSwapAction, respondToSwapAction, withdrawSwapAction } from "@/lib/nights/actions";
import { GET as tonightLog } from "@/app/api/log/tonight/route";
import { POST as replayRoute } from "@/app/api/log/replay/route";
import { caregiverIdOf, dumpTables, makeFamily, signInAs, type TTestUser } from "../helpers/factories";
import { describeActionCases, viaForm } from "../helpers/refused";
import { describeRoute } from "../helpers/describe-endpoint";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

type TFamily = Awaited<ReturnType<typeof makeFamily>>;
type TCtx = {
  a: TFamily;
  b: TFamily;
  babyId: string;
  wakingId: string;
  endedWakingId: string;
  tapOutId: string;
  swapId: string;
  shiftId: string;
  parentCg: string;
  partnerCg: string;
};
type TAction = (prev: null, form: FormData) => Promise<TResult<unknown> | null>;

let ctx: TCtx;
beforeEach(async () => {
  const [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  const [parentCg, partnerCg] = [await caregiverIdOf(a.parent), await caregiverIdOf(a.partner)];
  const db = getDb();
  const baby = await db.baby.create({
    data: { householdId: a.householdId, name: "Pip", birthDate: new Date("2026-09-01") },
  });
  const babyTwo = await db.baby.create({
    data: { householdId: a.householdId, name: "Wren", birthDate: new Date("2026-09-01") },
  });
  const night = new Date("2026-12-01T00:00:00Z");
  const waking = await db.waking.create({
    data: {
      householdId: a.householdId,
      babyId: baby.id,
      responderId: parentCg,
      nightDate: night,
      startedAt: new Date("2026-12-02T03:00:00Z"),
    },
  });
  const ended = await db.waking.create({
    data: {
      householdId: a.householdId,
      babyId: babyTwo.id,
      responderId: parentCg,
      nightDate: night,
      startedAt: new Date("2026-12-02T02:00:00Z"),
      endedAt: new Date("2026-12-02T02:20:00Z"),
    },
  });
  const tap = await db.tapOut.create({
    data: { householdId: a.householdId, requesterId: partnerCg, nightDate: night },
  });
  const shift = await db.shift.create({
    data: {
      householdId: a.householdId,
      caregiverId: partnerCg,
      nightDate: new Date("2030-01-10T00:00:00Z"),
      startsAt: new Date("2030-01-10T19:00:00Z"),
      endsAt: new Date("2030-01-11T07:00:00Z"),
      source: "rota",
    },
  });
  const other = await db.shift.create({
    data: {
      householdId: a.householdId,
      caregiverId: parentCg,
      nightDate: new Date("2030-01-12T00:00:00Z"),
      startsAt: new Date("2030-01-12T19:00:00Z"),
      endsAt: new Date("2030-01-13T07:00:00Z"),
      source: "rota",
    },
  });
  // The partner offered their night to the parent: the parent answers, the partner may withdraw.
  const swap = await db.swap.create({
    data: {
      householdId: a.householdId,
      shiftId: shift.id,
      shiftVersion: 0,
      fromId: partnerCg,
      toId: parentCg,
      startsAt: shift.startsAt,
      endsAt: shift.endsAt,
      nightDate: shift.nightDate,
      requestedById: partnerCg,
    },
  });
  ctx = {
    a,
    b,
    babyId: baby.id,
    wakingId: waking.id,
    endedWakingId: ended.id,
    tapOutId: tap.id,
    swapId: swap.id,
    shiftId: other.id,
    parentCg,
    partnerCg,
  };
});

// who: the member of household A for whom the action is allowed; helper: whether a helper is refused.
const cases: {
  name: string;
  action: TAction;
  who: "parent" | "partner";
  helperRefused: boolean;
  noRowIds?: boolean;
  form: (c: TCtx) => Record<string, string>;
}[] = [
  {
    name: "startWakingAction",
    action: startWakingAction,
    who: "parent",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, babyId: c.babyId }),
  },
  {
    name: "endWakingAction",
    action: endWakingAction,
    who: "parent",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, wakingId: c.wakingId, helped: "rock" }),
  },
  {
    name: "updateWakingAction",
    action: updateWakingAction,
    who: "parent",
    helperRefused: true,
    form: (c) => ({
      householdId: c.a.householdId,
      wakingId: c.endedWakingId,
      version: "0",
      responderId: c.parentCg,
      start: "02:00",
      end: "02:30",
    }),
  },
  {
    name: "afterWakingAction",
    action: afterWakingAction,
    who: "parent",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, wakingId: c.endedWakingId, helped: "rock", note: "shh" }),
  },
  {
    name: "deleteWakingAction",
    action: deleteWakingAction,
    who: "parent",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, wakingId: c.wakingId }),
  },
  {
    name: "reopenWakingAction",
    action: reopenWakingAction,
    who: "parent",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, wakingId: c.endedWakingId }),
  },
  {
    name: "requestTapOutAction",
    action: requestTapOutAction,
    who: "parent",
    helperRefused: false,
    noRowIds: true,
    form: (c) => ({ householdId: c.a.householdId }),
  },
  {
    name: "answerTapOutAction",
    action: answerTapOutAction,
    who: "parent",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, tapOutId: c.tapOutId, answer: "coming" }),
  },
  {
    name: "requestSwapAction",
    action: requestSwapAction,
    who: "parent",
    helperRefused: false,
    form: (c) => ({ householdId: c.a.householdId, shiftId: c.shiftId, toId: c.partnerCg }),
  },
  {
    name: "respondToSwapAction",
    action: respondToSwapAction,
    who: "parent",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, swapId: c.swapId, answer: "accept" }),
  },
  {
    name: "withdrawSwapAction",
    action: withdrawSwapAction,
    who: "partner",
    helperRefused: true,
    form: (c) => ({ householdId: c.a.householdId, swapId: c.swapId }),
  },
];

describeActionCases(
  cases.map((tc) => ({ ...tc, action: viaForm(tc.action) })),
  () => ctx,
  "not theirs to change",
);

describeRoute("GET /api/log/tonight", () => {
  const get = (query = "") => tonightLog(new Request(`http://localhost/api/log/tonight${query}`));

  /** Signs in as `who`, reads, and checks that nothing was written and nothing of household A leaked. */
  async function refused(who: TTestUser | null, query: string, status: number) {
    await signInAs(who);
    const before = await dumpTables();
    const res = await get(query);
    expect(res.status).toBe(status);
    const body = JSON.stringify(await res.json());
    for (const id of [ctx.wakingId, ctx.endedWakingId, ctx.tapOutId, ctx.babyId]) expect(body).not.toContain(id);
    expect(body).not.toContain("Pip");
    expect(await dumpTables()).toEqual(before);
  }

  it("refuses a signed-out visitor with 401, writes nothing and shows nothing", async () => {
    await refused(null, `?householdId=${ctx.a.householdId}`, 401);
  });

  it("refuses a member of another household with 403, writes nothing and shows nothing", async () => {
    await refused(ctx.b.parent, `?householdId=${ctx.a.householdId}`, 403);
  });

  it("refuses a garbage household id with 403, not a 500", async () => {
    await refused(ctx.a.parent, "?householdId=%27%20OR%201=1", 403);
  });

  it("another household's member without an id gets their own (empty) log, none of ours", async () => {
    await refused(ctx.b.parent, "", 200);
  });

  it("gives any member (a helper too) their household's open wakings, tonight and tap-outs, uncached", async () => {
    await signInAs(ctx.a.helper);
    const before = await dumpTables();
    for (const res of [await get(), await get(`?householdId=${ctx.a.householdId}`)]) {
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toContain("no-store");
      const body = await res.json();
      expect(Object.keys(body).sort()).toEqual(["babies", "night", "open", "tapOuts", "wakings"]);
      expect(body.open.map((w: { id: string }) => w.id)).toEqual([ctx.wakingId]);
      expect(body.babies.map((b: { name: string }) => b.name).sort()).toEqual(["Pip", "Wren"]);
      expect(body.tapOuts.map((t: { id: string }) => t.id)).toEqual([ctx.tapOutId]);
    }
    expect(await dumpTables()).toEqual(before);
  });
});

describeRoute("POST /api/log/replay", () => {
  const post = (body: unknown) =>
    replayRoute(
      new Request("http://localhost/api/log/replay", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
  const ago = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  /** Household A's queue, aimed at A's rows: what an outsider would try to replay. */
  const queue = (c: TCtx, key = randomUUID()) => ({
    householdId: c.a.householdId,
    actions: [
      { key, kind: "start", tappedAt: ago(2), fields: { babyId: c.babyId } },
      { key: randomUUID(), kind: "end", tappedAt: ago(1), fields: { wakingId: c.wakingId, helped: "rock" } },
      { key: randomUUID(), kind: "undoStart", tappedAt: ago(1), fields: { wakingId: c.wakingId } },
      { key: randomUUID(), kind: "undoEnd", tappedAt: ago(1), fields: { wakingId: c.endedWakingId } },
      { key: randomUUID(), kind: "tapOut", tappedAt: ago(1), fields: {} },
      { key: randomUUID(), kind: "answer", tappedAt: ago(1), fields: { tapOutId: c.tapOutId, answer: "coming" } },
    ],
  });

  async function refused(who: TTestUser | null, body: unknown, status: number) {
    await signInAs(who);
    const before = await dumpTables();
    const res = await post(body);
    expect(res.status).toBe(status);
    const text = await res.text();
    for (const id of [ctx.wakingId, ctx.endedWakingId, ctx.tapOutId, ctx.babyId]) expect(text).not.toContain(id);
    expect(await dumpTables()).toEqual(before);
  }

  it("refuses a signed-out visitor with 401 and writes nothing", async () => {
    await refused(null, queue(ctx), 401);
  });

  it("refuses a member of another household with 403, even replaying a key household A already used", async () => {
    // A's parent made a waking with this key; B's parent replays it into A.
    const key = randomUUID();
    await signInAs(ctx.a.parent);
    const mine = await post({
      householdId: ctx.a.householdId,
      actions: [{ key, kind: "tapOut", tappedAt: ago(1), fields: {} }],
    });
    expect(mine.status).toBe(200);
    await refused(ctx.b.parent, queue(ctx, key), 403);
    await refused(ctx.b.helper, queue(ctx, key), 403);
  });

  it("answers 400 to a malformed body, too many actions or a bad kind, never 500", async () => {
    await refused(ctx.a.parent, "{not json", 400);
    await refused(ctx.a.parent, { householdId: ctx.a.householdId }, 400);
    await refused(ctx.a.parent, { ...queue(ctx), actions: [{ key: "x", kind: "start", tappedAt: ago(1) }] }, 400);
    await refused(
      ctx.a.parent,
      { ...queue(ctx), actions: [{ key: randomUUID(), kind: "drop", tappedAt: ago(1) }] },
      400,
    );
    const many = Array.from({ length: 51 }, () => ({ key: randomUUID(), kind: "tapOut", tappedAt: ago(1) }));
    await refused(ctx.a.parent, { householdId: ctx.a.householdId, actions: many }, 400);
    await refused(ctx.a.parent, { householdId: ctx.a.householdId, actions: [], pad: "x".repeat(70_000) }, 413);
  });

  it("a helper's queue is refused where the rules say (undo of another's waking), action by action, and changes nothing", async () => {
    await signInAs(ctx.a.helper);
    const before = await dumpTables();
    const res = await post({
      householdId: ctx.a.householdId,
      actions: [
        { key: randomUUID(), kind: "undoStart", tappedAt: ago(1), fields: { wakingId: ctx.wakingId } },
        { key: randomUUID(), kind: "undoEnd", tappedAt: ago(1), fields: { wakingId: ctx.endedWakingId } },
      ],
    });
    expect(res.status).toBe(200);
    const { results } = await res.json();
    expect(results.map((r: { code: string }) => r.code)).toEqual(["forbidden", "forbidden"]);
    expect(await dumpTables()).toEqual(before);
  });
});
