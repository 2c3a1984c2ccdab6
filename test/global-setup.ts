// Once per test run: a real Postgres (embedded, or TEST_DATABASE_URL's server)
// with a template database that has every migration applied. Each test file
// then gets its own database cloned from the template (test/setup.ts).
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb, type TEmbeddedDb } from "../scripts/embedded-db.ts";
import { migrate } from "../lib/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDb: string;
  }
}

const TEMPLATE = "attune_test_template";
let embedded: TEmbeddedDb | undefined;
let dataDir: string | undefined;

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    // One folder per run, so two runs on one machine don't share a cluster.
    dataDir = path.resolve(import.meta.dirname, `../.data/test-pg-${process.pid}`);
    await rm(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedDb({ dataDir, ephemeral: true });
    adminUrl = embedded.urlFor("postgres");
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await dropTestDatabases(admin);
    await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
  } finally {
    await admin.end();
  }
  await migrate(withDatabase(adminUrl, TEMPLATE));
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", TEMPLATE);
}

async function dropTestDatabases(admin: pg.Client) {
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE 'attune_t\\_%'`,
    [TEMPLATE],
  );
  for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
}

export async function teardown() {
  if (embedded) {
    await embedded.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    return;
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await admin.connect();
  await dropTestDatabases(admin).finally(() => admin.end());
}
