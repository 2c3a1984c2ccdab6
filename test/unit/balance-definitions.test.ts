// The definitions are written once (lib/balance/definitions.ts, words in the
// catalogue) and repeated word for word in docs/balance-metrics.md (British
// English): this fails when they drift.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { METRIC_DEFINITIONS, WARNING_DEFINITIONS } from "@/lib/balance/definitions";
import { english } from "@/lib/i18n/english";

const flat = (s: string) => s.replace(/\s+/g, " ");

describe("balance definitions", () => {
  it("every definition in the code appears, word for word, in docs/balance-metrics.md", async () => {
    const doc = flat(await readFile(path.resolve(import.meta.dirname, "../../docs/balance-metrics.md"), "utf8"));
    for (const ref of [...Object.values(METRIC_DEFINITIONS), ...Object.values(WARNING_DEFINITIONS)]) {
      const d = { name: english(ref.name), definition: english(ref.definition) };
      expect(doc, `missing from the doc: ${d.name}`).toContain(`### ${d.name}`);
      expect(doc, `the doc's words for "${d.name}" differ from lib/balance/definitions.ts`).toContain(
        flat(d.definition),
      );
    }
  });
});
