// `npm run migration:new -- <name> [--from-empty]`
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that
// takes the schema as committed (git HEAD) to prisma/schema.prisma as it is
// now. Review it, add what Prisma cannot express (exclusion constraints,
// triggers), and commit both files together.
import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDb } from "./embedded-db.ts";
import { currentSchema, schemaDiffSql } from "./prisma6.ts";
import { MIGRATIONS_DIR } from "../lib/migrate.ts";

const args = process.argv.slice(2);
const name = args.find((a) => !a.startsWith("--"));
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run migration:new -- <snake_case_name> [--from-empty]");
  process.exit(1);
}
const from = args.includes("--from-empty")
  ? null
  : execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
const db = await startEmbeddedDb({ dataDir: ".data/scratch", ephemeral: true });
try {
  const sql = await schemaDiffSql({ from, to: await currentSchema(), shadowUrl: db.urlFor("postgres") });
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma has no changes against HEAD: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await db.stop();
}
