// The shape of the code, checked: data flows app → lib, components never reach
// into routes, only lib/ talks to the database, and every household server
// action goes through the request context (lib/context.ts via serverAction).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

// lib/action.ts reaches Auth.js through the session module; it is not under test here.
vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

const root = path.resolve(import.meta.dirname, "../..");

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== "generated" && e.name !== "node_modules") out.push(...(await walk(p)));
    } else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every module specifier a file imports, with whether the import is type-only. */
async function importsOf(file: string): Promise<{ from: string; typeOnly: boolean }[]> {
  const src = await readFile(path.join(root, file), "utf8");
  const out: { from: string; typeOnly: boolean }[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^"';]*?from\s+["']([^"']+)["']/gm))
    out.push({ from: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of src.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) out.push({ from: m[1]!, typeOnly: false });
  for (const m of src.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) out.push({ from: m[1]!, typeOnly: false });
  return out;
}

/** Resolves "@/x" and relative specifiers to a path from the project root ("" for packages). */
function target(file: string, spec: string): string {
  if (spec.startsWith("@/")) return spec.slice(2);
  if (spec.startsWith(".")) return path.relative(root, path.resolve(root, path.dirname(file), spec));
  return "";
}

/** The public endpoints that open or close a session, recover a forgotten password, or set a palette: no household, by design. */
const PUBLIC_ACTIONS = new Set([
  "signInAction",
  "signUpAction",
  "signOutAction",
  "setThemeAction",
  "forgotPasswordAction",
  "resetPasswordAction",
]);

describe("layers", () => {
  it("nothing in components/ imports from app/", async () => {
    const bad: string[] = [];
    for (const file of await walk("components"))
      for (const { from } of await importsOf(file))
        if (target(file, from).startsWith("app/")) bad.push(`${file} → ${from}`);
    expect(bad).toEqual([]);
  });

  it("nothing outside lib/ imports the database client or the generated Prisma client", async () => {
    const bad: string[] = [];
    for (const dir of ["app", "components"])
      for (const file of await walk(dir))
        for (const { from, typeOnly } of await importsOf(file)) {
          const t = target(file, from);
          if (t === "lib/db" || (t.startsWith("lib/generated/prisma") && !typeOnly)) bad.push(`${file} → ${from}`);
        }
    expect(bad).toEqual([]);
  });

  it("every household server action is built with serverAction over the request context", async () => {
    const found: string[] = [];
    const bad: string[] = [];
    for (const dir of ["app", "lib", "components"])
      for (const file of await walk(dir)) {
        const src = await readFile(path.join(root, file), "utf8");
        if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(src)) continue;
        for (const m of src.matchAll(/^export\s+(?:async\s+function\s+(\w+)|const\s+(\w+)\s*=\s*(\w+)\()/gm)) {
          const name = m[1] ?? m[2]!;
          found.push(name);
          if (PUBLIC_ACTIONS.has(name)) continue;
          if (m[3] !== "serverAction") bad.push(`${file}: ${name}`);
        }
        if (/^export\s+(?!const\s+\w+\s*=|async\s+function)/m.test(src))
          bad.push(`${file}: an export the scanner can't read`);
      }
    expect(found.length).toBeGreaterThan(40);
    expect(bad).toEqual([]);
  });

  it("every public action says first thing that it started (a later 500 is ours, not an undecodable body)", async () => {
    const unmarked: string[] = [];
    for (const file of ["lib/account/actions.ts", "lib/theme/actions.ts"]) {
      const src = await readFile(path.join(root, file), "utf8");
      for (const m of src.matchAll(/^export\s+async\s+function\s+(\w+)[^]*?\{\n(.*)$/gm))
        if (m[2]!.trim() !== "markActionStarted();") unmarked.push(`${file}: ${m[1]}`);
    }
    expect(unmarked).toEqual([]);
    const action = await readFile(path.join(root, "lib/action.ts"), "utf8");
    expect(action).toMatch(/return async \(_prev, input\) => \{\n\s+markActionStarted\(\);/);
  });

  it("serverAction only accepts operations built by lib/context.ts", async () => {
    const { serverAction } = await import("@/lib/action");
    const { householdAction } = await import("@/lib/context");
    const { z } = await import("zod");
    const handMade = (async () => "no check") as unknown as Parameters<typeof serverAction>[0];
    expect(() => serverAction(handMade)).toThrow(/lib\/context/);
    expect(() => serverAction(householdAction(z.object({}), {}, async () => "checked"))).not.toThrow();
  });
});
