import { afterEach, beforeEach, describe, expect, it } from "vitest";

// test/authz/coverage.test.ts reads these names from the test files: every
// exported server action and route handler must appear in one of them. And
// each block must *show* a refusal: at least one of its tests has to take a
// dump of every table, be refused, and find the dump unchanged afterwards
// (dumpTables() reports each dump here). Each block ends with a test that
// checks this, so a block with the right name and no real refusal fails.

type TBlock = { unchanged: number };
type TTestDumps = { dumps: string[] };

let currentTest: TTestDumps | null = null;

/** Called by dumpTables(): the tables as this test saw them, in order. */
export function recordDump(dump: unknown): void {
  currentTest?.dumps.push(JSON.stringify(dump));
}

type TEndpointOptions = {
  /** Public by design (no session, no household): say why; no refusal is required. */
  public?: string;
};

function describeEndpoint(title: string, body: () => void, opts: TEndpointOptions = {}) {
  describe(title, () => {
    const block: TBlock = { unchanged: 0 };
    beforeEach(() => {
      currentTest = { dumps: [] };
    });
    afterEach(() => {
      const test = currentTest;
      currentTest = null;
      // An unchanged database: a later dump equal to an earlier one in the same (passing) test.
      if (test && test.dumps.some((d, i) => test.dumps.indexOf(d) < i)) block.unchanged++;
    });
    body();
    // Runs last (tests in a block run in order), once the others have shown what they show.
    if (!opts.public)
      it("showed a refusal with every table unchanged", () => {
        expect(
          block.unchanged,
          `${title}: no test in this block compared every table before and after a refused call. ` +
            "Use expectEndpointRefused / expectRefusedUnchanged (test/helpers/refused.ts) or two dumpTables().",
        ).toBeGreaterThan(0);
      });
  });
}

export function describeAction(name: string, body: () => void, opts?: TEndpointOptions) {
  describeEndpoint(`action ${name}`, body, opts);
}

export function describeRoute(methodAndPath: string, body: () => void, opts?: TEndpointOptions) {
  describeEndpoint(`route ${methodAndPath}`, body, opts);
}
