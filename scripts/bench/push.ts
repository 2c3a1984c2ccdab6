// Push fan-out benchmark: tap-outs in N households at once, timed from the
// commit of each tap-out (its outbox row written in the same transaction) to
// its arrival, encrypted and then decrypted, at a local test push service.
// It measures the push path (commit → NOTIFY → worker claims with SKIP LOCKED
// → web-push encrypts and signs → POST → arrival), not the tap-out action.
//
// As a module: benchPush({ databaseUrl }) against running server(s) on that
// database: their workers (instrumentation.ts) do the sending; `npm run bench`
// can call it with the server it started. Standalone (starts an embedded
// Postgres and runs the worker in this process):
//
//   npx tsx --conditions=react-server scripts/bench/push.ts [--households 50] [--rounds 5]
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { startTestPushService } from "../../test/helpers/push-service.ts";

export type TPushBenchResult = {
  households: number;
  pushes: number;
  lost: number;
  duplicates: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function benchPush(opts: {
  databaseUrl: string;
  households?: number;
  rounds?: number;
  log?: (line: string) => void;
}): Promise<TPushBenchResult> {
  const n = opts.households ?? 50;
  const rounds = opts.rounds ?? 5;
  const log = opts.log ?? ((l: string) => console.log(`[bench:push] ${l}`));
  const service = await startTestPushService();
  const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: Math.min(n, 60) });
  try {
    log(`creating ${n} households, the partner's phone subscribed to the test push service…`);
    const hs: { householdId: string; asker: string; partner: string }[] = [];
    for (let i = 0; i < n; i++) {
      const householdId = randomUUID();
      const [u1, u2, asker, partner] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const tag = `${Date.now().toString(36)}-${i}`;
      await pool.query(
        `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES
           ($1, $3, 'Bench asker', 'x', now()), ($2, $4, 'Bench partner', 'x', now())`,
        [u1, u2, `push-a-${tag}@bench.invalid`, `push-b-${tag}@bench.invalid`],
      );
      await pool.query(
        `INSERT INTO households (id, name, time_zone, updated_at) VALUES ($1, 'Bench push', 'Europe/Berlin', now())`,
        [householdId],
      );
      await pool.query(
        `INSERT INTO caregivers (id, household_id, user_id, role) VALUES ($1, $3, $4, 'parent'), ($2, $3, $5, 'parent')`,
        [asker, partner, householdId, u1, u2],
      );
      const d = service.device(`bench-${i}`);
      await pool.query(
        `INSERT INTO push_subscriptions (id, household_id, caregiver_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4, $5, $6)`,
        [randomUUID(), householdId, partner, d.endpoint, d.p256dh, d.auth],
      );
      hs.push({ householdId, asker, partner });
    }

    const committedAt = new Map<string, number>();
    const latencies: number[] = [];
    let expected = 0;
    for (let r = 0; r < rounds; r++) {
      const before = service.received.length;
      await Promise.all(
        hs.map(async (h) => {
          const c = await pool.connect();
          try {
            const tapOutId = randomUUID();
            await c.query("BEGIN");
            await c.query(
              `INSERT INTO tap_outs (id, household_id, requester_id, night_date) VALUES ($1, $2, $3, current_date)`,
              [tapOutId, h.householdId, h.asker],
            );
            const payload = {
              kind: "tapout",
              title: "Bench asker needs you",
              body: "Tap to answer: I'm coming, or I can't right now.",
              tag: `tapout-${tapOutId}`,
              url: `/tonight?tapout=${tapOutId}`,
              requireInteraction: true,
              renotify: true,
              tapOutId,
            };
            await c.query(
              `INSERT INTO push_outbox (household_id, recipient_id, kind, payload, dedupe_key, urgency, ttl)
               VALUES ($1, $2, 'tapout', $3, $4, 'high', 300)`,
              [h.householdId, h.partner, JSON.stringify(payload), `tapout:${tapOutId}:${h.partner}`],
            );
            await c.query(`SELECT pg_notify('attune_push', '')`);
            await c.query("COMMIT");
            committedAt.set(tapOutId, Date.now());
          } finally {
            c.release();
          }
        }),
      );
      expected += n;
      try {
        await service.waitFor(expected, 30_000);
      } catch {
        log(`round ${r + 1}: only ${service.received.length - before} of ${n} arrived within 30 s`);
      }
      await sleep(200);
    }
    await sleep(1000); // late duplicates, if any, arrive meanwhile
    const seen = new Set<string>();
    let duplicates = 0;
    for (const got of service.received) {
      const id = String(got.payload.tapOutId);
      if (seen.has(id)) duplicates++;
      seen.add(id);
      const t0 = committedAt.get(id);
      if (t0 !== undefined) latencies.push(got.at - t0);
    }
    latencies.sort((a, b) => a - b);
    const result = {
      households: n,
      pushes: seen.size,
      lost: expected - seen.size,
      duplicates,
      p50Ms: pct(latencies, 50),
      p95Ms: pct(latencies, 95),
      maxMs: latencies.at(-1) ?? NaN,
    };
    log(
      `${rounds}×${n} tap-outs at once: p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms; lost ${result.lost}, duplicates ${result.duplicates}`,
    );
    return result;
  } finally {
    await pool.end();
    await service.close();
  }
}

async function standalone() {
  const { values } = parseArgs({
    options: { households: { type: "string", default: "50" }, rounds: { type: "string", default: "5" } },
  });
  const root = path.resolve(import.meta.dirname, "../..");
  const { startEmbeddedDb } = await import("../embedded-db.ts");
  const { migrate } = await import("../../lib/migrate.ts");
  const db = await startEmbeddedDb({ dataDir: path.join(root, ".data/bench-push/pg"), ephemeral: true });
  try {
    await db.createDatabase("attune");
    process.env.DATABASE_URL = db.urlFor("attune");
    process.env.ATTUNE_DATA_DIR ??= path.join(root, ".data/bench-push");
    await migrate(process.env.DATABASE_URL);
    const { startPushWorker } = await import("../../lib/push/worker.ts");
    const worker = startPushWorker();
    await sleep(500); // LISTEN is up
    const r = await benchPush({
      databaseUrl: process.env.DATABASE_URL,
      households: Number(values.households),
      rounds: Number(values.rounds),
    });
    console.log(JSON.stringify(r));
    await worker.stop();
    const { getDb } = await import("../../lib/db.ts");
    await getDb().$disconnect();
  } finally {
    await db.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  standalone().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
