// The post-sign-in destination against the WHATWG URL parser (what a browser
// does with a Location header): whatever goes in, what comes out stays here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/safe-next";

const ORIGINS = ["https://attune.example", "http://localhost:3000"];
const FALLBACK = "/fallback";

/** A browser resolving `path` on each of our origins stays on it. */
function staysHome(path: string) {
  for (const origin of ORIGINS)
    expect(new URL(path, origin).origin, `${JSON.stringify(path)} on ${origin}`).toBe(origin);
}

// Pieces that have fooled prefix checks: slashes both ways, dots, whitespace
// browsers strip, encoded forms, schemes, and Unicode that normalises.
const PIECES = [
  "/",
  "//",
  "\\",
  "/\\",
  ".",
  "..",
  "/./",
  "/.//",
  "\t",
  "\n",
  "\r",
  " ",
  "%2F",
  "%2f",
  "%5C",
  "%09",
  "%0A",
  "%2e",
  "@",
  ":",
  "?",
  "#",
  "evil.example",
  "javascript:",
  "http:",
  "https:",
  "data:",
  "\u3002",
  "\uFF0F",
  "\u2215",
  "\u00A0",
  "\u0000",
  "a",
  "tonight",
  "invite/abc",
];

describe("safeNextPath", () => {
  it("keeps our own paths and their query", () => {
    expect(safeNextPath("/household", FALLBACK)).toBe("/household");
    expect(safeNextPath("/invite/abc?x=1", FALLBACK)).toBe("/invite/abc?x=1");
    expect(safeNextPath("/nights/./2026-12-01", FALLBACK)).toBe("/nights/2026-12-01");
  });

  it("refuses what a browser would take to another site", () => {
    for (const bad of [
      "/\t/evil.example/pwned", // the tab the outside probe used
      "/./\\/evil.example/",
      "/.//evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\n/evil.example",
      "\t//evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
      "tonight",
    ])
      expect(safeNextPath(bad, FALLBACK), JSON.stringify(bad)).toBe(FALLBACK);
  });

  it("never gives a line break or another origin, whatever it is given (property)", () => {
    const piecewise = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => `/${p.join("")}`);
    fc.assert(
      fc.property(fc.oneof(piecewise, fc.string({ unit: "binary", maxLength: 60 }), fc.webUrl()), (input) => {
        const out = safeNextPath(input, FALLBACK);
        if (out === FALLBACK) return;
        expect(out.startsWith("/") && !out.startsWith("//")).toBe(true);
        expect(out).not.toMatch(/[\u0000-\u001f]/);
        expect(out.split("?")[0]).not.toContain("\\"); // a "\\" in the query is data, in the path a slash
        staysHome(out);
        // Idempotent: the normalised path is itself a safe path.
        expect(safeNextPath(out, FALLBACK)).toBe(out);
      }),
      { numRuns: 3000 },
    );
  });
});
