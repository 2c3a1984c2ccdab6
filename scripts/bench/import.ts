// `npm run bench:import`: what "Bring your data from a file" costs for the
// demo household's three years (prisma/seed.ts with ATTUNE_DEMO_HISTORY_NIGHTS
// = 1095) in a throwaway embedded Postgres. A child process exports the
// household with the real export (prepareExport), then imports that JSON as a
// new account with the real operation (importAttuneFile: zod over the whole
// file, then one transaction), and reports the time and the process's peak RSS.
//
//   npm run bench:import                 3 years
//   npm run bench:import -- --nights 30,1095
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDb } from "../embedded-db.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function child(): Promise<void> {
  const { getDb } = await import("../../lib/db.ts");
  const { prepareExport } = await import("../../lib/export/export.ts");
  const { importAttuneFile } = await import("../../lib/import/import-household.ts");
  const db = getDb();
  const actorOf = async (email: string) => {
    const u = await db.user.findUniqueOrThrow({ where: { email } });
    const cg = await db.caregiver.findFirst({ where: { userId: u.id } });
    return {
      userId: u.id,
      email: u.email,
      name: u.name,
      sessionVersion: u.sessionVersion,
      sessionId: "00000000-0000-4000-8000-000000000000",
      membership: cg ? { caregiverId: cg.id, householdId: cg.householdId, role: cg.role } : null,
    };
  };
  const sam = await actorOf("sam@example.com");
  const file = await prepareExport(sam, { householdId: sam.membership!.householdId }, new Date());
  const text = await new Response(file.body).text();
  await db.user.create({ data: { email: "robin@example.com", name: "Robin", passwordHash: "!" } });
  const robin = await actorOf("robin@example.com");
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const json: unknown = JSON.parse(text);
  const result = await importAttuneFile(robin, { file: json });
  const ms = Math.round(performance.now() - t0);
  const rows = (
    await db.$queryRaw<{ n: bigint }[]>`
    SELECT (SELECT count(*) FROM shifts WHERE household_id = ${result.householdId}::uuid)
         + (SELECT count(*) FROM wakings WHERE household_id = ${result.householdId}::uuid)
         + (SELECT count(*) FROM notes WHERE household_id = ${result.householdId}::uuid)
         + (SELECT count(*) FROM check_offs WHERE household_id = ${result.householdId}::uuid)
         + (SELECT count(*) FROM check_ins WHERE household_id = ${result.householdId}::uuid) AS n`
  )[0]!.n;
  await db.$disconnect();
  const out = {
    ms,
    mb: mb(Buffer.byteLength(text)),
    lines: text.split("\n").length,
    rows: Number(rows),
    counts: result.counts,
    rssBeforeMb: mb(rssBefore),
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
  };
  console.log(`BENCH ${JSON.stringify(out)}`);
}

function run(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(tsx, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => (out += d));
    p.stderr.on("data", (d: Buffer) => (err += d));
    p.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(" ")} exited ${code}\n${err.slice(-2000)}`)),
    );
  });
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf("--nights");
  const histories = (arg > 0 ? process.argv[arg + 1]! : "1095").split(",").map(Number);
  const dataDir = path.join(root, ".data/bench-import");
  await rm(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedDb({ dataDir, ephemeral: true });
  const { migrate } = await import("../../lib/migrate.ts");
  try {
    for (const nights of histories) {
      const name = `attune_bench_import_${nights}`;
      await pg.createDatabase(name);
      const url = pg.urlFor(name);
      await migrate(url);
      await run(["--conditions=react-server", "prisma/seed.ts"], {
        DATABASE_URL: url,
        ATTUNE_DEMO_HISTORY_NIGHTS: String(nights),
      });
      const out = await run(["--conditions=react-server", "--expose-gc", "scripts/bench/import.ts", "--child"], {
        DATABASE_URL: url,
      });
      const line = out.split("\n").find((l) => l.startsWith("BENCH "));
      if (!line) throw new Error(`no measurement from the child:\n${out}`);
      const m = JSON.parse(line.slice(6)) as {
        ms: number;
        mb: number;
        lines: number;
        rows: number;
        rssBeforeMb: number;
        maxRssMb: number;
      };
      console.log(
        `${nights} nights: import of a ${m.mb} MB export (${m.lines} lines) in ${m.ms} ms ` +
          `(parse, validate, one transaction); RSS ${m.rssBeforeMb} MB before, max ${m.maxRssMb} MB; ${line.slice(6)}`,
      );
    }
  } finally {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--child")) await child();
else await main();
