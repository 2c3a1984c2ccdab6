// Live channel benchmark: N households, each with one caregiver's stream open
// on /api/live, while the other caregiver's changes are published; measures
// the delay from publishing to the event arriving on the other's stream
// (p50/p95) and the server's memory with the streams open.
//
// As a module: benchLive({ base, databaseUrl, … }) against a running server
// (`npm run bench` can call it with the server it started). Standalone:
//
//   npx tsx scripts/bench/live.ts [--households 50] [--rounds 20] [--sequential]
//       (starts the production build like `npm run bench`; needs `next build` first)
//   npx tsx scripts/bench/live.ts --base http://127.0.0.1:3000 --database-url postgresql://…
//
// The change is published straight in the database with the SQL of
// lib/live/events.ts#publish (one transaction: the catch-up row, then
// pg_notify), timed from BEGIN to the event arriving: it measures the live
// channel (commit → NOTIFY → hub → SSE → client), not the work of a
// particular action. Pass `trigger` to time a real action instead.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { signIn } from "./auth.ts";
import { BenchError } from "./error.ts";

export type TLiveBenchOptions = {
  base: string;
  /** The server's database, where the households are created and changes published. */
  databaseUrl: string;
  /** Households connected at once (one stream each). */
  households?: number;
  /** Rounds; each publishes one change in every household. */
  rounds?: number;
  /** All households' changes of a round at once (a burst; default), or one after another. */
  burst?: boolean;
  /** The server's pid for memory figures; found from the port when omitted (Linux). */
  serverPid?: number;
  /** Publishes one change in the household as `actorCaregiverId`; default: the publish SQL. */
  trigger?: (h: TBenchHousehold, db: pg.Pool) => Promise<void>;
  log?: (line: string) => void;
};

export type TBenchHousehold = { householdId: string; actorCaregiverId: string; watcherEmail: string; cookie?: string };

export type TLiveBenchResult = {
  households: number;
  events: number;
  lost: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  rssIdleMb: number | null;
  rssOpenMb: number | null;
  rssPerStreamKb: number | null;
};

const PASSWORD = "bench-live-streams-2026";
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const; // lib/auth/password.ts
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export async function benchLive(opts: TLiveBenchOptions): Promise<TLiveBenchResult> {
  const n = opts.households ?? 50;
  const rounds = opts.rounds ?? 20;
  const log = opts.log ?? ((l: string) => console.log(`[bench:live] ${l}`));
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: Math.min(20, n) });
  const streams: TStream[] = [];
  try {
    log(`creating ${n} households with two caregivers each…`);
    const households = await createHouseholds(pool, n);
    log("signing in one caregiver of each…");
    let address = 0;
    for (const h of households) {
      address++;
      h.cookie = await signIn(opts.base, h.watcherEmail, PASSWORD, `198.19.${(address >> 8) & 255}.${address & 255}`);
    }

    const pid = opts.serverPid ?? pidListeningOn(Number(new URL(opts.base).port));
    await sleep(1_000);
    const rssIdle = pid ? rssMb(pid) : null;

    log(`opening ${n} streams…`);
    for (const h of households) streams.push(await openStream(opts.base, h));
    await Promise.all(streams.map((s) => s.ready));
    await sleep(1_000);
    const rssOpen = pid ? rssMb(pid) : null;

    const trigger = opts.trigger ?? publishDirect;
    const latencies: number[] = [];
    let lost = 0;
    log(
      `${rounds} rounds of one change in each of the ${n} households (${opts.burst === false ? "one after another" : "all at once"})…`,
    );
    for (let r = 0; r < rounds; r++) {
      const one = async (h: TBenchHousehold, i: number) => {
        const stream = streams[i]!;
        const before = stream.count;
        const started = performance.now();
        await trigger(h, pool);
        const arrived = await stream.next(before, 5_000);
        if (arrived === null) lost++;
        else latencies.push(arrived - started);
      };
      if (opts.burst === false) for (const [i, h] of households.entries()) await one(h, i);
      else await Promise.all(households.map(one));
      await sleep(50);
    }
    const result: TLiveBenchResult = {
      households: n,
      events: latencies.length,
      lost,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      maxMs: Math.max(...latencies),
      rssIdleMb: rssIdle,
      rssOpenMb: rssOpen,
      rssPerStreamKb: rssIdle !== null && rssOpen !== null ? ((rssOpen - rssIdle) * 1024) / n : null,
    };
    log(
      `delivery p50 ${result.p50Ms.toFixed(1)} ms, p95 ${result.p95Ms.toFixed(1)} ms, max ${result.maxMs.toFixed(1)} ms over ${result.events} events` +
        (lost ? `, ${lost} LOST` : "") +
        (rssOpen !== null
          ? `; server RSS ${rssIdle!.toFixed(0)} MB idle → ${rssOpen.toFixed(0)} MB with ${n} streams`
          : ""),
    );
    return result;
  } finally {
    for (const s of streams) s.close();
    await pool.end();
  }
}

/** Two users per household, the second signs in; created directly (sign-up would hash 2N passwords). */
async function createHouseholds(pool: pg.Pool, n: number): Promise<TBenchHousehold[]> {
  const passwordHash = await hash(PASSWORD, ARGON2);
  const run = randomBytes(3).toString("hex");
  const out: TBenchHousehold[] = [];
  for (let i = 0; i < n; i++) {
    const { rows } = await pool.query<{ household_id: string; actor_id: string }>(
      `WITH h AS (
         INSERT INTO households (id, name, time_zone, updated_at) VALUES (gen_random_uuid(), $1, 'Europe/London', now()) RETURNING id),
       u AS (
         INSERT INTO users (id, email, name, password_hash, updated_at) VALUES
           (gen_random_uuid(), $2, 'Actor', $4, now()), (gen_random_uuid(), $3, 'Watcher', $4, now())
         RETURNING id, email),
       c AS (
         INSERT INTO caregivers (id, household_id, user_id, role)
         SELECT gen_random_uuid(), h.id, u.id, 'parent' FROM h, u RETURNING id, user_id)
       SELECT (SELECT id FROM h) AS household_id, c.id AS actor_id FROM c JOIN u ON u.id = c.user_id WHERE u.email = $2`,
      [`Bench ${run} ${i}`, `bench-${run}-${i}-a@example.com`, `bench-${run}-${i}-b@example.com`, passwordHash],
    );
    out.push({
      householdId: rows[0]!.household_id,
      actorCaregiverId: rows[0]!.actor_id,
      watcherEmail: `bench-${run}-${i}-b@example.com`,
    });
  }
  return out;
}

/** lib/live/events.ts#publish, in SQL. */
async function publishDirect(h: TBenchHousehold, pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO live_events (household_id, type, ids, actor_caregiver_id) VALUES ($1, 'waking.started', '{}', $2) RETURNING id::text AS id`,
      [h.householdId, h.actorCaregiverId],
    );
    const message = {
      id: rows[0]!.id,
      type: "waking.started",
      householdId: h.householdId,
      actorCaregiverId: h.actorCaregiverId,
    };
    await client.query("SELECT pg_notify('attune_live', $1)", [JSON.stringify(message)]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

type TStream = {
  ready: Promise<void>;
  /** Events received so far. */
  count: number;
  /** performance.now() when event number `before + 1` arrived, or null after `ms`. */
  next(before: number, ms: number): Promise<number | null>;
  close(): void;
};

async function openStream(base: string, h: TBenchHousehold): Promise<TStream> {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/live`, {
    headers: { cookie: h.cookie!, accept: "text/event-stream" },
    signal: controller.signal,
  });
  if (res.status !== 200 || !res.headers.get("content-type")?.includes("text/event-stream")) {
    throw new BenchError(
      `GET /api/live answered ${res.status} ${res.headers.get("content-type")}; expected an event stream`,
    );
  }
  const arrivals: number[] = [];
  const waiters = new Set<() => void>();
  let resolveReady!: () => void;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const decoder = new TextDecoder();
  let buffer = "";
  const stream: TStream = {
    ready,
    get count() {
      return arrivals.length;
    },
    async next(before, ms) {
      const deadline = Date.now() + ms;
      while (arrivals.length <= before) {
        if (Date.now() > deadline) return null;
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, Math.max(1, deadline - Date.now()));
          function done() {
            clearTimeout(t);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
      return arrivals[before]!;
    },
    close: () => controller.abort(),
  };
  void (async () => {
    const reader = res.body!.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        resolveReady();
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          // Events only, not pings (the bench households have no earlier events to replay).
          if (/^data: /m.test(block) && !/^event: /m.test(block)) {
            arrivals.push(performance.now());
            for (const w of [...waiters]) w();
          }
        }
      }
    } catch {
      /* aborted */
    }
  })();
  return stream;
}

/** Linux: the pid whose socket listens on this TCP port (via /proc), or null. */
export function pidListeningOn(port: number): number | null {
  try {
    const hex = port.toString(16).toUpperCase().padStart(4, "0");
    const inodes = new Set<string>();
    for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f[1]?.endsWith(`:${hex}`) && f[3] === "0A") inodes.add(f[9]!);
      }
    }
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${pid}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        try {
          const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
          if (m && inodes.has(m[1]!)) return Number(pid);
        } catch {
          /* gone */
        }
      }
    }
  } catch {
    /* not Linux */
  }
  return null;
}

export function rssMb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

// ---- Standalone ----------------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      base: { type: "string" },
      "database-url": { type: "string" },
      households: { type: "string", default: "50" },
      rounds: { type: "string", default: "20" },
      sequential: { type: "boolean", default: false },
    },
  });
  const households = Number(values.households);
  const rounds = Number(values.rounds);
  if (values.base) {
    if (!values["database-url"]) throw new BenchError("--base needs --database-url (the server's database)");
    const r = await benchLive({
      base: values.base,
      databaseUrl: values["database-url"],
      households,
      rounds,
      burst: !values.sequential,
    });
    console.log(JSON.stringify(r, null, 2));
    return;
  }
  const { startServer } = await import("./server.ts");
  const root = path.resolve(import.meta.dirname, "../..");
  const logFile = path.join(root, "bench-results", "server-live.log");
  const { mkdir } = await import("node:fs/promises");
  await mkdir(path.dirname(logFile), { recursive: true });
  const server = await startServer({ root, label: "live", logQueries: false, logFile, echo: false });
  try {
    await sleep(500);
    const url = /database: (postgres\S+)/.exec(readFileSync(logFile, "utf8"))?.[1];
    if (!url) throw new BenchError(`no "database: …" line in ${logFile}`);
    const r = await benchLive({ base: server.base, databaseUrl: url, households, rounds, burst: !values.sequential });
    console.log(JSON.stringify(r, null, 2));
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(`[bench:live] failed: ${e instanceof BenchError ? e.message : ((e as Error)?.stack ?? String(e))}`);
      process.exit(1);
    },
  );
}
