// `npm run bench`: one run that builds Attune, starts the production server on
// a fresh embedded Postgres with the demo data, and prints #11's budgets in one
// table (budget, measured, pass/fail):
//   - SQL statements per signed-in page, with three years and one month of history,
//   - throughput of every signed-in page against /api/health, server pinned to one core,
//   - compressed JavaScript of a cold first load per route,
//   - Lighthouse 12 mobile performance per signed-in page (median of 3, every run shown),
//   - p50 with three years ÷ one month,
//   - the server's RSS after the whole run;
// and besides: sign-in timing (wrong password vs unknown email), the live
// channel's delivery latency with 50 households connected, the offline queue's
// replay and push fan-out. A summary is written to bench-results/latest.json.
//
//   npm run bench -- [--no-build] [--duration 10] [--connections 10] [--lighthouse-runs 3]
//   npm run bench -- --quick [--no-build]            (statements and JS bytes only)
//   npm run bench -- --lighthouse-only [--no-build]  (Lighthouse only)
//
// Two server starts per data size, on purpose: one with ATTUNE_LOG_QUERIES=1 to
// count SQL, one without it, so printing a line per statement does not slow the
// load test down. The two load servers (three years, one month) run side by side.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { csrf, postCredentials, refusalCode, signIn } from "./bench/auth.ts";
import { benchLive } from "./bench/live.ts";
import { benchPush } from "./bench/push.ts";
import { benchReplay } from "./bench/replay.ts";
import { BenchError } from "./bench/error.ts";
import { startServer, type TServer } from "./bench/server.ts";
import { jsBytesPerRoute, type TRouteBytes } from "./bench/bytes.ts";
import { lighthousePerRoute, type TLighthouse } from "./bench/lighthouse.ts";
import { addDays, localDateOf } from "../lib/time/local-date.ts";
import { instantAt } from "../lib/time/local-time.ts";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, "bench-results");

/** The nights calendar, month view, of the current month (the demo has three years behind it). */
const MONTH = "/nights?view=month";
/**
 * The pages of #5–#7 whose cost must not grow with history: measured with three
 * years of demo data and, for the comparison the issues ask for, one month.
 */
const HISTORY_PAGES = {
  balance: "/balance",
  connectToday: "/connect",
  connectWeek: "/connect?view=week",
  notes: "/notes",
  tonight: "/tonight",
  // The same page on a morning after the partner's night, with "While you were
  // asleep" showing (the query string only tells the two apart in the report).
  tonightSummary: "/tonight?morning",
} as const;
type THistoryPage = keyof typeof HISTORY_PAGES;
const PAGE_KEYS = Object.keys(HISTORY_PAGES) as THistoryPage[];
/** The same pages by their names in signedInPages(). */
const HISTORY_NAMES: Record<THistoryPage, string> = {
  balance: "Balance",
  connectToday: "Connect (day)",
  connectWeek: "Connect (week)",
  notes: "Notes",
  tonight: "Tonight",
  tonightSummary: "Tonight (morning)",
};
/**
 * One month of history: 31 nights, odd like 1095, because the demo's rota
 * takes turns from its first night, so the parity decides who is on duty
 * tonight. With 30, Sam would be on duty tonight in one run and off in the
 * other, and Tonight would show different cards (the handoff card) for a
 * reason that has nothing to do with history.
 */
const ONE_MONTH_NIGHTS = 31;

const DEMO = {
  email: "sam@example.com",
  password: "night-owls-unite",
  household: "Sam & Alex",
  timeZone: "Europe/London",
};
/** lib/clock.ts's cookie; the bench server runs with ATTUNE_TEST_CLOCK=1 so it is honoured. */
const TEST_CLOCK_COOKIE = "attune-test-now";
const SECOND_DEMO_EMAIL = "alex@example.com";

const WARMUP_SECONDS = 2;
/** The server (and its Postgres) on core 0, this process (the load generator, the browser) on core 1. */
const SERVER_CPUS = "0";
const TASKSET = "/usr/bin/taskset";
const pinning = existsSync(TASKSET) && os.availableParallelism() >= 2;
if (pinning) spawnSync(TASKSET, ["-p", "-c", "1", String(process.pid)], { stdio: "ignore" });

// ---- Budgets (#11) -------------------------------------------------------------

const BUDGET = {
  statements: 8,
  throughputVsHealth: 0.15,
  jsKiB: 160,
  rssMb: 500,
  yearsOverMonthP50: 1.2,
  lighthouse: 95,
} as const;
type TBudgetRow = { budget: string; measured: string; pass: boolean };
const budgetRow = (budget: string, measured: string, pass: boolean): TBudgetRow => ({ budget, measured, pass });

function printBudgets(rows: TBudgetRow[]): void {
  console.log("\n| budget | measured | pass/fail |\n| --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.budget} | ${r.measured} | ${r.pass ? "pass" : "FAIL"} |`);
  const failed = rows.filter((r) => !r.pass).length;
  console.log(failed ? `\n${failed} of ${rows.length} budgets failed\n` : `\nall ${rows.length} budgets met\n`);
}

/** Statement budget rows: every signed-in page, 3 years and 1 month. */
function statementRows(counts: Record<string, number[]>): TBudgetRow[] {
  return Object.entries(counts).map(([name, [years, month]]) =>
    budgetRow(
      `${name}: statements ≤ ${BUDGET.statements}, same with 3 years as 1 month`,
      `${years} (3 years), ${month} (1 month)`,
      years! <= BUDGET.statements && month! <= BUDGET.statements && years === month,
    ),
  );
}

const kib = (bytes: number) => bytes / 1024;

/** JS budget rows, and the five biggest scripts of each route printed below the table. */
function bytesRows(bytes: Record<string, TRouteBytes>): TBudgetRow[] {
  return Object.entries(bytes).map(([name, b]) =>
    budgetRow(
      `${name} (${b.path}): JS ≤ ${BUDGET.jsKiB} KiB gzip, cold`,
      `${kib(b.jsBytes).toFixed(1)} KiB in ${b.scripts} scripts`,
      kib(b.jsBytes) <= BUDGET.jsKiB,
    ),
  );
}

/** Lighthouse rows: the median of the runs, with every run. */
function lighthouseRows(scores: Record<string, TLighthouse>): TBudgetRow[] {
  return Object.entries(scores).map(([name, l]) =>
    budgetRow(
      `${name}: Lighthouse mobile performance ≥ ${BUDGET.lighthouse}, median of ${l.scores.length}`,
      `${l.median} (runs ${l.scores.join(", ")}; LCP ${(l.lcpMs / 1000).toFixed(1)} s, TBT ${Math.round(l.tbtMs)} ms)`,
      l.median >= BUDGET.lighthouse,
    ),
  );
}

function printBiggest(bytes: Record<string, TRouteBytes>): void {
  console.log("Biggest five scripts per route (gzip bytes on the wire):");
  for (const [name, b] of Object.entries(bytes))
    console.log(
      `  ${name}: ${b.biggest.map((x) => `${path.basename(x.url)} ${kib(x.bytes).toFixed(1)} KiB`).join(", ")}`,
    );
}
const { noBuild, duration, connections, signInAttempts, quick, lighthouseRuns, lighthouseOnly } = options();

function options() {
  const positiveInt = (value: string, flag: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a whole number ≥ 1 (got ${value})`);
    return n;
  };
  try {
    const { values } = parseArgs({
      options: {
        "no-build": { type: "boolean", default: false },
        quick: { type: "boolean", default: false },
        duration: { type: "string", default: "10" },
        connections: { type: "string", default: "10" },
        "sign-in-attempts": { type: "string", default: "20" },
        "lighthouse-runs": { type: "string", default: "3" },
        "lighthouse-only": { type: "boolean", default: false },
      },
    });
    return {
      noBuild: values["no-build"],
      quick: values.quick,
      duration: positiveInt(values.duration, "--duration"),
      connections: positiveInt(values.connections, "--connections"),
      signInAttempts: positiveInt(values["sign-in-attempts"], "--sign-in-attempts"),
      lighthouseRuns: positiveInt(values["lighthouse-runs"], "--lighthouse-runs"),
      lighthouseOnly: values["lighthouse-only"],
    };
  } catch (e) {
    console.error(
      `[bench] ${(e as Error).message}\nusage: npm run bench -- [--quick | --lighthouse-only] [--no-build] [--duration 10] [--connections 10] [--sign-in-attempts 20] [--lighthouse-runs 3]`,
    );
    process.exit(2);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const benchStarted = Date.now();
/** A progress line, with the time since the bench started (#11: the whole run within 10 minutes). */
const say = (line: string) =>
  console.log(`\x1b[36m[bench ${Math.round((Date.now() - benchStarted) / 1000)} s]\x1b[0m ${line}`);
/**
 * Whole milliseconds, or one decimal below 10 ms where rounding would hide a
 * difference (autocannon's latencies are already whole milliseconds).
 */
const ms = (v: number) => (Number.isInteger(v) || v >= 10 ? Math.round(v).toString() : v.toFixed(1));

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// ---- What is running, so Ctrl-C and errors can stop it -------------------------

/** Every server started and not yet stopped (the load and one-month servers run side by side). */
const servers = new Set<TServer>();
let load: autocannon.Instance | undefined;
let interrupted = false;

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[bench] ${signal}: stopping the server…`);
    // Load first, so the server is not stopped under a stream of requests.
    const loading = Boolean(load);
    load?.stop();
    void sleep(loading ? 500 : 0)
      .then(() => stop())
      .finally(() => process.exit(130));
  });
}

// ---- Steps ---------------------------------------------------------------------

function build(): Promise<void> {
  say("building (next build)…");
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      // Types are npm test's job (tsc); checking them again here took ~20 s of the bench's 10 minutes.
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ATTUNE_TYPECHECKED: "1" },
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) {
        say(`build done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        resolve();
      } else reject(new BenchError(`next build failed (exit ${code})`));
    });
  });
}

async function start(
  label: string,
  logQueries: boolean,
  historyNights = 1095,
  pin = false,
  dataDir?: string,
): Promise<TServer> {
  say(
    `starting the production server (${label}, ${historyNights} nights of demo history${logQueries ? ", logging SQL" : ""})…`,
  );
  const started = Date.now();
  const server = await startServer({
    root,
    label,
    logQueries,
    historyNights,
    pinCpus: pin && pinning ? SERVER_CPUS : undefined,
    dataDir,
    logFile: path.join(outDir, `server-${label}.log`),
    onSpawn: (s) => void servers.add(s),
  });
  say(`server ready at ${server.base} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return server;
}

/** Stops `only`, or every server still running. */
async function stop(only?: TServer): Promise<void> {
  for (const s of only ? [only] : [...servers]) {
    servers.delete(s);
    say("stopping the server…");
    await s.stop();
  }
}

/** Fake client addresses from 198.18.0.0/15, the range set aside for benchmarks (RFC 2544). */
let addressCounter = 0;
function nextAddress(): string {
  addressCounter++;
  return `198.18.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

async function get(base: string, pathname: string, cookie?: string) {
  const res = await fetch(`${base}${pathname}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return { status: res.status, location: res.headers.get("location") ?? "", body: await res.text() };
}

/** The signed-in page is really the household (not a redirect, and not a 200 sign-in form). */
async function checkHousehold(base: string, cookie: string): Promise<void> {
  const page = await get(base, "/household", cookie);
  if (page.status !== 200) {
    const where = page.location ? ` → ${page.location}` : "";
    throw new BenchError(
      `GET /household with the session answered ${page.status}${where}; expected 200 (is the page built? is the session accepted?)`,
    );
  }
  // React escapes & in HTML; the flight data may carry it raw.
  const names = [DEMO.household, DEMO.household.replace("&", "&amp;")];
  if (!names.some((n) => page.body.includes(n))) {
    throw new BenchError(`GET /household answered 200 but does not show the household name "${DEMO.household}"`);
  }
}

async function checkAbout(base: string): Promise<void> {
  const page = await get(base, "/about");
  if (page.status === 404)
    throw new BenchError(
      "GET /about answered 404: the static About page (app/about/page.tsx) is missing from the build",
    );
  if (page.status !== 200) throw new BenchError(`GET /about answered ${page.status}; expected 200`);
}

async function signInDemo(base: string): Promise<string> {
  const cookie = await signIn(base, DEMO.email, DEMO.password, nextAddress());
  await checkHousehold(base, cookie);
  say(`signed in as ${DEMO.email} (${cookie.split("=")[0]}), /household shows "${DEMO.household}"`);
  return cookie;
}

/** SQL statements the server prints for exactly one signed-in page. */
async function countQueries(s: TServer, cookie: string, runs: number, pathname = "/household"): Promise<number[]> {
  const counts: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Idle first, so nothing else (health checks, sign-in, earlier pages) is counted.
    await s.waitIdle(400);
    const before = s.sqlCount();
    const page = await get(s.base, pathname, cookie);
    if (page.status !== 200) throw new BenchError(`GET ${pathname} answered ${page.status} while counting SQL`);
    // Logging is asynchronous (Prisma event → stdout → pipe): let it drain.
    await sleep(150);
    await s.waitIdle(300, 5_000);
    counts.push(s.sqlCount() - before);
    say(`${pathname} run ${i + 1}: ${counts[i]} SQL statements`);
  }
  return counts;
}

type TLoad = {
  path: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  requests: number;
  statusCodes: Record<string, number>;
};

async function loadTest(base: string, pathname: string, headers: Record<string, string>): Promise<TLoad> {
  const opts = { url: `${base}${pathname}`, connections, headers };
  say(`load ${pathname}: ${WARMUP_SECONDS} s warm-up, then ${duration} s with ${connections} connections…`);
  // Warm-up: JIT, connection pool, Next's caches; its figures are thrown away.
  load = autocannon({ ...opts, duration: WARMUP_SECONDS });
  await load;
  if (interrupted) throw new BenchError("interrupted");
  load = autocannon({ ...opts, duration });
  const r = await load;
  load = undefined;
  if (interrupted) throw new BenchError("interrupted");
  const statusCodes = Object.fromEntries(
    Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]),
  );
  const result: TLoad = {
    path: pathname,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    requests: r.requests.total,
    statusCodes,
  };
  say(
    `  ${pathname}: ${result.rps.toFixed(1)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, ` +
      `${result.requests} requests, non-2xx ${result.non2xx}, errors ${result.errors}` +
      (result.non2xx ? `, status codes ${JSON.stringify(statusCodes)}` : ""),
  );
  return result;
}

/**
 * Timing of failed sign-ins: wrong password for an existing account vs an
 * unknown email. The app answers both with one argon2 verification, so their
 * times should match; a clear gap would let anyone probe which emails have
 * accounts.
 *
 * The throttle would spoil this: after 5 failures an account is blocked and
 * answers at once, without argon2. Each attempt gets its own fake address (50
 * per address per hour), unknown emails are all different, and the two demo
 * accounts take turns and are reset by a correct sign-in (which clears the
 * account's count) after 4 failures each. Every refusal is checked to be
 * `invalid`, never `throttled`. The two kinds alternate, and which goes first
 * alternates too, so drift over the run hits both alike.
 */
async function signInFairness(base: string, attempts: number) {
  const session = await csrf(base);
  const accounts = [DEMO.email, SECOND_DEMO_EMAIL];
  const failures = new Map<string, number>();
  const runId = Date.now().toString(36);
  let unknownCounter = 0;

  const wrongPassword = async (i: number) => {
    const email = accounts[i % accounts.length]!;
    if ((failures.get(email) ?? 0) >= 4) {
      await signIn(base, email, DEMO.password, nextAddress());
      failures.set(email, 0);
    }
    const a = await postCredentials(base, session, {
      email,
      password: `not-the-password-${i}`,
      address: nextAddress(),
    });
    failures.set(email, (failures.get(email) ?? 0) + 1);
    return check(a, `wrong password for ${email}`);
  };
  const unknownEmail = async () => {
    const email = `nobody-${runId}-${++unknownCounter}@example.com`;
    const a = await postCredentials(base, session, { email, password: DEMO.password, address: nextAddress() });
    return check(a, `unknown email ${email}`);
  };
  const check = (a: { status: number; location: string; ms: number }, what: string) => {
    const code = refusalCode(a);
    if (code !== "invalid") {
      throw new BenchError(
        `sign-in with ${what} answered ${a.status} → ${a.location || "(no redirect)"}; expected a refusal with code=invalid`,
      );
    }
    return a.ms;
  };

  say(`sign-in timing: ${attempts} wrong-password vs ${attempts} unknown-email attempts…`);
  // Warm-up: the first unknown email also computes the dummy hash once, and
  // the first attempts after the load test still meet a busy process.
  for (let i = 0; i < 4; i++) {
    await wrongPassword(i);
    await unknownEmail();
  }
  const wrong: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < attempts; i++) {
    if (i % 2 === 0) {
      wrong.push(await wrongPassword(i));
      unknown.push(await unknownEmail());
    } else {
      unknown.push(await unknownEmail());
      wrong.push(await wrongPassword(i));
    }
  }
  const result = {
    attempts,
    wrongPasswordP50: median(wrong),
    unknownEmailP50: median(unknown),
    wrongPasswordMs: wrong,
    unknownEmailMs: unknown,
  };
  say(`  wrong password p50 ${ms(result.wrongPasswordP50)} ms, unknown email p50 ${ms(result.unknownEmailP50)} ms`);
  return result;
}

// ---- The run -------------------------------------------------------------------

/** A clock cookie, pinned to `minutes` after local midnight of `date` in the demo's zone. */
const clockAt = (cookie: string, date: string, minutes: number) =>
  `${cookie}; ${TEST_CLOCK_COOKIE}=${instantAt(date, minutes, DEMO.timeZone).toISOString()}`;

/**
 * "While you were asleep" shows in the daytime to whoever was off duty the
 * night before. The demo's nights take turns, so one of the last few mornings
 * (10:00 in the household's zone) follows one of Alex's nights: pin the
 * server's clock there, for Sam, and check the card is really on the page.
 */
async function morningCookie(base: string, cookie: string): Promise<string> {
  const today = localDateOf(new Date(), DEMO.timeZone);
  for (let back = 0; back < 4; back++) {
    const withClock = clockAt(cookie, addDays(today, -back), 10 * 60);
    const page = await get(base, HISTORY_PAGES.tonightSummary, withClock);
    if (page.status === 200 && page.body.includes('data-testid="morning-summary"')) return withClock;
  }
  throw new BenchError(
    `none of the last four mornings shows ${DEMO.email} "While you were asleep" on ${HISTORY_PAGES.tonightSummary}`,
  );
}

/**
 * Plain Tonight is measured at 02:00 of the last night the demo seeded in full
 * (today's, once it is past; otherwise the night before), so its statement
 * count and its cards are the night's, whatever the hour the bench runs.
 */
function nightCookie(cookie: string): string {
  const now = new Date();
  const today = localDateOf(now, DEMO.timeZone);
  const date = instantAt(today, 2 * 60, DEMO.timeZone) <= now ? today : addDays(today, -1);
  return clockAt(cookie, date, 2 * 60);
}

/** The cookies of the two Tonight views, each with its pinned clock. */
type TPinned = { night: string; morning: string };
async function pinnedCookies(base: string, cookie: string): Promise<TPinned> {
  return { night: nightCookie(cookie), morning: await morningCookie(base, cookie) };
}

/** The cookie each page is measured with. */
async function pageCookies(base: string, cookie: string): Promise<Record<THistoryPage, string>> {
  const pinned = await pinnedCookies(base, cookie);
  const pick = (key: THistoryPage) =>
    key === "tonightSummary" ? pinned.morning : key === "tonight" ? pinned.night : cookie;
  return Object.fromEntries(PAGE_KEYS.map((key) => [key, pick(key)])) as Record<THistoryPage, string>;
}

/** Every signed-in page, for the statement budget (the night page is today's night). */
function signedInPages(): Record<string, string> {
  const today = localDateOf(new Date(), DEMO.timeZone);
  return {
    Tonight: "/tonight",
    "Tonight (morning)": HISTORY_PAGES.tonightSummary,
    "Nights (week)": "/nights",
    "Nights (month)": MONTH,
    "A night": `/nights/${today}`,
    "Connect (day)": "/connect",
    "Connect (week)": "/connect?view=week",
    Notes: "/notes",
    Balance: "/balance",
    Household: "/household",
    Settings: "/settings",
  };
}

/** Every signed-in page with the cookie it is measured with (the two Tonight views with their pinned clocks). */
function withCookies(cookie: string, pinned: TPinned) {
  const pick = (name: string) =>
    name === "Tonight (morning)" ? pinned.morning : name === "Tonight" ? pinned.night : cookie;
  return Object.fromEntries(
    Object.entries(signedInPages()).map(([name, pathname]) => [name, { path: pathname, cookie: pick(name) }]),
  );
}

/** SQL statements per signed-in page, median of 3, on a server started with query logging. */
async function statementsPerPage(s: TServer, cookie: string): Promise<Record<string, number>> {
  const pinned = await pinnedCookies(s.base, cookie);
  const out: Record<string, number> = {};
  for (const [name, page] of Object.entries(withCookies(cookie, pinned)))
    out[name] = median(await countQueries(s, page.cookie, 3, page.path));
  return out;
}

/**
 * JS bytes per route, signed in, plus the static About page for comparison;
 * then the signed-in routes again with Sam reading German (#14: only the
 * active language's messages may reach the browser, within the same budget).
 */
async function bytesPerRoute(s: TServer, cookie: string): Promise<Record<string, TRouteBytes>> {
  const pinned = await pinnedCookies(s.base, cookie);
  say("JS bytes per route from a cold Chromium context…");
  const british = await jsBytesPerRoute(s.base, {
    ...withCookies(cookie, pinned),
    "About (no data)": { path: "/about" },
  });
  const url = s.databaseUrl();
  if (!url) return british;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const before = await db.query<{ locale: string | null }>("SELECT locale FROM users WHERE email = $1", [DEMO.email]);
  try {
    await db.query("UPDATE users SET locale = 'de' WHERE email = $1", [DEMO.email]);
    say("… and again in German…");
    const german = await jsBytesPerRoute(s.base, withCookies(cookie, pinned));
    return { ...british, ...Object.fromEntries(Object.entries(german).map(([name, b]) => [`${name} · de`, b])) };
  } finally {
    await db.query("UPDATE users SET locale = $2 WHERE email = $1", [DEMO.email, before.rows[0]?.locale ?? null]);
    await db.end();
  }
}

/** `--quick`: SQL statements per signed-in page (three years and one month of history) and JS bytes per route. */
async function quickSql() {
  const counts: Record<string, number[]> = {};
  let bytes: Record<string, TRouteBytes> = {};
  for (const nights of [1095, ONE_MONTH_NIGHTS]) {
    const s = await start(`quick-${nights}`, true, nights);
    const cookie = await signInDemo(s.base);
    for (const [name, n] of Object.entries(await statementsPerPage(s, cookie))) (counts[name] ??= []).push(n);
    if (nights === ONE_MONTH_NIGHTS) bytes = await bytesPerRoute(s, cookie);
    await stop();
  }
  printBudgets([...statementRows(counts), ...bytesRows(bytes)]);
  printBiggest(bytes);
  await writeFile(path.join(outDir, "quick.json"), JSON.stringify({ statements: counts, bytes }, null, 2));
}

/** Lighthouse on every signed-in page of a pinned server (three years of history), without query logging. */
async function lighthouseScores(s: TServer, cookie: string): Promise<Record<string, TLighthouse>> {
  const pinned = await pinnedCookies(s.base, cookie);
  say(`Lighthouse 12, mobile, ${lighthouseRuns} runs per page…`);
  // localhost, like the bytes: a secure context for the __Secure- session cookie.
  return lighthousePerRoute(s.base.replace("127.0.0.1", "localhost"), withCookies(cookie, pinned), lighthouseRuns, say);
}

/** `--lighthouse-only`: the Lighthouse rows alone (for working on paint and JS). */
async function lighthouseOnlyRun() {
  const s = await start("lighthouse", false, 1095, true);
  const scores = await lighthouseScores(s, await signInDemo(s.base));
  await stop();
  printBudgets(lighthouseRows(scores));
  await writeFile(path.join(outDir, "lighthouse.json"), JSON.stringify(scores, null, 2));
}

async function main() {
  await mkdir(outDir, { recursive: true });
  if (!noBuild) await build();
  if (quick) return quickSql();
  if (lighthouseOnly) return lighthouseOnlyRun();

  // First start: count SQL per signed-in page (and check up front that everything measured exists).
  const s1 = await start("queries", true);
  const cookie1 = await signInDemo(s1.base);
  await checkAbout(s1.base);
  const sqlYearsAll = await statementsPerPage(s1, cookie1);
  const serverProblems = s1.problems.map((l) => `[queries] ${l}`);
  await stop();

  // Second start, no query logging, pinned to one core: /api/health and every
  // signed-in page under load in the same run, then sign-in timing (its failed
  // attempts write throttle rows, so it comes after the pages).
  // Beside it, idle but for its own turns, the same household with one month of
  // history: each page's one-month load runs right after its three-year one, so
  // the pair shares the machine's moment. (Measured on a later start, the
  // one-month figure moved by a quarter between runs while the other held still.)
  const s2 = await start("load", false, 1095, true);
  const s4 = await start("load-month", false, ONE_MONTH_NIGHTS, true, ".data/bench-beside");
  const cookie2 = await signInDemo(s2.base);
  const monthCookies = await pageCookies(s4.base, await signInDemo(s4.base));
  await checkAbout(s2.base);
  const healthFirst = await loadTest(s2.base, "/api/health", {});
  const pinned2 = await pinnedCookies(s2.base, cookie2);
  const pagesLoad: Record<string, TLoad> = {};
  const oneMonth: Partial<Record<THistoryPage, TLoad>> = {};
  for (const [name, page] of Object.entries(withCookies(cookie2, pinned2))) {
    pagesLoad[name] = await loadTest(s2.base, page.path, { cookie: page.cookie });
    const key = PAGE_KEYS.find((k) => HISTORY_NAMES[k] === name);
    if (key) oneMonth[key] = await loadTest(s4.base, HISTORY_PAGES[key], { cookie: monthCookies[key] });
  }
  serverProblems.push(...s4.problems.map((l) => `[load-month] ${l}`));
  await stop(s4);
  const about = await loadTest(s2.base, "/about", {});
  // The floor of a signed-in page: no data of its own, but the session read, the
  // signed-in user's language and the root layout (for reading the throughput rows).
  const aboutSignedIn = await loadTest(s2.base, "/about", { cookie: cookie2 });
  // /api/health again, warm: the first load after a start measured 35 % below
  // the second (347 against 542 req/s), which made every page's ratio look
  // better than it was. The faster of the two is the yardstick.
  const healthWarm = await loadTest(s2.base, "/api/health", {});
  const health = healthWarm.rps >= healthFirst.rps ? healthWarm : healthFirst;
  say(
    `/api/health: ${healthFirst.rps.toFixed(0)} req/s first, ${healthWarm.rps.toFixed(0)} after the pages; using ${health.rps.toFixed(0)}`,
  );
  const household = pagesLoad.Household!;
  const month = pagesLoad["Nights (month)"]!;
  const years = Object.fromEntries(PAGE_KEYS.map((key) => [key, pagesLoad[HISTORY_NAMES[key]]!])) as Partial<
    Record<THistoryPage, TLoad>
  >;
  // The session must still be good after the load (a redirect would count as non-2xx, a 200 sign-in page would not).
  await checkHousehold(s2.base, cookie2);
  const rssAfterLoad = s2.rss();
  const lighthouse = await lighthouseScores(s2, cookie2);
  // Let the load test's aftermath (GC, Postgres background work) settle first:
  // the figures here are a few milliseconds apart.
  await s2.waitIdle(1_000);
  await sleep(3_000);
  const fairness = await signInFairness(s2.base, signInAttempts);
  // Live channel: 50 households with a stream open each; a change committed in
  // one household's transaction, timed until it arrives on that household's stream.
  const dbUrl = s2.databaseUrl();
  if (!dbUrl) throw new BenchError("the launcher did not print its database URL");
  const live = await benchLive({ base: s2.base, databaseUrl: dbUrl, households: 50, rounds: 20 });
  // Night-log taps queued offline: 200 actions, with duplicates, replayed at once by 20 clients.
  const replay = await benchReplay(s2.base, dbUrl);
  // Push fan-out: tap-outs in 50 households at once, commit to arrival at a local test push service.
  const push = await benchPush({ databaseUrl: dbUrl, households: 50, rounds: 5 });
  const rssAfterRun = s2.rss();
  serverProblems.push(...s2.problems.map((l) => `[load] ${l}`));
  await stop();

  // Last start: the one-month household again, logging SQL, for "the same
  // statements with three years as with one month", and the JS bytes.
  const s3 = await start("queries-month", true, ONE_MONTH_NIGHTS);
  const cookie3 = await signInDemo(s3.base);
  const sqlMonthAll = await statementsPerPage(s3, cookie3);
  const bytes = await bytesPerRoute(s3, cookie3);
  serverProblems.push(...s3.problems.map((l) => `[queries-month] ${l}`));
  await stop();

  const sqlYears = Object.fromEntries(PAGE_KEYS.map((k) => [k, sqlYearsAll[HISTORY_NAMES[k]]!])) as Record<
    THistoryPage,
    number
  >;
  const sqlMonth = Object.fromEntries(PAGE_KEYS.map((k) => [k, sqlMonthAll[HISTORY_NAMES[k]]!])) as Record<
    THistoryPage,
    number
  >;
  const sqlRuns = [sqlYearsAll.Household!];
  const monthSqlRuns = [sqlYearsAll["Nights (month)"]!];
  const nextServer = rssAfterRun[0];
  const budgets = [
    ...statementRows(Object.fromEntries(Object.keys(sqlYearsAll).map((n) => [n, [sqlYearsAll[n]!, sqlMonthAll[n]!]]))),
    ...Object.entries(pagesLoad).map(([name, t]) =>
      budgetRow(
        `${name}: throughput ≥ ${BUDGET.throughputVsHealth}× /api/health (${health.rps.toFixed(0)} req/s), pinned`,
        `${t.rps.toFixed(1)} req/s = ${(t.rps / health.rps).toFixed(3)}×${t.non2xx ? ` (${t.non2xx} non-2xx)` : ""}`,
        t.rps / health.rps >= BUDGET.throughputVsHealth && t.non2xx === 0,
      ),
    ),
    ...bytesRows(bytes),
    ...lighthouseRows(lighthouse),
    ...PAGE_KEYS.map((key) => {
      const r = years[key]!.p50 / oneMonth[key]!.p50;
      return budgetRow(
        `${HISTORY_NAMES[key]}: p50 3 years ÷ 1 month ≤ ${BUDGET.yearsOverMonthP50}`,
        `${r.toFixed(2)} (${ms(years[key]!.p50)} / ${ms(oneMonth[key]!.p50)} ms)`,
        r <= BUDGET.yearsOverMonthP50,
      );
    }),
    budgetRow(
      `server RSS after the whole run ≤ ${BUDGET.rssMb} MB`,
      nextServer
        ? `${nextServer.mb.toFixed(0)} MB (${nextServer.name}; ${rssAfterLoad[0]?.mb.toFixed(0) ?? "?"} MB after the page load, before the live/push/replay benches)`
        : "not measured (no /proc)",
      Boolean(nextServer && nextServer.mb <= BUDGET.rssMb),
    ),
    // Not #11's, but nothing a parent tapped may be lost or done twice under load (#9; 0037).
    budgetRow(
      "offline replay (600 deliveries of 200 taps at once): 0 lost, 0 done twice",
      `${replay.lost} lost, ${replay.duplicates} duplicates; drained in ${(replay.drainMs / 1000).toFixed(1)} s, ${replay.sentAgain} sent again after "retry"`,
      replay.lost === 0 && replay.duplicates === 0,
    ),
    budgetRow(
      "live events and push (50 households at once): 0 lost, 0 duplicate pushes",
      `live ${live.lost} of ${live.events} lost; push ${push.lost} of ${push.pushes} lost, ${push.duplicates} duplicates`,
      live.lost === 0 && push.lost === 0 && push.duplicates === 0,
    ),
  ];

  // ---- Summary ----
  const date = new Date().toISOString().slice(0, 10);
  const cores = os.availableParallelism();
  const ratio = household.rps / about.rps;
  const signInRatio = fairness.wrongPasswordP50 / fairness.unknownEmailP50;
  // Median of the runs: the first can include one-off work (warm-up).
  const sqlPerHousehold = median(sqlRuns);
  const line = (t: TLoad) =>
    `${t.rps.toFixed(1)} req/s, p50 ${ms(t.p50)} ms, p99 ${ms(t.p99)} ms${t.non2xx ? `, ${t.non2xx} non-2xx` : ""}`;
  const historyRows = PAGE_KEYS.map((key) => {
    const y = years[key]!;
    const m = oneMonth[key]!;
    return (
      `  ${HISTORY_PAGES[key].padEnd(18)} 3 years: ${line(y)} | 1 month: ${line(m)} | ` +
      `p50 ${(y.p50 / m.p50).toFixed(2)}×, p99 ${(y.p99 / m.p99).toFixed(2)}× | SQL ${sqlYears[key]} vs ${sqlMonth[key]}`
    );
  });
  const summary = [
    `Attune bench (${cores} cores, Node ${process.versions.node.split(".")[0]}) — ${date}`,
    `household page (signed in): ${line(household)}`,
    `/about (no data):            ${line(about)}`,
    `throughput ratio household/about: ${ratio.toFixed(3)}`,
    `/about signed in (the floor of a signed-in page): ${line(aboutSignedIn)} = ${(aboutSignedIn.rps / health.rps).toFixed(3)}× /api/health`,
    `each signed-in page ÷ /about signed in: ${Object.entries(pagesLoad)
      .map(([name, t]) => `${name} ${(t.rps / aboutSignedIn.rps).toFixed(2)}`)
      .join(", ")}`,
    `month view, 3 years of nights:  ${line(month)}`,
    `throughput ratio month/about: ${(month.rps / about.rps).toFixed(3)}`,
    `SQL queries per household page: ${sqlPerHousehold} (runs: ${sqlRuns.join(", ")})`,
    `SQL queries per month view: ${median(monthSqlRuns)} (runs: ${monthSqlRuns.join(", ")})`,
    `pages with three years vs one month of demo history (latency ratio 3 years / 1 month; SQL statements 3 years vs 1 month):`,
    ...historyRows,
    `offline queue replay: ${replay.actions} actions (${replay.deliveries} deliveries in ${replay.posts} posts by 20 clients) drained in ${replay.drainMs.toFixed(0)} ms (${replay.sentAgain} sent again after "retry", as the phone would); ${replay.duplicates} duplicates, ${replay.lost} lost`,
    `push fan-out: ${push.pushes} tap-outs (${push.households} households at once): p50 ${push.p50Ms.toFixed(0)} ms, p95 ${push.p95Ms.toFixed(0)} ms, max ${push.maxMs.toFixed(0)} ms; ${push.lost} lost, ${push.duplicates} duplicates`,
    `live events, 50 households connected: p50 ${live.p50Ms.toFixed(1)} ms, p95 ${live.p95Ms.toFixed(1)} ms, max ${live.maxMs.toFixed(1)} ms over ${live.events} events (${live.lost} lost); server RSS ${live.rssIdleMb?.toFixed(0) ?? "?"} → ${live.rssOpenMb?.toFixed(0) ?? "?"} MB with the streams open (${live.rssPerStreamKb?.toFixed(0) ?? "?"} KB per stream)`,
    `sign-in p50: wrong password ${ms(fairness.wrongPasswordP50)} ms, unknown email ${ms(fairness.unknownEmailP50)} ms (ratio ${signInRatio.toFixed(2)})`,
  ].join("\n");

  console.log(`\n${summary}\n`);
  printBudgets(budgets);
  printBiggest(bytes);
  console.log(
    `Server processes after the run (RSS): ${rssAfterRun.map((p) => `${p.name} [${p.pid}] ${p.mb.toFixed(0)} MB`).join(", ")}\n` +
      (pinning
        ? "Server and Postgres pinned to CPU 0, load generator and browser on CPU 1.\n"
        : "Not pinned (no taskset or one core).\n"),
  );
  if (serverProblems.length) {
    console.log(
      `Server lines that look like problems (${serverProblems.length}; full logs in bench-results/server-*.log):`,
    );
    for (const l of serverProblems.slice(0, 20)) console.log(`  ${l}`);
    console.log();
  }

  const json = {
    date: new Date().toISOString(),
    machine: { cores, node: process.versions.node, platform: `${os.platform()} ${os.arch()}` },
    settings: { durationSeconds: duration, warmupSeconds: WARMUP_SECONDS, connections, signInAttempts },
    household,
    month,
    about,
    aboutSignedIn,
    throughputRatioMonthAbout: month.rps / about.rps,
    sqlQueriesPerMonthView: median(monthSqlRuns),
    throughputRatioHouseholdAbout: ratio,
    sqlQueriesPerHouseholdPage: sqlPerHousehold,
    sqlQueryRuns: sqlRuns,
    history: { pages: HISTORY_PAGES, threeYears: years, oneMonth, sqlThreeYears: sqlYears, sqlOneMonth: sqlMonth },
    signIn: { ...fairness, ratio: signInRatio },
    live,
    health,
    pages: pagesLoad,
    statements: { threeYears: sqlYearsAll, oneMonth: sqlMonthAll },
    bytes,
    lighthouse,
    rss: { afterLoad: rssAfterLoad, afterRun: rssAfterRun },
    budgets,
    serverProblems,
    summary,
  };
  await writeFile(path.join(outDir, "latest.json"), `${JSON.stringify(json, null, 2)}\n`);
  say("wrote bench-results/latest.json");
}

main().then(
  () => process.exit(0),
  async (e: unknown) => {
    if (!interrupted)
      console.error(`\n[bench] failed: ${e instanceof BenchError ? e.message : ((e as Error)?.stack ?? String(e))}\n`);
    load?.stop();
    await stop().catch(() => {});
    process.exit(interrupted ? 130 : 1);
  },
);
