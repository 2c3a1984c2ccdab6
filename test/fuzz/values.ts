// What the fuzzer sends: for every field, random and adversarial values
// (fast-check arbitraries). Field names are not told to it per action: it
// learns them from the schemas in lib/ (every `key: Z…`/`key: z.` in a zod
// object), so a new field is fuzzed without anyone listing it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";

const ONE_MB = 1024 * 1024;

/** Values that broke (or could break) a naive schema or Postgres. */
export const ADVERSARIAL: unknown[] = [
  "",
  " ",
  "\u0000",
  "before\u0000after",
  "\uD83D",
  "half \uDC00 emoji",
  "99999999999",
  "2147483648",
  "-1",
  "1e308",
  "NaN",
  "Infinity",
  "-0",
  "0x10",
  2 ** 53,
  -(2 ** 31) - 1,
  1.5,
  Number.MAX_VALUE,
  true,
  false,
  null,
  [],
  ["a", "b"],
  [[["deep"]]],
  {},
  { $ne: 1 },
  { __proto__: { polluted: true } },
  "__proto__",
  "constructor",
  "2026-13-45",
  "2026-1-1",
  "0000-00-00",
  "9999-12-31",
  "24:00",
  "25:61",
  "-01:00",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "<script>alert(1)</script>",
  "'; DROP TABLE users;--",
  "%00%0a",
  "\u202e\u200b\ufeff",
  "line\r\nbreak",
  "/\t/evil.example",
  "//evil.example",
  "🌙".repeat(3000),
  "$K1",
  "$@0",
  "$undefined",
];

/** Rare and heavy: a 1 MB string (Next's body limit) and just under. */
export const HUGE: unknown[] = ["x".repeat(ONE_MB + 10), "n".repeat(ONE_MB - 2000)];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : walk(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every key of a zod object in lib/ (`name: ZName(…)`, `version: ZVersion`, `note: z.string()`…). */
export function fieldNames(root: string): string[] {
  const names = new Set(["householdId", "next", "email", "password", "name", "theme"]);
  for (const file of walk(path.join(root, "lib"))) {
    const src = readFileSync(file, "utf8");
    if (!/from "zod"/.test(src)) continue;
    for (const m of src.matchAll(/^\s+(\w+):\s*(?:Z[A-Z]\w*|z\.)/gm)) names.add(m[1]!);
  }
  return [...names].sort();
}

export type TPools = {
  /** The household the fields usually name (the member's own; for an outsider, the one attacked). */
  householdId: string;
  /** Ids of real rows in that household (shifts, notes, caregivers…), so a case can reach past "not found". */
  realIds: string[];
  fields: string[];
};

const plausible = (pools: TPools) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...(pools.realIds.length ? pools.realIds : [pools.householdId])), weight: 4 },
    { arbitrary: fc.uuid(), weight: 1 },
    {
      arbitrary: fc
        .date({ min: new Date("2020-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      weight: 2,
    },
    { arbitrary: fc.integer({ min: 0, max: 10 }).map(String), weight: 2 },
    {
      arbitrary: fc.constantFrom("on", "true", "parent", "helper", "day", "night", "auto", "coming", "cant"),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
    { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 1 },
  );

const hostile = (heavy: boolean) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...ADVERSARIAL), weight: 10 },
    { arbitrary: fc.constantFrom(...(heavy ? HUGE : ["x".repeat(5000)])), weight: 1 },
    { arbitrary: fc.integer(), weight: 2 },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.anything({ maxDepth: 2 }), weight: 2 },
  );

/** One input object: the household id (usually right), then any of the known fields, plausible or hostile. */
export function inputArbitrary(pools: TPools, opts: { heavy: boolean }): fc.Arbitrary<Record<string, unknown>> {
  const value = fc.oneof({ arbitrary: plausible(pools), weight: 3 }, { arbitrary: hostile(opts.heavy), weight: 2 });
  const householdId = fc.oneof(
    { arbitrary: fc.constant(pools.householdId), weight: 8 },
    { arbitrary: value, weight: 1 },
    { arbitrary: fc.constant(undefined), weight: 1 },
  );
  return fc
    .tuple(householdId, fc.dictionary(fc.constantFrom(...pools.fields), value, { maxKeys: 8 }))
    .map(([hid, rest]) => (hid === undefined ? rest : { ...rest, householdId: hid }));
}

/** How the arguments arrive: mostly (previous state, input) as a form posts; sometimes wrong. */
export function argsArbitrary(input: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown[]> {
  return fc.oneof(
    { arbitrary: input.map((i) => [undefined, i]), weight: 8 },
    { arbitrary: input.map((i) => [i]), weight: 2 },
    { arbitrary: fc.constant<unknown[]>([]), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...ADVERSARIAL), fc.constantFrom(...ADVERSARIAL)), weight: 1 },
  );
}
