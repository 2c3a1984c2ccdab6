import "server-only";
import pg from "pg";
import { env } from "@/lib/env";

// The loop every outbox worker runs, once per process (instrumentation.ts):
// LISTEN on its channel (the producer's pg_notify arrives at commit, so
// latency is not a polling interval), poll as well (retries coming due, a
// notification lost while reconnecting), and never run two drains at once in
// one process. The row locks of the drain itself (FOR UPDATE SKIP LOCKED)
// share the work between processes. docs/decisions/0015, 0032.

export type TOutboxLoop = { stop: () => Promise<void> };

export type TOutboxLoopOptions = {
  /** For log lines and the per-process handle: "push", "webhooks". */
  name: string;
  /** The Postgres channel producers notify at commit. */
  channel: string;
  /** Sends everything due; called again if a notification came in meanwhile. */
  drain: () => Promise<unknown>;
  pollMs?: number;
  /** Other periodic work of this worker (push: shift reminders once a minute). */
  every?: { name: string; ms: number; run: () => Promise<unknown> }[];
};

const globalForLoops = globalThis as unknown as { attuneOutboxLoops?: Map<string, TOutboxLoop> };

/** Starts `name`'s loop in this process, or returns the one already running (Next's dev server re-imports modules). */
export function startOutboxLoop(opts: TOutboxLoopOptions): TOutboxLoop {
  const loops = (globalForLoops.attuneOutboxLoops ??= new Map());
  const running = loops.get(opts.name);
  if (running) return running;
  let stopped = false;
  let busy = false;
  let again = false;
  let client: pg.Client | null = null;
  const log = (m: string) => console.error(`[${opts.name}] ${m}`);

  const kick = async () => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    try {
      do {
        again = false;
        await opts.drain();
      } while (again && !stopped);
    } catch (e) {
      log(`worker: ${(e as Error).message}`);
    } finally {
      busy = false;
    }
  };

  const listen = async () => {
    if (stopped) return;
    try {
      client = new pg.Client({ connectionString: env().DATABASE_URL });
      client.on("notification", () => void kick());
      client.on("error", () => undefined);
      client.on("end", () => {
        client = null;
        if (!stopped) setTimeout(() => void listen(), 2000);
      });
      await client.connect();
      await client.query(`LISTEN ${opts.channel}`);
      void kick();
    } catch (e) {
      log(`listen: ${(e as Error).message}`);
      await client?.end().catch(() => undefined);
    }
  };

  void listen();
  const timers = [
    setInterval(() => void kick(), opts.pollMs ?? 5_000),
    ...(opts.every ?? []).map((job) =>
      setInterval(() => {
        job.run().catch((e: Error) => log(`${job.name}: ${e.message}`));
      }, job.ms),
    ),
  ];
  for (const t of timers) t.unref();

  const handle: TOutboxLoop = {
    stop: async () => {
      stopped = true;
      for (const t of timers) clearInterval(t);
      await client?.end().catch(() => undefined);
      loops.delete(opts.name);
    },
  };
  loops.set(opts.name, handle);
  return handle;
}
