// `npm run screens -- <label>`: phone-size screenshots of the pages a tired
// parent reads most (Tonight, Balance, Notes, a night's page and the Connect
// library), by day and by night, into docs/screens/<label>/, and each page's
// length (document scrollHeight at 390 px wide), printed and written beside
// them as lengths.json. Anyone can refresh them; compare two labels
// (docs/screens/before/ and docs/screens/after/) to see what a change did.
//
//   npm run build                  (the screens are taken of the production build)
//   npm run screens -- after
//
// It starts the production server the way the benchmark does
// (scripts/bench/server.ts: fresh embedded Postgres, demo data seeded), signs
// in as the demo's Sam and pins "now" (the test clock cookie, lib/clock.ts, and
// the browser's clock) to 02:30 of last night and to 10:00 the morning after,
// in the household's zone. The theme is left at its default ("Follow the
// night"), so the night hour is painted in night mode.
import { existsSync } from "node:fs";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO, pinClock, settle } from "../e2e/helpers.ts";
import { BenchError } from "./bench/error.ts";
import { startServer, type TServer } from "./bench/server.ts";
import { addDays, localDateOf } from "../lib/time/local-date.ts";
import { instantAt } from "../lib/time/local-time.ts";

const root = path.resolve(import.meta.dirname, "..");
const DEMO_TIME_ZONE = "Europe/London";
const VIEWPORT = { width: 390, height: 844 };
/** PNGs above this are worth a second look (the README links them; the repository keeps them). */
const MAX_BYTES = 300 * 1024;

type THour = { name: "day" | "night"; at: Date };

const label = process.argv[2] ?? "current";
if (!/^[a-z0-9][a-z0-9-]{0,40}$/.test(label)) {
  console.error(
    `The label names a folder under docs/screens/: lower-case letters, digits and dashes (got "${label}").`,
  );
  process.exit(2);
}
const outDir = path.join(root, "docs/screens", label);
const say = (line: string) => console.log(`[screens] ${line}`);

/** The hours to show: last night at 02:30 and 10:00 the morning after, in the demo household's zone. */
function hours(): { night: string; hours: THour[] } {
  const today = localDateOf(new Date(), DEMO_TIME_ZONE);
  return {
    night: addDays(today, -1),
    hours: [
      { name: "day", at: instantAt(today, 10 * 60, DEMO_TIME_ZONE) },
      { name: "night", at: instantAt(today, 2 * 60 + 30, DEMO_TIME_ZONE) },
    ],
  };
}

function pages(night: string): { key: string; path: string }[] {
  return [
    { key: "tonight", path: "/tonight" },
    { key: "balance", path: "/balance" },
    { key: "notes", path: "/notes" },
    { key: "night", path: `/nights/${night}` },
    { key: "connect-library", path: "/connect/library" },
  ];
}

/**
 * Palette-quantised PNG through sharp (Next's own image dependency) when it is
 * installed: a 390 px wide, several-screens-long page drops from about 1 MB to
 * a few hundred KB. Without sharp the PNG is kept as Chromium wrote it.
 */
async function shrink(file: string): Promise<void> {
  const input = await readFile(file);
  let out: Buffer;
  try {
    const { default: sharp } = await import("sharp");
    out = await sharp(input).png({ palette: true, quality: 70, colours: 64, compressionLevel: 9 }).toBuffer();
  } catch {
    return;
  }
  if (out.length < input.length) await writeFile(file, out);
}

async function signInDemo(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await settle(page);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"), { timeout: 30_000 });
}

async function shoot(ctx: BrowserContext, page: Page, hour: THour, night: string) {
  await pinClock(ctx, page, hour.at);
  const lengths: Record<string, number> = {};
  for (const p of pages(night)) {
    const res = await page.goto(p.path);
    if (!res || res.status() !== 200) throw new BenchError(`${p.path} answered ${res?.status() ?? "nothing"}`);
    await settle(page);
    // React Query's first fetches and the live channel's first message.
    await page.waitForTimeout(800);
    lengths[p.key] = await page.evaluate(() => document.documentElement.scrollHeight);
    const file = path.join(outDir, `${p.key}-${hour.name}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
    await shrink(file);
    const bytes = (await stat(file)).size;
    const warn = bytes > MAX_BYTES ? `  (over ${Math.round(MAX_BYTES / 1024)} KB)` : "";
    say(
      `${hour.name.padEnd(5)} ${p.path.padEnd(22)} ${String(lengths[p.key]).padStart(6)} px  ${Math.round(bytes / 1024)} KB${warn}`,
    );
  }
  return lengths;
}

async function main() {
  if (!existsSync(path.join(root, ".next/BUILD_ID"))) {
    throw new BenchError("No production build: run `npm run build` first (the screens show what `npm start` serves).");
  }
  await mkdir(outDir, { recursive: true });
  await mkdir(path.join(root, ".data"), { recursive: true });
  let server: TServer | undefined;
  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    say("starting the production server with the demo data…");
    server = await startServer({
      root,
      label: "screens",
      logQueries: false,
      logFile: path.join(root, ".data/screens-server.log"),
      // What `npm run dev` seeds: three weeks of history.
      historyNights: 21,
      echo: false,
    });
    // The test clock cookie is set for "localhost" (e2e/helpers.ts pinClock).
    const base = server.base.replace("127.0.0.1", "localhost");
    browser = await chromium.launch({ executablePath: process.env.BENCH_CHROMIUM_PATH ?? "/usr/bin/chromium" });
    const ctx = await browser.newContext({
      baseURL: base,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
      isMobile: true,
      hasTouch: true,
      serviceWorkers: "block",
      locale: "en-GB",
      timezoneId: DEMO_TIME_ZONE,
    });
    const page = await ctx.newPage();
    const { night, hours: list } = hours();
    const first = list[0]!;
    await pinClock(ctx, page, first.at);
    await signInDemo(page);
    const lengths: Record<string, Record<string, number>> = {};
    for (const hour of list) lengths[hour.name] = await shoot(ctx, page, hour, night);
    await writeFile(
      path.join(outDir, "lengths.json"),
      JSON.stringify(
        { viewport: VIEWPORT, night, hours: Object.fromEntries(list.map((h) => [h.name, h.at])), lengths },
        null,
        2,
      ) + "\n",
    );
    say(`page lengths (scrollHeight, px at ${VIEWPORT.width} wide):`);
    for (const p of pages(night)) {
      say(
        `  ${p.key.padEnd(16)} day ${String(lengths.day?.[p.key]).padStart(6)}   night ${String(lengths.night?.[p.key]).padStart(6)}`,
      );
    }
    say(`written to ${path.relative(root, outDir)}/`);
    if (server.problems.length) say(`the server reported:\n  ${server.problems.slice(0, 20).join("\n  ")}`);
  } finally {
    await stop();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof BenchError ? e.message : e);
  process.exit(1);
});
