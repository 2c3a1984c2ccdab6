// Prisma 7's schema engine is a native binary that cannot be downloaded on
// the build machines. Prisma 6.19's WebAssembly engine (tools/prisma6) can
// still turn schema.prisma into SQL; it only needs a driver-adapter
// connection to some scratch database. See docs/decisions/0002.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
export const TOOLS_DIR = path.resolve(import.meta.dirname, "../tools/prisma6");
export const SCHEMA_PATH = path.resolve(import.meta.dirname, "../prisma/schema.prisma");

/** Prisma 6 wants a url in the datasource block; Prisma 7 forbids it there. */
function forPrisma6(schema: string): string {
  return schema.replace(
    /provider\s*=\s*"postgresql"/,
    'provider = "postgresql"\n  url      = env("PRISMA6_SHADOW_URL")',
  );
}

export async function ensurePrisma6(): Promise<void> {
  if (existsSync(path.join(TOOLS_DIR, "node_modules/prisma/build/index.js"))) return;
  await run("npm", ["ci", "--no-audit", "--no-fund", "--prefix", TOOLS_DIR], { cwd: TOOLS_DIR });
}

/** SQL that takes a database from `from` (schema text, or empty) to `to`. */
export async function schemaDiffSql(opts: { from: string | null; to: string; shadowUrl: string }): Promise<string> {
  await ensurePrisma6();
  const dir = await mkdtemp(path.join(os.tmpdir(), "attune-schema-"));
  try {
    const toPath = path.join(dir, "to.prisma");
    await writeFile(toPath, forPrisma6(opts.to));
    const args = ["node_modules/prisma/build/index.js", "migrate", "diff", "--script", "--to-schema-datamodel", toPath];
    if (opts.from === null) args.push("--from-empty");
    else {
      const fromPath = path.join(dir, "from.prisma");
      await writeFile(fromPath, forPrisma6(opts.from));
      args.push("--from-schema-datamodel", fromPath);
    }
    const { stdout } = await run(process.execPath, args, {
      cwd: TOOLS_DIR,
      env: { ...process.env, PRISMA6_SHADOW_URL: opts.shadowUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout.replace(/^Loaded Prisma config.*\n+/m, "");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function currentSchema(): Promise<string> {
  return readFile(SCHEMA_PATH, "utf8");
}
