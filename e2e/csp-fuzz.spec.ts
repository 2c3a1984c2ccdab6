// The bounded fuzz run (test/fuzz/run.ts): every server action in the build's
// manifest and every route handler, FUZZ_CASES inputs each (default 25 as the
// member and 25 as an outsider, plus malformed bodies), against this
// production server. It lives in the e2e run because it needs what the e2e
// run has: a fresh `next build` and `next start` on embedded Postgres (Vitest
// runs before the build). `npm run fuzz` is the long run.
import path from "node:path";
import type { BrowserContext } from "@playwright/test";
import { fuzz, type TActor } from "../test/fuzz/run";
import { expect, test } from "./csp-guard";
import { newParentWithHousehold, serverDb } from "./helpers";

// The bounded run in every `npm test` (25 per actor: about 3,900 cases, a minute);
// `npm run fuzz` sets FUZZ_CASES for the long one.
const CASES = Number(process.env.FUZZ_CASES ?? 25);
test.setTimeout(Number(process.env.FUZZ_TIMEOUT_MS ?? 600_000));

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

test(`every action and route handler: no 5xx, no write on refusal, nothing across households (${CASES} cases per actor)`, async ({
  browser,
  baseURL,
}) => {
  const [a, b] = [await browser.newContext(), await browser.newContext()];
  const db = await serverDb();
  try {
    const emails = [
      await newParentWithHousehold(await a.newPage(), "Fuzz", `Fuzzed ${Date.now()}`),
      await newParentWithHousehold(await b.newPage(), "Mallory", `Outside ${Date.now()}`),
    ];
    const householdOf = async (email: string) =>
      (
        await db.query<{ id: string }>(
          "SELECT c.household_id AS id FROM caregivers c JOIN users u ON u.id = c.user_id WHERE u.email = $1",
          [email],
        )
      ).rows[0]!.id;
    const member: TActor = { label: "member", cookie: await cookieOf(a), householdId: await householdOf(emails[0]!) };
    const outsider: TActor = {
      label: "outsider",
      cookie: await cookieOf(b),
      householdId: await householdOf(emails[1]!),
    };
    const started = Date.now();
    const result = await fuzz({
      root: path.resolve(import.meta.dirname, ".."),
      baseURL: baseURL!,
      db,
      member,
      outsider,
      cases: CASES,
      seed: Number(process.env.FUZZ_SEED ?? 12),
      heavy: process.env.FUZZ_HEAVY === "1",
      log: process.env.FUZZ_VERBOSE ? (l) => console.log(l) : undefined,
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `fuzz: ${result.cases} cases over ${result.endpoints} endpoints in ${seconds} s; ` +
        `${JSON.stringify(result.byOutcome)}; ${result.findings.length} findings; ${result.retried} sent again after a closed connection`,
    );
    // Malformed bodies included: Next's decoding 500s are answered 400 by lib/http/undecodable-action.ts.
    expect(result.endpoints).toBeGreaterThan(50);
    expect(result.byOutcome["server-error"] ?? 0).toBe(0);
    expect(result.findings, result.findings.map((f) => JSON.stringify(f)).join("\n")).toEqual([]);
  } finally {
    await db.end();
    await Promise.all([a.close(), b.close()]);
  }
});
