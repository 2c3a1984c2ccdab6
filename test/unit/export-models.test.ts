// No table is missed by "Download our data" without someone deciding so: every
// Prisma model is either carried by the export (a section or its head) or
// listed in NOT_EXPORTED with the reason. A new model fails here until it is
// placed in one or the other (lib/export/sections.ts, docs/export-format.md).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { HEAD_MODELS, NOT_EXPORTED, SECTIONS } from "@/lib/export/sections";

const exported = new Set([...HEAD_MODELS, ...SECTIONS.flatMap((s) => s.models)]);
const left = Object.keys(NOT_EXPORTED);

describe("export coverage of the data model", () => {
  it("finds the models (the generated client's list is the schema's)", async () => {
    const schema = await readFile(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
    const inSchema = [...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]).sort();
    expect(Object.values(Prisma.ModelName).sort()).toEqual(inSchema);
    expect(inSchema.length).toBeGreaterThanOrEqual(27);
  });

  it("every model is exported or listed as not exported, with a reason", () => {
    const undecided = Object.values(Prisma.ModelName).filter((m) => !exported.has(m) && !(m in NOT_EXPORTED));
    expect(undecided, `models neither exported nor in NOT_EXPORTED: ${undecided.join(", ")}`).toEqual([]);
    for (const [model, why] of Object.entries(NOT_EXPORTED)) expect(why, model).toMatch(/\w{3,}.{20,}/);
  });

  it("no model is both exported and left out, and every name is a real model", () => {
    expect(left.filter((m) => exported.has(m as Prisma.ModelName))).toEqual([]);
    const names = new Set<string>(Object.values(Prisma.ModelName));
    expect([...exported, ...left].filter((m) => !names.has(m))).toEqual([]);
  });

  it("every section has its own key, and the docs describe each key and each left-out model", async () => {
    const keys = SECTIONS.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    const doc = await readFile(path.resolve(import.meta.dirname, "../../docs/export-format.md"), "utf8");
    for (const key of [...keys, "schemaVersion", "exportedAt", "household", "settings"])
      expect(doc, `docs/export-format.md mentions \`${key}\``).toContain(`\`${key}\``);
    for (const model of left) expect(doc, `docs/export-format.md mentions ${model}`).toContain(`\`${model}\``);
  });
});
