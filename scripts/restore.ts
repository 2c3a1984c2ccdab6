// `npm run restore FILE [-- --into URL]`: restores a dump made by `npm run
// backup` into an EMPTY database (refused, changing nothing, if it has any
// table in schema public), then applies this code's migrations. The target is
// --into, else DATABASE_URL, else the local embedded Postgres's "attune"
// database (started for the duration if not running).
import { existsSync } from "node:fs";
import path from "node:path";
import { BackupError, restoreDatabase, withAppDatabase } from "./pg-backup.ts";

const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
const say = (line: string) => console.log(`[attune] ${line}`);

const args = process.argv.slice(2);
let into: string | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === "--into") into = args[++i];
  else if (a.startsWith("--into=")) into = a.slice("--into=".length);
  else files.push(a);
}
if (files.length !== 1 || files[0]!.startsWith("-") || (args.includes("--into") && !into)) {
  console.error("Usage: npm run restore -- FILE [--into postgresql://user:password@host:port/empty_database]");
  process.exit(2);
}

try {
  const restore = (url: string) => restoreDatabase(files[0]!, url, { log: say });
  const r = into ? await restore(into) : await withAppDatabase(restore, { log: say, createIfMissing: true });
  say(
    `restored ${r.tables} tables in ${(r.ms / 1000).toFixed(1)} s; ` +
      (r.applied.length ? `${r.applied.length} newer migration(s) applied` : "migrations were up to date"),
  );
  process.exit(0);
} catch (e) {
  console.error(`[attune] restore failed: ${(e as Error).message}`);
  if (!(e instanceof BackupError) && process.env.ATTUNE_DEBUG) console.error(e);
  process.exit(1);
}
