import { createHash } from "node:crypto";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { migrate, readMigrations } from "@/lib/migrate";

describe("migration runner", () => {
  it("records migrations as Prisma does (name, SHA-256 checksum) and applies nothing twice", async () => {
    const url = process.env.DATABASE_URL!;
    // This file's database was cloned from the migrated template.
    expect(await migrate(url)).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await c.end();
    const files = await readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    for (const [i, f] of files.entries()) {
      expect(rows[i].checksum).toBe(createHash("sha256").update(f.sql).digest("hex"));
      expect(rows[i].finished_at).toBeInstanceOf(Date);
    }
  });

  it("refuses a changed migration and rolls back a failing one", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "attune-mig-"));
    const url = process.env.DATABASE_URL!;
    await mkdir(path.join(dir, "20990101000000_probe"));
    await writeFile(path.join(dir, "20990101000000_probe/migration.sql"), "CREATE TABLE probe_ok (id int);");
    // Run against a copy of the real list plus the probe.
    const real = await readMigrations();
    for (const m of real) {
      await mkdir(path.join(dir, m.name));
      await writeFile(path.join(dir, m.name, "migration.sql"), m.sql);
    }
    expect(await migrate(url, { dir })).toEqual(["20990101000000_probe"]);

    await writeFile(path.join(dir, "20990101000000_probe/migration.sql"), "CREATE TABLE probe_ok (id bigint);");
    await expect(migrate(url, { dir })).rejects.toThrow(/changed after it was applied/);

    await writeFile(path.join(dir, "20990101000000_probe/migration.sql"), "CREATE TABLE probe_ok (id int);");
    await mkdir(path.join(dir, "20990102000000_broken"));
    await writeFile(
      path.join(dir, "20990102000000_broken/migration.sql"),
      "CREATE TABLE probe_half (id int); SELECT no_such_function();",
    );
    await expect(migrate(url, { dir })).rejects.toThrow(/failed/);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const half = await c.query(`SELECT to_regclass('probe_half') AS t`);
    await c.end();
    expect(half.rows[0].t).toBeNull();
  });

  it("several instances migrating at once apply each migration once", async () => {
    const url = process.env.DATABASE_URL!;
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flat()).toEqual([]);
  });
});
