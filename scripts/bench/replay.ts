// Benchmark: a night's worth of taps queued offline, replayed at once (issue #9).
// Starts the production server as `npm start` runs it (scripts/bench/server.ts),
// signs in 20 clients of the demo household (Sam and Alex, ten phones each) and
// has every client post its queue of 10 night-log actions to /api/log/replay
// twice at once, plus a third copy from another client: 200 distinct actions,
// 600 deliveries, all in flight together. Prints the duplicates (must be 0), the
// lost actions (0) and the time to drain.
//
//   npx tsx scripts/bench/replay.ts            (uses the build in $NEXT_DIST_DIR or .next)
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { BenchError } from "./error.ts";
import { signIn } from "./auth.ts";

const CLIENTS = 20;
const PER_CLIENT = 10;
const DEMO = { sam: "sam@example.com", alex: "alex@example.com", password: "night-owls-unite" };

type TAction = { key: string; kind: "start" | "end" | "tapOut"; tappedAt: string; fields: Record<string, string> };
type TOutcome = { key: string; ok: boolean; data?: unknown; code?: string; message?: string; retry?: boolean };

/** JSON with sorted keys: the stored answer comes back from jsonb with its keys in another order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b)))
      : x,
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type TReplayBench = {
  actions: number;
  deliveries: number;
  posts: number;
  duplicates: number;
  lost: number;
  drainMs: number;
  /** Actions sent again because the server answered "retry" (could not run them then). */
  sentAgain: number;
  wakingsMade: number;
  refused: Record<string, number>;
};

export async function benchReplay(base: string, databaseUrl: string): Promise<TReplayBench> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows: who } = await db.query<{ household_id: string }>(
      `SELECT c.household_id FROM caregivers c JOIN users u ON u.id = c.user_id WHERE u.email = $1`,
      [DEMO.sam],
    );
    const householdId = who[0]?.household_id;
    if (!householdId) throw new BenchError("the demo household was not found");
    const { rows: babies } = await db.query<{ id: string }>(`SELECT id FROM babies WHERE household_id = $1`, [
      householdId,
    ]);
    const cookies: string[] = [];
    for (let i = 0; i < CLIENTS; i++)
      cookies.push(await signIn(base, i % 2 ? DEMO.alex : DEMO.sam, DEMO.password, `198.18.7.${i + 1}`));

    // Each phone's queue: I'm up / Back to sleep pairs and a tap-out, on the night just gone.
    const now = Date.now();
    const queues: TAction[][] = Array.from({ length: CLIENTS }, (_, c) => {
      const q: TAction[] = [];
      for (let p = 0; q.length < PER_CLIENT; p++) {
        const slot = now - (c * PER_CLIENT + p * 2 + 2) * 60_000;
        if (q.length === PER_CLIENT - 1) {
          q.push({ key: randomUUID(), kind: "tapOut", tappedAt: new Date(slot).toISOString(), fields: {} });
          break;
        }
        const startKey = randomUUID();
        const babyId = babies[(c + p) % babies.length]!.id;
        q.push({ key: startKey, kind: "start", tappedAt: new Date(slot).toISOString(), fields: { babyId } });
        q.push({
          key: randomUUID(),
          kind: "end",
          tappedAt: new Date(slot + 60_000).toISOString(),
          fields: { startKey, helped: "rock" },
        });
      }
      return q;
    });
    const all = queues.flat();
    const before = Number(
      (await db.query(`SELECT count(*)::int AS n FROM wakings WHERE household_id = $1`, [householdId])).rows[0].n,
    );

    let sentAgain = 0;
    /** One POST; a 5xx or no answer is tried again (as the phone's queue would, later). */
    const postOnce = async (client: number, actions: TAction[]): Promise<TOutcome[]> => {
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(`${base}/api/log/replay`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: cookies[client]! },
          body: JSON.stringify({ householdId, actions }),
        }).catch(() => null);
        if (res?.ok) return ((await res.json()) as { results: TOutcome[] }).results;
        if (attempt >= 5) throw new BenchError(`replay answered ${res?.status ?? "no response"} five times`);
        await sleep(200 * (attempt + 1));
      }
    };
    /**
     * A phone's queue, as lib/offline/queue.ts sends it: the answers up to the
     * first one marked `retry` (the server could not run it: not the phone's
     * fault, e.g. no database connection free in time) are final; that one and
     * the rest stay queued and go again after a pause.
     */
    const post = async (client: number, actions: TAction[]): Promise<TOutcome[]> => {
      const final: TOutcome[] = [];
      let queue = actions;
      for (let round = 0; queue.length; round++) {
        if (round > 20) throw new BenchError(`replay still answered "retry" after 20 rounds`);
        if (round) {
          sentAgain += queue.length;
          await sleep(500 * round);
        }
        const outcomes = await postOnce(client, queue);
        const firstRetry = queue.findIndex((a) => {
          const o = outcomes.find((x) => x.key === a.key);
          return !o || o.retry;
        });
        const done = firstRetry === -1 ? queue : queue.slice(0, firstRetry);
        final.push(...done.map((a) => outcomes.find((x) => x.key === a.key)!));
        queue = firstRetry === -1 ? [] : queue.slice(firstRetry);
      }
      return final;
    };

    const t0 = performance.now();
    const deliveries = queues.flatMap((q, c) => [post(c, q), post(c, q), post((c + 1) % CLIENTS, q)]);
    const answers = (await Promise.all(deliveries)).flat();
    const drainMs = performance.now() - t0;

    const byKey = new Map<string, TOutcome[]>();
    for (const a of answers) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
    // A duplicate: a key answered differently by two deliveries, or a waking made twice.
    let duplicates = 0;
    for (const rs of byKey.values()) if (rs.some((r) => canonical(r) !== canonical(rs[0]))) duplicates++;
    const made = new Set(
      all
        .filter((a) => a.kind === "start")
        .map((a) => byKey.get(a.key)?.[0])
        .filter((r) => r?.ok && !(r.data as { resumed: boolean }).resumed)
        .map((r) => (r!.data as { wakingId: string }).wakingId),
    );
    const after = Number(
      (await db.query(`SELECT count(*)::int AS n FROM wakings WHERE household_id = $1`, [householdId])).rows[0].n,
    );
    duplicates += Math.max(0, after - before - made.size);
    const receipts = Number(
      (
        await db.query(
          `SELECT count(*)::int AS n FROM action_receipts WHERE household_id = $1 AND key = ANY($2::uuid[])`,
          [householdId, all.map((a) => a.key)],
        )
      ).rows[0].n,
    );
    // Lost: an action with no answer, refused, or with no receipt; or a waking said to be made that isn't there.
    const refused: Record<string, number> = {};
    let lost = all.length - receipts;
    for (const a of all) {
      const r = byKey.get(a.key)?.[0];
      if (!r) lost++;
      else if (!r.ok) refused[`${a.kind}:${r.code}`] = (refused[`${a.kind}:${r.code}`] ?? 0) + 1;
    }
    const existing = Number(
      (await db.query(`SELECT count(*)::int AS n FROM wakings WHERE id = ANY($1::uuid[])`, [[...made]])).rows[0].n,
    );
    lost += made.size - existing;
    return {
      actions: all.length,
      deliveries: answers.length,
      posts: deliveries.length,
      duplicates,
      lost,
      drainMs: Math.round(drainMs),
      sentAgain,
      wakingsMade: made.size,
      refused,
    };
  } finally {
    await db.end();
  }
}

async function main() {
  const { startServer } = await import("./server.ts");
  const root = path.resolve(import.meta.dirname, "../..");
  const logFile = path.join(root, "bench-results", "server-replay.log");
  await mkdir(path.dirname(logFile), { recursive: true });
  const server = await startServer({
    root,
    label: "replay",
    logQueries: false,
    logFile,
    echo: false,
    historyNights: 30,
  });
  try {
    await sleep(500);
    const url = /database: (postgres\S+)/.exec(readFileSync(logFile, "utf8"))?.[1];
    if (!url) throw new BenchError(`no "database: …" line in ${logFile}`);
    const r = await benchReplay(server.base, url);
    console.log(JSON.stringify(r, null, 2));
    console.log(
      `replay: ${r.actions} queued actions, ${r.deliveries} deliveries in ${r.posts} posts at once from ${CLIENTS} clients: ` +
        `duplicates ${r.duplicates}, lost ${r.lost}, drained in ${r.drainMs} ms (${r.sentAgain} sent again after "retry")`,
    );
    if (r.duplicates || r.lost) process.exitCode = 1;
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (e: unknown) => {
      console.error(
        `[bench:replay] failed: ${e instanceof BenchError ? e.message : ((e as Error)?.stack ?? String(e))}`,
      );
      process.exit(1);
    },
  );
}
