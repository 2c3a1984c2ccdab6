// Lighthouse 12's mobile performance score per signed-in page (#11): its
// default mobile settings (a mid-range phone's screen, simulated slow 4G and a
// 4× slower CPU), `runs` cold loads per page in the Chromium the e2e tests use,
// signed in by sending the session cookie with every request. The median is
// the figure; every run is kept, because the score moves by several points
// between runs on a shared machine.
import { launch } from "chrome-launcher";
import { writeFileSync } from "node:fs";
import lighthouse from "lighthouse";

export type TLighthouse = {
  path: string;
  /** Median performance score, 0–100. */
  median: number;
  scores: number[];
  /** Largest Contentful Paint and Total Blocking Time of the median run, ms. */
  lcpMs: number;
  tbtMs: number;
};

/**
 * The five metrics the performance score is weighed from (Lighthouse 12: FCP 10,
 * SI 10, LCP 25, TBT 30, CLS 25). Running only these gives the same score and
 * skips the diagnostics (unused JS, third parties…), about a second a run;
 * BENCH_LIGHTHOUSE_SAVE runs every audit, for the whole report.
 */
const SCORED_AUDITS = [
  "first-contentful-paint",
  "speed-index",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function lighthousePerRoute(
  base: string,
  routes: Record<string, { path: string; cookie?: string }>,
  runs: number,
  say: (line: string) => void,
): Promise<Record<string, TLighthouse>> {
  const chrome = await launch({
    chromePath:
      process.env.BENCH_LIGHTHOUSE_CHROMIUM ??
      process.env.BENCH_CHROMIUM_PATH ??
      "/usr/lib/chromium/chromium-headless-shell",
    // The shell is headless already; --no-sandbox because the build machines run as root.
    chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu"],
    logLevel: "silent",
  });
  const out: Record<string, TLighthouse> = {};
  try {
    for (const [name, { path, cookie }] of Object.entries(routes)) {
      const results: { score: number; lcp: number; tbt: number }[] = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(`${base}${path}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance"],
          onlyAudits: process.env.BENCH_LIGHTHOUSE_SAVE ? undefined : SCORED_AUDITS,
          // Neither changes the score; together they take about 1.4 s off each run.
          disableFullPageScreenshot: true,
          skipAudits: ["bf-cache"],
          extraHeaders: cookie ? { Cookie: cookie } : undefined,
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse gave no result for ${path}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse on ${path}: ${lhr.runtimeError.message}`);
        if (lhr.finalDisplayedUrl && new URL(lhr.finalDisplayedUrl).pathname !== path.split("?")[0])
          throw new Error(`Lighthouse on ${path} ended on ${lhr.finalDisplayedUrl} (is the session accepted?)`);
        // BENCH_LIGHTHOUSE_SAVE=dir keeps each run's whole report, to see where the time went.
        if (process.env.BENCH_LIGHTHOUSE_SAVE)
          writeFileSync(
            `${process.env.BENCH_LIGHTHOUSE_SAVE}/${name.replace(/\W+/g, "-")}-${i + 1}.json`,
            JSON.stringify(lhr),
          );
        results.push({
          score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
          tbt: lhr.audits["total-blocking-time"]?.numericValue ?? NaN,
        });
      }
      const scores = results.map((r) => r.score);
      const mid = results.find((r) => r.score === median(scores))!;
      out[name] = { path, median: median(scores), scores, lcpMs: mid.lcp, tbtMs: mid.tbt };
      say(
        `  Lighthouse ${path}: ${scores.join(", ")} → median ${median(scores)} (LCP ${Math.round(mid.lcp)} ms, TBT ${Math.round(mid.tbt)} ms)`,
      );
    }
  } finally {
    chrome.kill();
  }
  return out;
}
