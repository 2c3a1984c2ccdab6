// Which catalogue messages each part of the app's browser code can show
// (#14: only those reach the browser). Walks the imports from each route
// segment's files; in code that runs in the browser ("use client" files and
// all they import) it collects useTranslations("prefix"), and, where lib's
// words are shown (useText, or a translator without a namespace), every
// msg("key") lib writes that the segment's code reaches. Writes
// lib/i18n/client-keys.json, which the providers pick by (lib/i18n/messages.ts).
// Usage: npm run i18n (with the pseudo-locale), or tsx scripts/i18n/client-keys.ts [--check]
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SERVER_NAMESPACES } from "../../lib/i18n/messages";

const root = path.resolve(import.meta.dirname, "../..");
const out = path.join(root, "lib/i18n/client-keys.json");

/** Segments: the files each one's provider serves. "base" is the root layout's, on every page. */
export const SEGMENTS: Record<string, string[]> = {
  base: [
    "app/layout.tsx",
    "app/page.tsx",
    "app/not-found.tsx",
    "app/~offline",
    "app/(app)/layout.tsx",
    "app/(app)/error.tsx",
  ],
  tonight: ["app/(app)/tonight"],
  nights: ["app/(app)/nights"],
  connect: ["app/(app)/connect"],
  notes: ["app/(app)/notes"],
  balance: ["app/(app)/balance"],
  household: ["app/(app)/household"],
  settings: ["app/(app)/settings"],
  auth: ["app/(auth)"],
  onboarding: ["app/onboarding"],
  invite: ["app/invite"],
  confirmEmail: ["app/confirm-email"],
  about: ["app/about"],
  developers: ["app/developers"],
};

/**
 * References lib/ stores in the database (rota reasons, night history) or reads
 * return as a name (a deleted account's, lib/household/caregiver-name.ts): shown
 * wherever lib's words are.
 */
const STORED = ["nights.rota", "nights.events", "nights.notes", "connect.notes", "household.formerCaregiver"];

function filesUnder(p: string): string[] {
  const abs = path.join(root, p);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs)
    .flatMap((n) => filesUnder(path.join(p, n)))
    .filter((f) => /\.(ts|tsx)$/.test(f));
}

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = path.join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = path.resolve(path.dirname(from), spec);
  else return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

const sources = new Map<string, string>();
const read = (f: string) => sources.get(f) ?? (sources.set(f, readFileSync(f, "utf8")), sources.get(f)!);
const importsOf = (f: string) =>
  [...read(f).matchAll(/(?:from|import)\s*\(?\s*"([^"]+)"/g)].flatMap((m) => resolveImport(f, m[1]!) ?? []);
const isClientFile = (f: string) => /^\s*(\/\/[^\n]*\n\s*)*["']use client["']/.test(read(f));

function keysOf(entries: string[]): string[] {
  const seen = new Set<string>();
  const prefixes = new Set<string>();
  const libKeys = new Set<string>();
  let showsLibWords = false;
  const walk = (file: string, client: boolean) => {
    const key = `${file}|${client}`;
    if (seen.has(key)) return;
    seen.add(key);
    const src = read(file);
    const inBrowser = client || isClientFile(file);
    for (const m of src.matchAll(/\bmsg\(\s*["`]([\w.]+)/g)) libKeys.add(m[1]!.replace(/\.$/, ""));
    if (inBrowser) {
      for (const m of src.matchAll(/useTranslations\(\s*"([\w.]+)"\s*\)/g)) prefixes.add(m[1]!);
      if (/useTranslations\(\s*\)|useText\(\s*\)/.test(src)) showsLibWords = true;
    }
    for (const dep of importsOf(file)) walk(dep, inBrowser);
  };
  for (const f of entries) walk(f, false);
  // Refusals and field messages are put into words on the server (runDomain), never in the browser.
  const onServer = (k: string) => /(^|\.)(errors|what)(\.|$)/.test(k) || SERVER_NAMESPACES.includes(k.split(".")[0]!);
  if (showsLibWords) for (const k of [...libKeys, ...STORED]) if (!onServer(k)) prefixes.add(k);
  // A prefix inside another is already covered.
  return [...prefixes].filter((p) => ![...prefixes].some((q) => q !== p && p.startsWith(`${q}.`))).sort();
}

/** The keys each segment's browser code can show, as lib/i18n/client-keys.json holds them. */
export function clientKeysJson(): string {
  const result = Object.fromEntries(
    Object.entries(SEGMENTS).map(([name, dirs]) => [name, keysOf(dirs.flatMap(filesUnder))]),
  );
  return `${JSON.stringify(result, null, 2)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const text = clientKeysJson();
  const current = existsSync(out) ? readFileSync(out, "utf8") : "";
  if (current === text) console.log("client keys are up to date");
  else if (process.argv.includes("--check")) {
    console.error("lib/i18n/client-keys.json is out of date: run npm run i18n");
    process.exit(1);
  } else {
    writeFileSync(out, text);
    console.log("lib/i18n/client-keys.json written");
  }
}
