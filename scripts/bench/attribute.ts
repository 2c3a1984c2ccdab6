// Which modules make up a route's first-load JavaScript (#11's "JS" budget).
// Needs a build with browser source maps in its own dist dir:
//   ATTUNE_SOURCE_MAPS=1 ATTUNE_TYPECHECKED=1 NEXT_DIST_DIR=.next-sm npx next build && git checkout tsconfig.json
//   npm run bench:attribute -- [--dist .next-sm] [--page "/(app)/tonight/page"] [--top 40] [--all]
// The chunks are the page's entry chunks (the client reference manifest's
// entryJSFiles) and the framework's (build-manifest rootMainFiles); chunks a
// lazy component loads when it renders are not among them. Each chunk's
// generated code is split by its source map into the modules it came from;
// each module's gzip share is its own text gzipped alone, scaled so the
// chunk's modules add up to the chunk's real gzip size (an estimate: gzip
// finds repeats across modules too). Without --all, React, React DOM and
// Next's own modules (React comes compiled inside next) are summed into one line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
// source-map-js: synchronous (source-map 0.7+ needs its wasm).
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";

const require = createRequire(import.meta.url);

const { values } = parseArgs({
  options: {
    dist: { type: "string", default: ".next-sm" },
    page: { type: "string", default: "/(app)/tonight/page" },
    top: { type: "string", default: "40" },
    all: { type: "boolean", default: false },
  },
});
const root = path.resolve(import.meta.dirname, "../..");
const dist = path.resolve(root, values.dist);

/** The page's entry chunks, from its client reference manifest. */
function pageChunks(page: string): string[] {
  const file = path.join(dist, "server/app", `${page}_client-reference-manifest.js`);
  const g = globalThis as unknown as { self?: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: object }> };
  g.self = globalThis;
  require(file);
  const manifest = g.__RSC_MANIFEST?.[page];
  if (!manifest) throw new Error(`no client reference manifest for ${page} in ${file}`);
  // The page, its layouts and error boundaries load with it; a not-found page does not.
  const files = Object.entries(manifest.entryJSFiles as Record<string, string[]>)
    .filter(([entry]) => !entry.endsWith("/not-found"))
    .flatMap(([, chunks]) => chunks);
  return [...new Set(files)];
}

const rootMain = (
  JSON.parse(readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] }
).rootMainFiles;
const app = pageChunks(values.page).filter((f) => !rootMain.includes(f));

type TRow = { raw: number; gz: number; chunks: Set<string> };
const modules = new Map<string, TRow>();
const chunkSizes: { file: string; gz: number; framework: boolean }[] = [];

/** A readable name for a source: the project path, or the package's. */
function nameOf(source: string): string {
  const s = source.replace(/^turbopack:\/\/\/\[project\]\//, "").replace(/^.*?\/?(node_modules\/)/, "$1");
  if (values.all) return s;
  if (/node_modules\/next\/|\[turbopack\]|@swc\/helpers/.test(s))
    return "(next with its react and react-dom, turbopack)";
  return s;
}

for (const file of [...rootMain, ...app]) {
  const full = readFileSync(path.join(dist, file), "utf8");
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(full)?.[1];
  const code = full.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "");
  const gz = gzipSync(code, { level: 9 }).length;
  chunkSizes.push({ file, gz, framework: rootMain.includes(file) });
  if (!mapName) throw new Error(`${file} has no source map: build with ATTUNE_SOURCE_MAPS=1`);
  const map = JSON.parse(readFileSync(path.join(dist, path.dirname(file), mapName), "utf8")) as RawSourceMap;
  const lineStart: number[] = [];
  let offset = 0;
  for (const line of code.split("\n")) {
    lineStart.push(offset);
    offset += line.length + 1;
  }
  const segments: { at: number; source: string }[] = [];
  new SourceMapConsumer(map).eachMapping((m) =>
    segments.push({ at: lineStart[m.generatedLine - 1]! + m.generatedColumn, source: m.source ?? "(unmapped)" }),
  );
  segments.sort((a, b) => a.at - b.at);
  const parts = new Map<string, string[]>();
  const add = (source: string, from: number, to: number) => {
    if (to > from) parts.set(source, [...(parts.get(source) ?? []), code.slice(from, to)]);
  };
  add("(unmapped)", 0, segments[0]?.at ?? code.length);
  segments.forEach((s, i) => add(nameOf(s.source), s.at, segments[i + 1]?.at ?? code.length));
  const alone = [...parts].map(([name, texts]) => {
    const text = texts.join("");
    return { name, raw: text.length, gz: gzipSync(text, { level: 9 }).length };
  });
  const sum = alone.reduce((s, m) => s + m.gz, 0);
  for (const m of alone) {
    const row = modules.get(m.name) ?? { raw: 0, gz: 0, chunks: new Set<string>() };
    row.raw += m.raw;
    row.gz += (m.gz * gz) / sum;
    row.chunks.add(path.basename(file));
    modules.set(m.name, row);
  }
}

const kib = (n: number) => (n / 1024).toFixed(2).padStart(6);
const total = chunkSizes.reduce((s, c) => s + c.gz, 0);
console.log(`${values.page}: ${kib(total)} KiB gzip (level 9) in ${chunkSizes.length} entry chunks`);
for (const c of chunkSizes)
  console.log(`  ${kib(c.gz)} KiB  ${path.basename(c.file)}${c.framework ? "  (framework)" : ""}`);
console.log(`\nmodules, biggest first (gzip share, raw bytes, chunk):`);
for (const [name, row] of [...modules].sort((a, b) => b[1].gz - a[1].gz).slice(0, Number(values.top)))
  console.log(`  ${kib(row.gz)} KiB ${String(row.raw).padStart(8)}  ${name}  [${[...row.chunks].join(", ")}]`);
const packages = new Map<string, number>();
for (const [name, row] of modules) {
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(name)?.[1] ?? (name.startsWith("(") ? name : "(app)");
  packages.set(pkg, (packages.get(pkg) ?? 0) + row.gz);
}
console.log(`\nby package:`);
for (const [pkg, gz] of [...packages].sort((a, b) => b[1] - a[1])) console.log(`  ${kib(gz)} KiB  ${pkg}`);
