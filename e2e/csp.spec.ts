// The Content-Security-Policy as the browser sees it (proxy.ts, lib/csp/policy.ts):
// a fresh nonce per page, on every script Next renders; an injected inline
// handler is refused and reported; static files and the service worker are
// served without the proxy; the report endpoint stores what browsers send.
import { expect, test } from "./csp-guard";
import { serverDb, settle } from "./helpers";

const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("each page gets its own nonce, on every script it renders", async ({ page, request }) => {
  const first = await request.get("/about");
  const second = await request.get("/about");
  const csp = first.headers()["content-security-policy"] ?? null;
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain("unsafe-eval");
  expect(first.headers()["reporting-endpoints"]).toBe('csp="/api/csp-report"');
  const nonce = nonceOf(csp);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"] ?? null)).not.toBe(nonce);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // The page runs (hydrates) under it: a client-side link works without a violation.
  await page.goto("/sign-in");
  await settle(page);
  await expect(page.getByRole("button", { name: /sign in/i })).toBeVisible();
});

test("static files and the service worker are served without the page policy", async ({ request, page }) => {
  await page.goto("/about");
  const asset = await page.evaluate(() => document.querySelector<HTMLScriptElement>("script[src]")?.src ?? "");
  expect(asset).toContain("/_next/static/");
  const js = await request.get(asset);
  expect(js.status()).toBe(200);
  expect(js.headers()["content-security-policy"]).toBeUndefined();
  const sw = await request.get("/serwist/sw.js");
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toMatch(/javascript/);
  expect(sw.headers()["content-security-policy"]).toBeUndefined();
});

test("an injected inline handler is refused, and the guard sees it", async ({ page, cspViolations }) => {
  await page.goto("/about");
  await settle(page);
  await page.evaluate(() => {
    (window as unknown as { pwned?: boolean }).pwned = false;
    const div = document.createElement("div");
    div.innerHTML = `<img src="data:," onerror="window.pwned = true">`;
    document.body.append(div);
  });
  await expect.poll(() => cspViolations.list.join("\n")).toMatch(/script-src/);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBe(false);
  cspViolations.clear();
});

test("the report endpoint stores a browser's report and refuses what is not one", async ({ request }) => {
  const marker = `http://localhost/csp-e2e-${Date.now()}`;
  const report = [
    {
      type: "csp-violation",
      body: { documentURL: marker, blockedURL: "inline", effectiveDirective: "script-src-elem" },
    },
  ];
  const stored = await request.post("/api/csp-report", {
    headers: { "content-type": "application/reports+json" },
    data: JSON.stringify(report),
  });
  expect(stored.status()).toBe(204);
  const junk = await request.post("/api/csp-report", { headers: { "content-type": "text/plain" }, data: "hello" });
  expect(junk.status()).toBe(415);
  const huge = await request.post("/api/csp-report", {
    headers: { "content-type": "application/reports+json" },
    data: "x".repeat(64 * 1024),
  });
  expect(huge.status()).toBe(413);
  const db = await serverDb();
  try {
    const { rows } = await db.query("SELECT directive FROM csp_reports WHERE document_uri = $1", [marker]);
    expect(rows).toEqual([{ directive: "script-src-elem" }]);
  } finally {
    await db.end();
  }
});
