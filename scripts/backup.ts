// `npm run backup [FILE]`: a pg_dump (custom format) of the app's database,
// by default to backups/attune-<UTC timestamp>.dump. DATABASE_URL when set,
// else the local embedded Postgres (started for the duration if not running).
import { existsSync } from "node:fs";
import path from "node:path";
import { backupDatabase, BackupError, mb, withAppDatabase } from "./pg-backup.ts";

const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));
const say = (line: string) => console.log(`[attune] ${line}`);

const args = process.argv.slice(2);
if (args.length > 1 || args[0]?.startsWith("-")) {
  console.error("Usage: npm run backup [-- FILE]   (default: backups/attune-<UTC timestamp>.dump)");
  process.exit(2);
}
// 2026-11-30T05:26:48.123Z → 20261130T052648Z: sorts by time, no colons in file names.
const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
const file = path.resolve(args[0] ?? path.join(root, "backups", `attune-${stamp}.dump`));

try {
  const r = await withAppDatabase((url) => backupDatabase(url, file, { log: say }), { log: say });
  say(`backup written: ${r.file} (${mb(r.bytes)}, ${r.bytes} bytes) in ${(r.ms / 1000).toFixed(1)} s`);
  process.exit(0);
} catch (e) {
  console.error(`[attune] backup failed: ${(e as Error).message}`);
  if (!(e instanceof BackupError) && process.env.ATTUNE_DEBUG) console.error(e);
  process.exit(1);
}
