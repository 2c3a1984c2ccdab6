// The markers the client-bundle check (e2e/client-bundle.spec.ts, which runs
// after the build) looks for must really be found when the code is there:
// these checks run against the libraries themselves, so a renamed marker
// fails here.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

describe("the markers match the libraries they stand for", () => {
  const nm = path.resolve(import.meta.dirname, "../../node_modules");
  it.each([
    ["zod/v4/core/errors.js", "$ZodError"],
    ["server-only/index.js", "cannot be imported from a Client Component module"],
    ["pg/lib/crypto/sasl.js", "SCRAM-SHA-256"],
  ])("%s contains %s", (file, marker) => {
    expect(readFileSync(path.join(nm, file), "utf8")).toContain(marker);
  });

  it("lib/format.ts's server-only date forms", () => {
    const src = readFileSync(path.resolve(import.meta.dirname, "../../lib/format.ts"), "utf8");
    const server = src.slice(src.indexOf("export function createServerFormat"));
    for (const marker of ["longDayTime|", "shortDate|"]) expect(server).toContain(marker);
  });
});
