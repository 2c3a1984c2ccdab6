// The live channel's server half: publish() inside a transaction, the hub's
// LISTEN connection, fan-out by household, another process's events, and
// the connection coming back after Postgres drops it.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { publish } from "@/lib/live/events";
import { closeHub, liveHub, pruneLiveEvents, subscribe } from "@/lib/live/hub";
import type { TLiveMessage } from "@/lib/live/message";
import { makeFamily } from "../helpers/factories";

const root = path.resolve(import.meta.dirname, "../..");

let a: Awaited<ReturnType<typeof makeFamily>>;
let b: Awaited<ReturnType<typeof makeFamily>>;
const cleanups: (() => void)[] = [];
/** The families' own join events: committed before a test subscribes, yet their NOTIFY may still be on its way. */
let before = 0n;

beforeEach(async () => {
  [a, b] = await Promise.all([makeFamily("A"), makeFamily("B")]);
  before = (await getDb().liveEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
});
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
afterAll(async () => {
  await closeHub();
});

async function waitFor<T>(fn: () => T | undefined, what: string, ms = 5_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Subscribes (and waits until LISTEN is active) and collects what arrives. */
async function listen(householdId: string, onGap?: () => void) {
  const got: TLiveMessage[] = [];
  cleanups.push(subscribe(householdId, (m) => BigInt(m.id) > before && got.push(m), { onGap }));
  await liveHub().ready();
  return {
    got,
    waitForId: (id: string) => waitFor(() => got.find((m) => m.id === id), `event ${id}`),
  };
}

const publishCommitted = (
  householdId: string,
  type: "shift.changed" | "waking.started" = "shift.changed",
  ids: string[] = [],
) => getDb().$transaction((tx) => publish(tx, { type, householdId, ids }));

describe("publish", () => {
  it("reaches a subscriber of the household once the transaction commits, ids only", async () => {
    const l = await listen(a.householdId);
    const id = await getDb().$transaction((tx) =>
      publish(tx, { type: "waking.started", householdId: a.householdId, ids: ["w1"], actorCaregiverId: undefined }),
    );
    const m = await l.waitForId(id);
    expect(m).toEqual({ id, type: "waking.started", householdId: a.householdId, ids: ["w1"] });
    const row = await getDb().liveEvent.findUniqueOrThrow({ where: { id: BigInt(id) } });
    expect(row).toMatchObject({ householdId: a.householdId, type: "waking.started", ids: ["w1"] });
  });

  it("sends nothing and keeps nothing when the transaction rolls back", async () => {
    const l = await listen(a.householdId);
    let rolledBackId: string | undefined;
    await expect(
      getDb().$transaction(async (tx) => {
        rolledBackId = await publish(tx, { type: "shift.changed", householdId: a.householdId });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(rolledBackId).toBeDefined();
    // Notifications arrive in commit order: once a later event is here, the
    // rolled-back one would have been too.
    const marker = await publishCommitted(a.householdId);
    await l.waitForId(marker);
    expect(l.got.map((m) => m.id)).toEqual([marker]);
    expect(await getDb().liveEvent.count({ where: { id: BigInt(rolledBackId!) } })).toBe(0);
  });

  it("never delivers another household's events", async () => {
    const l = await listen(a.householdId);
    const other = await publishCommitted(b.householdId, "waking.started", ["secret-of-b"]);
    const marker = await publishCommitted(a.householdId);
    await l.waitForId(marker);
    expect(l.got.map((m) => m.id)).toEqual([marker]);
    expect(JSON.stringify(l.got)).not.toContain("secret-of-b");
    expect(other).not.toBe(marker);
  });

  it("announces a change to many rows without the ids (NOTIFY payloads are small)", async () => {
    const l = await listen(a.householdId);
    const many = Array.from({ length: 500 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    const id = await publishCommitted(a.householdId, "shift.changed", many);
    expect((await l.waitForId(id)).ids).toBeUndefined();
  });

  it("an unsubscribed listener hears nothing more", async () => {
    const got: TLiveMessage[] = [];
    const off = subscribe(a.householdId, (m) => BigInt(m.id) > before && got.push(m));
    const l = await listen(a.householdId);
    off();
    const id = await publishCommitted(a.householdId);
    await l.waitForId(id);
    expect(got).toEqual([]);
  });
});

describe("across processes", () => {
  it("an event published by another server process reaches this process's subscriber", async () => {
    const l = await listen(a.householdId);
    const child = spawn(
      process.execPath,
      [
        "--conditions=react-server",
        "--import",
        "tsx",
        "test/helpers/live-publisher.ts",
        a.householdId,
        "waking.started",
      ],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code, err).toBe(0);
    const { id, pid } = JSON.parse(out.trim().split("\n").pop()!) as { id: string; pid: number };
    expect(pid).not.toBe(process.pid);
    const m = await l.waitForId(id);
    expect(m).toMatchObject({ type: "waking.started", householdId: a.householdId, ids: [`from-pid-${pid}`] });
  }, 60_000);
});

describe("the hub's connection", () => {
  it("survives Postgres ending it, LISTENs again, and asks subscribers to catch up", async () => {
    let gaps = 0;
    const l = await listen(a.householdId, () => gaps++);
    const killed = await getDb().$queryRaw<{ n: number }[]>`
      SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE application_name = 'attune-live' AND datname = current_database()`;
    expect(killed[0]!.n).toBe(1);
    // The error arrives on an idle connection; the process must not crash.
    await waitFor(() => gaps > 0, "the catch-up signal after reconnecting", 10_000);
    expect(liveHub().stats().connected).toBe(true);
    const id = await publishCommitted(a.householdId);
    await l.waitForId(id);
  }, 20_000);

  it("prunes events older than a day and keeps the recent ones", async () => {
    const old = await publishCommitted(a.householdId);
    const recent = await publishCommitted(a.householdId);
    // Everything up to `old` (the families' join events too) is a day old now.
    await getDb().liveEvent.updateMany({
      where: { id: { lte: BigInt(old) } },
      data: { createdAt: new Date(Date.now() - 25 * 3600_000) },
    });
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      expect(await pruneLiveEvents(client)).toBeGreaterThanOrEqual(1);
    } finally {
      await client.end();
    }
    expect(await getDb().liveEvent.count({ where: { id: BigInt(old) } })).toBe(0);
    expect(await getDb().liveEvent.count({ where: { id: BigInt(recent) } })).toBe(1);
  });
});
