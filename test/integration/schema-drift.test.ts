// schema.prisma and prisma/migrations must describe the same database. The
// schema is turned into SQL by Prisma's own engine (tools/prisma6, see
// docs/decisions/0002) and applied to one empty database; the migrations to
// another; then the two catalogs are compared. Forgetting a migration, or
// hand-editing one so it no longer matches the schema, fails here.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { migrate } from "@/lib/migrate";
import { currentSchema, schemaDiffSql } from "../../scripts/prisma6";

const adminUrl = inject("adminUrl");
const created: string[] = [];

function urlOf(db: string) {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function emptyDatabase(label: string): Promise<string> {
  const name = `attune_t_${label}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  return name;
}

async function withDb<T>(db: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: urlOf(db) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * What Prisma's schema can express. Objects it cannot (exclusion and check constraints, partial indexes,
 * triggers, functions, extensions) live only in migrations and are left out.
 */
async function catalog(db: string) {
  return withDb(db, async (c) => {
    const q = async (sql: string) => (await c.query(sql)).rows;
    return {
      columns: await q(`
        SELECT table_name, column_name, udt_name, is_nullable, column_default, character_maximum_length, datetime_precision
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
        ORDER BY table_name, column_name`),
      constraints: await q(`
        SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS def
        FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace n ON n.oid = rel.relnamespace
        WHERE n.nspname = 'public' AND rel.relname <> '_prisma_migrations' AND con.contype IN ('p', 'f', 'u')
        ORDER BY 1, 2`),
      indexes: await q(`
        SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename <> '_prisma_migrations'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conname = i.indexname AND con.contype = 'x')
          AND i.indexdef NOT LIKE '% WHERE %' -- partial indexes: Prisma cannot express them
        ORDER BY 1, 2`),
      enums: await q(`
        SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY 1 ORDER BY 1`),
    };
  });
}

afterAll(async () => {
  await admin(async (c) => {
    for (const db of created) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  });
});

describe("schema.prisma and the migrations", () => {
  it("describe the same tables, columns, keys, indexes and enums", { timeout: 180_000 }, async () => {
    const [fromSchema, fromMigrations, shadow] = await Promise.all([
      emptyDatabase("schema"),
      emptyDatabase("migr"),
      emptyDatabase("shadow"),
    ]);
    const sql = await schemaDiffSql({ from: null, to: await currentSchema(), shadowUrl: urlOf(shadow) });
    expect(sql).toContain("CREATE TABLE");
    await withDb(fromSchema, (c) => c.query(sql));
    await migrate(urlOf(fromMigrations));

    const [a, b] = await Promise.all([catalog(fromSchema), catalog(fromMigrations)]);
    expect(a.columns.length).toBeGreaterThan(10);
    expect(b, "prisma/migrations differ from schema.prisma: run `npm run migration:new -- <name>`").toEqual(a);
  });

  it("the comparison notices a missing column (the check can fail)", { timeout: 180_000 }, async () => {
    const [fromSchema, shadow] = await Promise.all([emptyDatabase("schema2"), emptyDatabase("shadow2")]);
    const changed = (await currentSchema()).replace(/(model Baby \{\n)/, "$1  nickname String?\n");
    await withDb(fromSchema, async (c) =>
      c.query(await schemaDiffSql({ from: null, to: changed, shadowUrl: urlOf(shadow) })),
    );
    const fromMigrations = await emptyDatabase("migr2");
    await migrate(urlOf(fromMigrations));
    expect(await catalog(fromMigrations)).not.toEqual(await catalog(fromSchema));
  });
});
