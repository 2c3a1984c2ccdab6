import type { IncomingMessage, ServerResponse } from "node:http";
import { negotiateLocale, type TLocale } from "@/lib/i18n/locales";
import type { TTranslate } from "@/lib/i18n/text";
import { translatorFor } from "@/lib/i18n/translate";

// During a database outage a full page load would reach Next, fail to read the
// session and end on Next's generic 500 page. Instead (#12), each server
// process remembers that the database was found unreachable (lib/db.ts calls
// markOutage/markHealthy), and while that is so a page load is answered here:
// 503, Retry-After, and a small page of our own that tries again by itself.
// Before answering, one probe (a trivial statement, shared by all requests in
// flight, at most once a second) asks whether the database is back, so the
// first load after it returns goes through. Client navigations and actions
// are not answered here: the app's own boundary and results handle those.

/** Seconds a browser (or a proxy) should wait before loading again. */
export const RETRY_AFTER_SECONDS = 5;
const PROBE_EVERY_MS = 1_000;

const g = globalThis as unknown as {
  attuneOutage?: { since: number | null; probe?: Promise<boolean>; probedAt: number };
};
const state = (g.attuneOutage ??= { since: null, probedAt: 0 });

/** lib/db.ts: a statement failed because the database could not be reached. */
export function markOutage(): void {
  state.since ??= Date.now();
}

/** lib/db.ts: a statement succeeded. */
export function markHealthy(): void {
  state.since = null;
}

export function inOutage(): boolean {
  return state.since !== null;
}

/** A browser's full page load (not a client navigation's RSC fetch, not a script or an API call). */
function isPageLoad(req: IncomingMessage): boolean {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  if (req.headers.rsc || req.headers["next-router-prefetch"]) return false;
  const path = req.url ?? "/";
  if (path.startsWith("/_next/") || path.startsWith("/api/")) return false;
  return (req.headers.accept ?? "").includes("text/html");
}

/** Text for HTML: the words come from the catalogue. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page in one language (lang and words from the catalogue's server-only "app" namespace). */
function page(locale: TLocale, t: TTranslate): string {
  const w = (key: string) => escapeHtml(t(`app.outage.${key}`));
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">
<meta name="color-scheme" content="dark light">
<title>${w("title")}</title>
<style>body{font:1.125rem/1.5 system-ui,sans-serif;margin:0;min-height:100vh;display:grid;place-items:center;background:#14121a;color:#efe9f7}
main{max-width:28rem;padding:1.5rem}h1{font-size:1.5rem;margin:0 0 .5rem}p{margin:.5rem 0;color:#cfc6dc}
@media (prefers-color-scheme: light){body{background:#faf8fc;color:#221d2b}p{color:#4a4256}}</style>
</head><body><main>
<h1>${w("heading")}</h1>
<p role="status">${w("status")}</p>
<p>${w("kept")}</p>
</main></body></html>`;
}

const pages = new Map<TLocale, Promise<string>>();

/** The page in the reader's language (their browser's Accept-Language; en-GB when none fits), made once per language. */
function pageFor(req: IncomingMessage): Promise<string> {
  const locale = negotiateLocale(req.headers["accept-language"]);
  let p = pages.get(locale);
  if (!p) {
    p = translatorFor(locale).then((t) => page(locale, t));
    p.catch(() => pages.delete(locale));
    pages.set(locale, p);
  }
  return p;
}

async function answer503(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The catalogue is a local file; should it fail to load, the status and Retry-After still say it all.
  const body = req.method === "HEAD" ? undefined : await pageFor(req).catch(() => "");
  res.writeHead(503, {
    "content-type": "text/html; charset=utf-8",
    "content-language": negotiateLocale(req.headers["accept-language"]),
    "retry-after": String(RETRY_AFTER_SECONDS),
    "cache-control": "no-store",
  });
  res.end(body);
}

/** One probe at a time, at most once a second; true when the database answered. */
function probeOnce(probe: () => Promise<unknown>): Promise<boolean> {
  if (state.probe) return state.probe;
  if (Date.now() - state.probedAt < PROBE_EVERY_MS) return Promise.resolve(!inOutage());
  state.probedAt = Date.now();
  state.probe = probe()
    .then(
      () => (markHealthy(), true),
      () => (markOutage(), false),
    )
    .finally(() => (state.probe = undefined));
  return state.probe;
}

/**
 * For the process's request hook (lib/auth/peer-address.ts): true when the
 * request was taken here; `pass` hands it on to Next once the probe says the
 * database is back.
 */
export function holdPageDuringOutage(
  req: IncomingMessage,
  res: ServerResponse,
  pass: () => void,
  probe: () => Promise<unknown>,
): boolean {
  if (!inOutage() || !isPageLoad(req)) return false;
  void probeOnce(probe).then((up) => (up ? pass() : answer503(req, res)));
  return true;
}
