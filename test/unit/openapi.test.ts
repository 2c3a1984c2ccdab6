// The API's OpenAPI document is valid OpenAPI 3.1, and documents only what
// exists: every operation has a route handler file exporting that method, and
// every /api/v1 route handler is documented (the document itself excepted).
import { access, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS, openApiDocument } from "@/lib/api/openapi";

const root = path.resolve(import.meta.dirname, "../..");
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** `/api/v1/nights/{date}/log` → app/api/v1/nights/[date]/log/route.ts */
const routeFile = (p: string) => path.join(root, "app", p.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");

async function routeFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await routeFiles(p)));
    else if (e.name === "route.ts") out.push(p);
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it("the validator can fail (a document without info is refused)", async () => {
    const { info: _info, ...broken } = openApiDocument();
    const result = await validate(structuredClone(broken) as Parameters<typeof validate>[0]);
    expect(result.valid).toBe(false);
  });

  it("documents every operation, each with a scope, auth and the error shape", () => {
    const doc = openApiDocument();
    const ops = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ p, m, op: item[m]! })),
    );
    expect(ops.length).toBe(API_OPERATIONS.length);
    for (const { op } of ops) {
      expect(op.security).toEqual([{ personalToken: [] }]);
      expect(op.responses?.["401"]).toBeDefined();
      expect(op.responses?.["429"]).toBeDefined();
      expect(op.description).toMatch(/Needs the `(read|log:night)` scope/);
    }
  });

  it("every documented operation has its route handler, exporting that method", async () => {
    for (const op of API_OPERATIONS) {
      const file = routeFile(op.path);
      await expect(access(file), `${op.path}: ${file}`).resolves.toBeUndefined();
      const src = await readFile(file, "utf8");
      expect(src, `${op.method.toUpperCase()} ${op.path}`).toMatch(
        new RegExp(`export (const|(async )?function) ${op.method.toUpperCase()}\\b`),
      );
    }
  });

  it("every /api/v1 route handler is documented", async () => {
    const documented = new Set(API_OPERATIONS.map((op) => routeFile(op.path)));
    const files = await routeFiles(path.join(root, "app/api/v1"));
    const missing = files.filter((f) => !documented.has(f) && !f.includes("openapi.json"));
    expect(missing).toEqual([]);
  });
});
