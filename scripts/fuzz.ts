// `npm run fuzz [-- --cases N --seed S]`: the long fuzz run. Every server action
// in the build's manifest and every route handler, N inputs (default 500) as
// the member and as an outsider, 1 MB bodies included, against a production
// server on a fresh embedded Postgres (test/fuzz/run.ts). Builds first when
// there is no build. The bounded run (25 per actor) is e2e/csp-fuzz.spec.ts.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
};
const bin = (name: string) => path.join(root, "node_modules/.bin", name);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  FUZZ_CASES: arg("cases", "500"),
  FUZZ_SEED: arg("seed", String(Date.now() % 100_000)),
  FUZZ_HEAVY: "1",
  FUZZ_VERBOSE: "1",
  FUZZ_TIMEOUT_MS: String(4 * 60 * 60 * 1000),
  E2E_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/fuzz",
};
console.log(`fuzz: ${env.FUZZ_CASES} cases per action and actor, seed ${env.FUZZ_SEED}`);
if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
  const build = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const run = spawnSync(
  bin("playwright"),
  ["test", "e2e/csp-fuzz.spec.ts", "--project=fuzz", "--no-deps", "--reporter=list"],
  {
    cwd: root,
    stdio: "inherit",
    env,
  },
);
process.exit(run.status ?? 1);
