// `npm run bench:profile -- /tonight [more paths]`: where a signed-in page's
// server time goes. Starts the production build (three years of demo history)
// under `node --cpu-prof`, loads each path for 10 s with autocannon, stops the
// server so V8 writes its profile, and prints the self time by package (Next,
// React's server renderer, Prisma, the pg driver, our own code…) and the top
// functions. Needs a build (`npx next build`).
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { signIn } from "./auth.ts";
import { startServer } from "./server.ts";

type TNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number };
type TProfile = { nodes: TNode[]; startTime: number; endTime: number };

const root = path.resolve(import.meta.dirname, "../..");
const paths = process.argv.slice(2).filter((a) => a.startsWith("/"));
if (!paths.length) paths.push("/tonight");

function area(url: string): string {
  if (!url) return "(native / GC / idle)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) {
    const pkg = m[1]!;
    if (pkg === "next") {
      if (url.includes("react-dom")) return "react-dom (server render)";
      if (url.includes("react-server-dom")) return "react-server-dom (RSC)";
      return "next";
    }
    return pkg;
  }
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/.next/")) return url.includes("chunks/ssr") ? "app (.next server chunks)" : "app (.next)";
  return "other";
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "attune-prof-"));
  // BENCH_NODE_FLAGS adds flags of your own (e.g. --max-old-space-size=256, to see its effect on RSS).
  process.env.ATTUNE_NODE_FLAGS = `--cpu-prof --cpu-prof-dir=${dir} ${process.env.BENCH_NODE_FLAGS ?? ""}`;
  const server = await startServer({
    root,
    label: "profile",
    logQueries: false,
    logFile: path.join(dir, "server.log"),
  });
  delete process.env.ATTUNE_NODE_FLAGS;
  try {
    const cookie = await signIn(server.base, "sam@example.com", "night-owls-unite", "198.18.9.9");
    for (const p of paths) {
      await autocannon({ url: `${server.base}${p}`, connections: 10, duration: 2, headers: { cookie } });
      const r = await autocannon({ url: `${server.base}${p}`, connections: 10, duration: 10, headers: { cookie } });
      const rss = server
        .rss()
        .map((x) => `${x.name} ${x.mb.toFixed(0)} MB`)
        .join(", ");
      console.log(
        `${p}: ${r.requests.average.toFixed(1)} req/s, p50 ${r.latency.p50} ms, non-2xx ${r.non2xx}; RSS ${rss}`,
      );
    }
  } finally {
    await server.stop();
  }
  // Each node process writes one profile; the Next server's is the biggest.
  const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile"));
  const profiles = await Promise.all(
    files.map(async (f) => JSON.parse(await readFile(path.join(dir, f), "utf8")) as TProfile),
  );
  const prof = profiles.sort((a, b) => b.nodes.length - a.nodes.length)[0];
  if (!prof) throw new Error(`no profile written in ${dir}`);
  const total = prof.nodes.reduce((s, n) => s + n.hitCount, 0);
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of prof.nodes) {
    const a = n.callFrame.functionName === "(idle)" ? "(idle)" : area(n.callFrame.url);
    byArea.set(a, (byArea.get(a) ?? 0) + n.hitCount);
    const key = `${n.callFrame.functionName || "(anonymous)"} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber}`;
    byFn.set(key, (byFn.get(key) ?? 0) + n.hitCount);
  }
  const pct = (v: number) => `${((100 * v) / total).toFixed(1)} %`;
  console.log(`\nself time by area (${total} samples, profile in ${dir}):`);
  for (const [a, v] of [...byArea].sort((x, y) => y[1] - x[1]).slice(0, 14))
    console.log(`  ${pct(v).padStart(7)}  ${a}`);
  console.log("\ntop functions (self):");
  for (const [f, v] of [...byFn].sort((x, y) => y[1] - x[1]).slice(0, 25)) console.log(`  ${pct(v).padStart(7)}  ${f}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
