// Sums Vitest's and Playwright's JSON reports into the one line CI reads:
// "N passed, N failed, N skipped". A step that failed without reporting tests
// (type check, build) counts as a failure; a run with no tests is a failure.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const [dir = ".test-results", ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

const vitestFile = path.join(dir, "vitest.json");
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, "utf8"));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  // A file that fails to load has no tests but must not pass silently.
  failed += (v.testResults ?? []).filter(
    (f: { status: string; assertionResults: unknown[] }) => f.status === "failed" && !f.assertionResults?.length,
  ).length;
}

const pwFile = path.join(dir, "playwright.json");
if (existsSync(pwFile)) {
  const s = JSON.parse(readFileSync(pwFile, "utf8")).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
}

const stepFailures = failedSteps.filter((s) => s !== "vitest" && s !== "playwright");
failed += stepFailures.length;
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(", ")}`);
if (passed + failed === 0) {
  console.log("no tests ran");
  failed = 1;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
