// npm run backup / npm run restore on real Postgres 18 with the real pg_dump 18
// (scripts/ensure-pg-tools.sh; no tools is a failure here, never a skip): the
// demo household survives a round trip with every table's rows identical, a
// dump from an older version is migrated forward, and a non-empty target, a
// missing file and a damaged dump are refused with a plain message and
// nothing changed.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { getDb } from "@/lib/db";
import { migrate, readMigrations, MIGRATIONS_DIR } from "@/lib/migrate";
import { seedDemo } from "@/prisma/seed";
import { backupDatabase, BackupError, pgToolsDir, restoreDatabase } from "../../scripts/pg-backup.ts";

const root = path.resolve(import.meta.dirname, "../..");
const sourceUrl = process.env.DATABASE_URL!;
const created: string[] = [];
let dir: string;

function urlOf(database: string): string {
  const u = new URL(inject("adminUrl"));
  u.pathname = `/${database}`;
  return u.toString();
}

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text)).rows;
  } finally {
    await c.end();
  }
}

/** A new, empty database (dropped after the file; named so global teardown drops it too). */
async function emptyDatabase(): Promise<string> {
  const name = `attune_t_${randomBytes(6).toString("hex")}_restore`;
  await sql(inject("adminUrl"), `CREATE DATABASE "${name}"`);
  created.push(name);
  return urlOf(name);
}

/** Every base table in schema public (the migration table included): row count and an md5 of its ordered rows; each sequence's last value. */
async function tableDigests(url: string): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await sql<{ table_name: string }>(
    url,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { table_name: t } of tables) {
    const [r] = await sql<{ rows: string; md5: string | null }>(
      url,
      `SELECT count(*) AS rows, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM "${t}" t`,
    );
    out[t] = { rows: Number(r!.rows), md5: r!.md5 ?? "(empty)" };
  }
  // Sequences too: a restored table whose ids started again at 1 would collide on the next insert.
  const seqs = await sql<{ name: string; last: string | null }>(
    url,
    `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public'`,
  );
  for (const q of seqs) out[`sequence ${q.name}`] = { rows: 0, md5: q.last ?? "(unused)" };
  return out;
}

/** Runs one of the npm scripts' entry files as `npm run` would (tsx), with `env` added. */
function cli(
  script: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/tsx"), [path.join(root, script), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** A refusal as the person at the terminal sees it: exit 1, the reason, no stack trace. */
function expectPlainFailure(r: { code: number; stderr: string }, message: RegExp) {
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "attune-backup-"));
  await seedDemo();
  await getDb().$disconnect();
}, 180_000);

// Without pg_dump 18 every test fails with ensure-pg-tools.sh's message (a failed beforeAll would show them as skipped).
beforeEach(async () => {
  await pgToolsDir();
}, 180_000);

afterAll(async () => {
  for (const name of created)
    await sql(inject("adminUrl"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  let dump: string;

  it("round-trips the demo household: every table's rows identical after npm run backup / npm run restore", async () => {
    dump = path.join(dir, "demo.dump");
    const t0 = Date.now();
    const backup = await cli("scripts/backup.ts", [dump], { DATABASE_URL: sourceUrl });
    const backupMs = Date.now() - t0;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`backup written: ${dump} (`);
    // The password travels in PGPASSWORD; it is never printed.
    expect(backup.stdout).not.toContain(new URL(sourceUrl).password);
    const bytes = (await readFile(dump)).length;

    const target = await emptyDatabase();
    const t1 = Date.now();
    const restore = await cli("scripts/restore.ts", [dump, "--into", target]);
    const restoreMs = Date.now() - t1;
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/restored \d+ tables .*migrations were up to date/);

    const before = await tableDigests(sourceUrl);
    const after = await tableDigests(target);
    expect(Object.keys(before)).toContain("_prisma_migrations");
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);
    // The demo is really there (not two empty databases agreeing).
    const tables = Object.keys(before).filter((t) => !t.startsWith("sequence "));
    const rows = Object.values(before).reduce((n, t) => n + t.rows, 0);
    expect(before.users?.rows ?? before.User?.rows).toBeGreaterThanOrEqual(2);
    expect(rows).toBeGreaterThan(100);
    console.log(
      `backup ${bytes} bytes in ${backupMs} ms, restore in ${restoreMs} ms (each including tsx start-up); ` +
        `${tables.length} tables (${tables.filter((t) => before[t]!.rows > 0).length} with rows), ${rows} rows compared`,
    );
  }, 120_000);

  it("brings a dump from an older version forward with this code's migrations", async () => {
    const all = await readMigrations();
    const older = path.join(dir, "older-migrations");
    for (const m of all.slice(0, -1))
      await cp(path.join(MIGRATIONS_DIR, m.name), path.join(older, m.name), { recursive: true });
    const old = await emptyDatabase();
    await migrate(old, { dir: older });
    const file = path.join(dir, "older.dump");
    await backupDatabase(old, file);

    const target = await emptyDatabase();
    const r = await restoreDatabase(file, target);
    expect(r.applied).toEqual([all.at(-1)!.name]);
    const names = await sql<{ migration_name: string }>(
      target,
      `SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(names.map((n) => n.migration_name)).toEqual(all.map((m) => m.name));
  }, 60_000);

  it("refuses a target that has tables, changing nothing", async () => {
    const before = await tableDigests(sourceUrl);
    const err = await restoreDatabase(dump, sourceUrl).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect((err as Error).message).toMatch(
      /Refusing to restore into .*already has \d+ table\(s\).*Nothing was changed/,
    );
    const r = await cli("scripts/restore.ts", [dump, "--into", sourceUrl]);
    expectPlainFailure(r, /restore failed: Refusing to restore/);
    expect(await tableDigests(sourceUrl)).toEqual(before);
  }, 60_000);

  it("refuses a missing file and a damaged dump with a plain message, leaving the target empty", async () => {
    const target = await emptyDatabase();
    const missing = await cli("scripts/restore.ts", [path.join(dir, "no-such.dump"), "--into", target]);
    expectPlainFailure(missing, /restore failed: No dump file at .*no-such\.dump/);

    const junk = path.join(dir, "junk.dump");
    await writeFile(junk, randomBytes(4096));
    const notDump = await cli("scripts/restore.ts", [junk, "--into", target]);
    expectPlainFailure(notDump, /is not a pg_dump custom-format dump/);

    // A dump cut short (a copy that did not finish): the header reads, the data does not.
    const whole = await readFile(dump);
    // Cut early, the table of contents is short: refused before the target is touched. Cut late, the
    // last table's data is short: pg_restore fails partway, and its one transaction leaves no table behind.
    for (const [keep, message] of [
      [0.1, /is damaged or unreadable: pg_restore: error: could not read from input file/],
      [0.95, /pg_restore into .* failed, nothing was restored: pg_restore: error: could not read/],
    ] as const) {
      const cut = path.join(dir, `cut-${keep}.dump`);
      await writeFile(cut, whole.subarray(0, Math.floor(whole.length * keep)));
      const err = await restoreDatabase(cut, target).catch((e: unknown) => e);
      expect(err, `dump cut at ${keep}`).toBeInstanceOf(BackupError);
      expect((err as Error).message).toMatch(message);
      expect(await tableDigests(target)).toEqual({});
    }

    const noDb = await cli("scripts/backup.ts", [path.join(dir, "x.dump")], { DATABASE_URL: urlOf("attune_t_none") });
    expectPlainFailure(noDb, /backup failed: pg_dump of .*attune_t_none failed: .*does not exist/);
  }, 60_000);
});
