// `npm run bench:export`: what "Download our data" costs with one month and
// with three years of history. The demo household is seeded as the main
// bench seeds it (prisma/seed.ts with ATTUNE_DEMO_HISTORY_NIGHTS; 1095 = three
// years), each history in its own database of a throwaway embedded Postgres.
// Each export then runs in a fresh child process that calls the export's own
// streaming function (prepareExport, what GET /api/export returns) and reads
// the stream to the end, so its peak RSS is the export's and nothing else's:
// streaming means the peak should not grow with history.
//
//   npm run bench:export                 JSON and two CSVs: 1 month, 3 years, and ~10 years
//                                        (where the 3-year figure should already be the plateau)
//   npm run bench:export -- --nights 30,1095
import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedDb } from "../embedded-db.ts";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

type TMeasure = {
  format: string;
  ms: number;
  bytes: number;
  lines: number;
  rssBeforeMb: number;
  peakRssMb: number;
  maxRssMb: number;
  peakHeapMb: number;
  heapBeforeMb: number;
  heapAfterGcMb: number;
  peakLiveHeapMb: number;
};

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** In the child: export the demo household as Sam, read it all, report what it took. */
async function child(): Promise<void> {
  const { getDb } = await import("../../lib/db.ts");
  const { prepareExport } = await import("../../lib/export/export.ts");
  const db = getDb();
  const sam = await db.user.findUniqueOrThrow({ where: { email: "sam@example.com" } });
  const cg = await db.caregiver.findFirstOrThrow({ where: { userId: sam.id } });
  // Who is asking, as the session would say; the export's context still reads
  // and checks the membership in the database, as on every request.
  const actor = {
    userId: sam.id,
    email: sam.email,
    name: sam.name,
    sessionVersion: sam.sessionVersion,
    sessionId: "00000000-0000-4000-8000-000000000000",
    membership: { caregiverId: cg.id, householdId: cg.householdId, role: cg.role },
  };
  const [format, area] = (process.env.BENCH_EXPORT ?? "json").split(":");
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  const t0 = performance.now();
  const file = await prepareExport(actor, { householdId: cg.householdId, format, area }, new Date());
  const reader = file.body.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) lines++;
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  }
  const ms = performance.now() - t0;
  // What the export left behind once collected: the stream holds nothing when it is done.
  global.gc?.();
  const retainedHeap = process.memoryUsage().heapUsed;
  // A second, untimed pass collecting garbage after every chunk: the most the
  // export holds alive at once (peak heap above also counts garbage not yet collected).
  let peakLive = 0;
  if (global.gc) {
    const again = await prepareExport(actor, { householdId: cg.householdId, format, area }, new Date());
    const r = again.body.getReader();
    for (;;) {
      const { done } = await r.read();
      if (done) break;
      global.gc();
      peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
    }
  }
  await db.$disconnect();
  const out: TMeasure = {
    format: area ? `csv ${area}` : "json",
    ms: Math.round(ms),
    bytes,
    lines,
    rssBeforeMb: mb(rssBefore),
    peakRssMb: mb(peakRss),
    // The kernel's high-water mark for the whole process (start-up included).
    maxRssMb: mb(process.resourceUsage().maxRSS * 1024),
    peakHeapMb: mb(peakHeap),
    heapBeforeMb: mb(heapBefore),
    heapAfterGcMb: mb(retainedHeap),
    peakLiveHeapMb: mb(peakLive),
  };
  console.log(`BENCH ${JSON.stringify(out)}`);
}

function run(args: string[], env: Record<string, string>, quiet = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(tsx, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    p.stdout.on("data", (d: Buffer) => {
      out += d;
      if (!quiet) process.stdout.write(d);
    });
    p.stderr.on("data", (d: Buffer) => (err += d));
    p.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${args.join(" ")} exited ${code}\n${err.slice(-2000)}`)),
    );
  });
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf("--nights");
  const histories = (arg > 0 ? process.argv[arg + 1]! : "30,1095,3600").split(",").map(Number);
  const exports = ["json", "csv:wakings", "csv:notes"];
  const dataDir = path.join(root, ".data/bench-export");
  await rm(dataDir, { recursive: true, force: true });
  const pg = await startEmbeddedDb({ dataDir, ephemeral: true });
  const { migrate } = await import("../../lib/migrate.ts");
  const results: (TMeasure & { nights: number; seedS: number })[] = [];
  try {
    for (const nights of histories) {
      const name = `attune_bench_export_${nights}`;
      await pg.createDatabase(name);
      const url = pg.urlFor(name);
      await migrate(url);
      const t0 = performance.now();
      await run(["--conditions=react-server", "prisma/seed.ts"], {
        DATABASE_URL: url,
        ATTUNE_DEMO_HISTORY_NIGHTS: String(nights),
      });
      const seedS = Math.round((performance.now() - t0) / 100) / 10;
      console.log(`seeded ${nights} nights of demo history in ${seedS} s`);
      for (const e of exports) {
        const out = await run(["--conditions=react-server", "--expose-gc", "scripts/bench/export.ts", "--child"], {
          DATABASE_URL: url,
          BENCH_EXPORT: e,
        });
        const line = out.split("\n").find((l) => l.startsWith("BENCH "));
        if (!line) throw new Error(`no measurement from the child:\n${out}`);
        const m = JSON.parse(line.slice(6)) as TMeasure;
        results.push({ ...m, nights, seedS });
        console.log(
          `  ${nights} nights, ${m.format}: ${m.ms} ms, ${(m.bytes / 1024).toFixed(0)} KiB, ${m.lines} lines, ` +
            `RSS ${m.rssBeforeMb} → peak ${m.peakRssMb} MB (max ${m.maxRssMb}), ` +
            `heap ${m.heapBeforeMb} → peak ${m.peakHeapMb} → ${m.heapAfterGcMb} MB after GC, live peak ${m.peakLiveHeapMb} MB`,
        );
      }
    }
  } finally {
    await pg.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log("\nexport, by history (peak RSS should not grow with history):");
  console.log("nights  export        time     size        rows≈    RSS before  peak RSS  growth     live heap peak");
  for (const r of results)
    console.log(
      `${String(r.nights).padEnd(7)} ${r.format.padEnd(13)} ${`${r.ms} ms`.padEnd(8)} ${`${(r.bytes / 1024 / 1024).toFixed(2)} MB`.padEnd(11)} ${String(r.lines).padEnd(8)} ${`${r.rssBeforeMb} MB`.padEnd(11)} ${`${r.peakRssMb} MB`.padEnd(9)} ${`+${Math.round((r.peakRssMb - r.rssBeforeMb) * 10) / 10} MB`.padEnd(10)} ${r.peakLiveHeapMb} MB`,
    );
}

if (process.argv.includes("--child")) await child();
else await main();
