// JavaScript a cold first load downloads, per route: a fresh Chromium context
// (no cache, no service worker yet) loads the page signed in, and every script
// response's body is counted as it came over the wire (the server's gzip), the
// way #11's table counts it. Also the five biggest scripts per route.
import { chromium, type Browser } from "@playwright/test";

export type TRouteBytes = { path: string; jsBytes: number; scripts: number; biggest: { url: string; bytes: number }[] };

/**
 * The cookie string ("name=value; name2=value2") as Playwright cookies. The
 * browser visits `localhost`, a secure context to Chromium even over http, so
 * `__Secure-` cookies (the production session) are kept and sent.
 */
function cookiesFor(cookie: string) {
  return cookie
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq);
      return {
        name,
        value: pair.slice(eq + 1),
        domain: "localhost",
        path: "/",
        secure: name.startsWith("__Secure-") || name.startsWith("__Host-"),
        httpOnly: true,
        sameSite: "Lax" as const,
      };
    });
}

export async function jsBytesPerRoute(
  base: string,
  routes: Record<string, { path: string; cookie?: string }>,
): Promise<Record<string, TRouteBytes>> {
  const browser: Browser = await chromium.launch({
    executablePath: process.env.BENCH_CHROMIUM_PATH ?? "/usr/bin/chromium",
  });
  const out: Record<string, TRouteBytes> = {};
  const origin = base.replace("127.0.0.1", "localhost");
  const measure = async (name: string, { path, cookie }: { path: string; cookie?: string }) => {
    const context = await browser.newContext({ serviceWorkers: "block" });
    if (cookie) await context.addCookies(cookiesFor(cookie));
    const page = await context.newPage();
    const sizes: Promise<{ url: string; bytes: number }>[] = [];
    page.on("response", (res) => {
      if (res.request().resourceType() !== "script") return;
      sizes.push(
        res
          .request()
          .sizes()
          .then((s) => ({ url: new URL(res.url()).pathname, bytes: s.responseBodySize }))
          .catch(() => ({ url: res.url(), bytes: 0 })),
      );
    });
    const res = await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
    if (!res || res.status() !== 200) throw new Error(`GET ${path} answered ${res?.status()} in the browser`);
    const all = await Promise.all(sizes);
    const unique = [...new Map(all.map((s) => [s.url, s])).values()].sort((a, b) => b.bytes - a.bytes);
    out[name] = {
      path,
      jsBytes: unique.reduce((sum, s) => sum + s.bytes, 0),
      scripts: unique.length,
      biggest: unique.slice(0, 5),
    };
    await context.close();
  };
  try {
    // One route at a time: with three at once on the bench's core, scripts a page
    // loads after hydration (an idle-time chunk) came after "network idle" and
    // were missed (Notes 150.8 KiB in 9 scripts instead of 151.4 in 10).
    for (const [name, route] of Object.entries(routes)) await measure(name, route);
    // In the order asked, for the table.
    return Object.fromEntries(Object.keys(routes).map((name) => [name, out[name]!]));
  } finally {
    await browser.close();
  }
}
