// Makes forgetting impossible: every exported server action and every route
// handler in app/ must have a describeAction / describeRoute block in
// test/authz, where it is shown to refuse signed-out visitors and members of
// other households. Adding an endpoint without such a test fails here.
import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

/** Endpoints that are not ours to guard, with the reason. */
const NOT_OURS: Record<string, string> = {
  "GET /api/auth/[...nextauth]":
    "Auth.js's own endpoints (session, csrf); sign-in itself goes through authorizeCredentials, tested in account-actions",
  "POST /api/auth/[...nextauth]":
    "Auth.js's own endpoints; credentials are checked by authorizeCredentials (throttled, tested)",
};

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (/\.(ts|tsx)$/.test(e.name)) out.push(p);
  }
  return out;
}

async function serverActions(): Promise<string[]> {
  const names: string[] = [];
  for (const file of [...(await walk(path.join(root, "app"))), ...(await walk(path.join(root, "lib")))]) {
    const src = await readFile(file, "utf8");
    if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(src)) continue;
    for (const m of src.matchAll(/export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)\s*=/g))
      names.push(m[1] ?? m[2]!);
  }
  return names;
}

async function routeHandlers(): Promise<string[]> {
  const out: string[] = [];
  for (const file of await walk(path.join(root, "app"))) {
    if (!/\/route\.tsx?$/.test(file)) continue;
    const src = await readFile(file, "utf8");
    const route =
      "/" +
      path
        .relative(path.join(root, "app"), path.dirname(file))
        .split(path.sep)
        .filter((s) => !/^\(.*\)$/.test(s))
        .join("/");
    const methods = new Set<string>();
    for (const m of src.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g))
      methods.add(m[1]!);
    for (const m of src.matchAll(/export\s+const\s+\{([^}]+)\}/g)) {
      for (const name of m[1]!.split(",").map((s) => s.trim()))
        if (/^(GET|POST|PUT|PATCH|DELETE)$/.test(name)) methods.add(name);
    }
    for (const method of methods) out.push(`${method} ${route}`);
  }
  return out;
}

async function testedNames(): Promise<{ actions: Set<string>; routes: Set<string> }> {
  const actions = new Set<string>();
  const routes = new Set<string>();
  for (const file of await walk(path.join(root, "test/authz"))) {
    const src = await readFile(file, "utf8");
    for (const m of src.matchAll(/describeAction\(\s*"(\w+)"/g)) actions.add(m[1]!);
    for (const m of src.matchAll(/describeRoute\(\s*"([A-Z]+ [^"]+)"/g)) routes.add(m[1]!);
    // Table-driven cases: { name: "xAction", … } inside a describeAction loop.
    if (src.includes("describeAction(tc.name") || src.includes("describeActionCases("))
      for (const m of src.matchAll(/name:\s*"(\w+Action)"/g)) actions.add(m[1]!);
  }
  return { actions, routes };
}

describe("authorization coverage", () => {
  it("finds the endpoints (the scanner itself works)", async () => {
    expect(await serverActions()).toEqual(expect.arrayContaining(["removeMemberAction", "signInAction"]));
    expect(await routeHandlers()).toEqual(expect.arrayContaining(["GET /api/live", "GET /api/health"]));
  });

  it("every exported server action has an authorization test", async () => {
    const { actions } = await testedNames();
    const missing = (await serverActions()).filter((a) => !actions.has(a));
    expect(missing, `server actions without a describeAction(...) test in test/authz: ${missing.join(", ")}`).toEqual(
      [],
    );
  });

  it("every route handler has an authorization test", async () => {
    const { routes } = await testedNames();
    const missing = (await routeHandlers()).filter((r) => !routes.has(r) && !(r in NOT_OURS));
    expect(missing, `route handlers without a describeRoute(...) test in test/authz: ${missing.join(", ")}`).toEqual(
      [],
    );
  });

  it("a block that never shows a refusal with every table unchanged fails (checked in a child Vitest)", async () => {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        path.join(root, "node_modules/.bin/vitest"),
        ["run", "--reporter=dot"],
        { cwd: root, env: { ...process.env, ATTUNE_FIXTURE: "test/fixtures/refusal-missing.fixture.ts" } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(output).toContain("action pretendAction: no test in this block compared every table");
    expect(code).not.toBe(0);
  }, 120_000);
});
