// Backup and restore of the app's database with pg_dump / pg_restore 18
// (custom format), for `npm run backup` / `npm run restore` and their test.
// The binaries come from scripts/ensure-pg-tools.sh (ATTUNE_PG_BIN, PATH, or
// Debian sid's client fetched into .tools/pg18): see docs/decisions/0024.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrate } from "../lib/migrate.ts";
import { LOCAL_DB, localDataDir, runningEmbeddedDb, startEmbeddedDb } from "./embedded-db.ts";

/** A failure with a message meant for the person running the command (no stack trace needed). */
export class BackupError extends Error {
  override name = "BackupError";
}

type TLog = (line: string) => void;
const ROOT = path.resolve(import.meta.dirname, "..");

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

let toolsDir: Promise<string> | undefined;
/** The folder with pg_dump and pg_restore 18+ (fetched on first use if need be; once per process). */
export function pgToolsDir(log: TLog = () => {}): Promise<string> {
  return (toolsDir ??= (async () => {
    const r = await run("bash", [path.join(ROOT, "scripts/ensure-pg-tools.sh")]);
    const said = r.stderr.trim();
    if (r.code !== 0) {
      toolsDir = undefined;
      throw new BackupError(said || "scripts/ensure-pg-tools.sh found no pg_dump 18.");
    }
    if (said) log(said.replace(/^\[attune\] /gm, ""));
    return r.stdout.trim().split("\n").at(-1)!;
  })());
}

/**
 * libpq's view of a connection URL: the password moves to PGPASSWORD (never on
 * a command line, where `ps` shows it), Prisma-only parameters (which libpq
 * refuses) are dropped, and `label` names the database without secrets.
 */
function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv; label: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new BackupError("The database URL is not a valid URL (postgresql://user:password@host:port/database).");
  }
  const env = { ...process.env };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  u.password = "";
  for (const p of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "statement_cache_size", "socket_timeout"])
    u.searchParams.delete(p);
  return { dbname: u.toString(), env, label: `${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}` };
}

/** A size for people: "1.23 MB". */
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** pg_dump -Fc of the database at `url` into `file` (which must not exist yet). */
export async function backupDatabase(
  url: string,
  file: string,
  opts: { log?: TLog } = {},
): Promise<{ file: string; bytes: number; ms: number }> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const bin = await pgToolsDir(log);
  const target = libpqTarget(url);
  file = path.resolve(file);
  if (existsSync(file)) throw new BackupError(`${file} already exists: choose another file name.`);
  // Dumps hold password hashes and family data: private folder, private file.
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  log(`backing up ${target.label} …`);
  const r = await run(
    path.join(bin, "pg_dump"),
    ["--format=custom", "--no-password", `--file=${partial}`, `--dbname=${target.dbname}`],
    target.env,
  );
  if (r.code !== 0) {
    await rm(partial, { force: true });
    throw new BackupError(`pg_dump of ${target.label} failed: ${r.stderr.trim()}`);
  }
  await chmod(partial, 0o600);
  // Renamed only when complete, so a file with the final name is never half a dump.
  await rename(partial, file);
  const { size } = await stat(file);
  return { file, bytes: size, ms: Date.now() - started };
}

/** Tables (and views) in schema public: a restore target must have none. */
async function publicTables(url: string, label: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === "3D000")
      throw new BackupError(`Database ${label} does not exist: create it (CREATE DATABASE …) and run again.`);
    throw new BackupError(`Cannot connect to ${label}: ${(e as Error).message}`);
  }
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    return rows.map((r) => r.table_name);
  } finally {
    await client.end();
  }
}

/** Checks that `file` is a readable custom-format dump before anything touches the target. */
async function checkDump(file: string, bin: string): Promise<void> {
  let head: Buffer;
  try {
    const fh = await open(file, "r");
    try {
      head = Buffer.alloc(5);
      await fh.read(head, 0, 5, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BackupError(
      code === "ENOENT" ? `No dump file at ${file}.` : `Cannot read ${file}: ${(e as Error).message}`,
    );
  }
  if (head.toString("latin1") !== "PGDMP")
    throw new BackupError(`${file} is not a pg_dump custom-format dump (one made by npm run backup).`);
  const list = await run(path.join(bin, "pg_restore"), ["--list", file]);
  if (list.code !== 0) throw new BackupError(`${file} is damaged or unreadable: ${list.stderr.trim()}`);
}

/**
 * Restores `file` into the EMPTY database at `url` (refused, with nothing
 * changed, if it has any table in schema public), in one transaction (a dump
 * that breaks halfway leaves the target empty), then applies this code's
 * migrations so a dump from an older version is brought forward.
 */
export async function restoreDatabase(
  file: string,
  url: string,
  opts: { log?: TLog; migrationsDir?: string } = {},
): Promise<{ tables: number; applied: string[]; ms: number }> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  const bin = await pgToolsDir(log);
  const target = libpqTarget(url);
  file = path.resolve(file);
  await checkDump(file, bin);
  const existing = await publicTables(url, target.label);
  if (existing.length)
    throw new BackupError(
      `Refusing to restore into ${target.label}: it already has ${existing.length} table(s) in schema public ` +
        `(${existing.slice(0, 5).join(", ")}${existing.length > 5 ? ", …" : ""}). Nothing was changed. ` +
        `Restore into an empty database (CREATE DATABASE …) with --into <url>.`,
    );
  log(`restoring ${file} into ${target.label} …`);
  // No owners or grants: the target's roles need not match the source's.
  const r = await run(
    path.join(bin, "pg_restore"),
    [
      "--single-transaction",
      "--exit-on-error",
      "--no-owner",
      "--no-privileges",
      "--no-password",
      `--dbname=${target.dbname}`,
      file,
    ],
    target.env,
  );
  if (r.code !== 0)
    throw new BackupError(`pg_restore into ${target.label} failed, nothing was restored: ${r.stderr.trim()}`);
  const applied = await migrate(url, { dir: opts.migrationsDir, log });
  const tables = (await publicTables(url, target.label)).length;
  return { tables, applied, ms: Date.now() - started };
}

/**
 * Runs `fn` with the app's database URL: DATABASE_URL when set, else the
 * embedded cluster the launcher uses (.data/pg). When that cluster is not
 * running it is started for the duration and stopped after.
 */
export async function withAppDatabase<T>(
  fn: (url: string) => Promise<T>,
  opts: { log?: TLog; createIfMissing?: boolean } = {},
): Promise<T> {
  const log = opts.log ?? (() => {});
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const dataDir = path.join(localDataDir(ROOT), "pg");
  const shown = dataDir.startsWith(ROOT + path.sep) ? path.relative(ROOT, dataDir) : dataDir;
  if (!opts.createIfMissing && !existsSync(path.join(dataDir, "PG_VERSION")))
    throw new BackupError(`No DATABASE_URL and no local database in ${shown}: nothing to back up.`);
  const running = await runningEmbeddedDb(dataDir);
  if (running) {
    log(`using the embedded Postgres already running in ${shown} (port ${running.port})`);
    if (opts.createIfMissing) await running.createDatabase(LOCAL_DB.database);
    return fn(running.urlFor(LOCAL_DB.database));
  }
  log(`starting the embedded Postgres in ${shown} for the duration …`);
  const db = await startEmbeddedDb({ dataDir, port: LOCAL_DB.port });
  try {
    if (opts.createIfMissing) await db.createDatabase(LOCAL_DB.database);
    return await fn(db.urlFor(LOCAL_DB.database));
  } finally {
    await db.stop();
    log("stopped the embedded Postgres");
  }
}
