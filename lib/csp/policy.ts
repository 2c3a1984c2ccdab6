// The Content-Security-Policy and transport headers every page gets, built
// per request by proxy.ts (docs/decisions/0020-csp.md says why each source is
// what it is). Pure: no Next, no database, so the proxy stays cheap and the
// policy is unit-tested (test/unit/csp-policy.test.ts).

/** Where browsers send violation reports (Reporting API and the older report-uri). */
export const CSP_REPORT_PATH = "/api/csp-report";
/** The Reporting-Endpoints group name the policy's report-to names. */
export const CSP_REPORT_GROUP = "csp";

/** A fresh nonce: 128 random bits, base64 (what `'nonce-…'` takes). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

type TPolicyOptions = {
  /** `next dev` only: React rebuilds server error stacks with eval. Never in production. */
  dev?: boolean;
};

/**
 * The policy for one response. Scripts: only those carrying this response's
 * nonce, and what they load ('strict-dynamic'); no eval, no inline handlers.
 * Style elements: our own stylesheets and nonced <style>; style attributes
 * stay allowed (React renders `style={…}` props as attributes, and an attribute
 * cannot run script). Everything else: our own origin, or nothing.
 */
export function contentSecurityPolicy(nonce: string, opts: TPolicyOptions = {}): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(opts.dev ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", `'nonce-${nonce}'`],
    "style-src-elem": ["'self'", `'nonce-${nonce}'`],
    "style-src-attr": ["'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "object-src": ["'none'"],
    "report-uri": [CSP_REPORT_PATH],
    "report-to": [CSP_REPORT_GROUP],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

/** `Reporting-Endpoints`: the group the policy's report-to names. */
export const reportingEndpoints = (): string => `${CSP_REPORT_GROUP}="${CSP_REPORT_PATH}"`;

type THstsEnv = { AUTH_URL?: string; ATTUNE_HSTS?: string };

/**
 * Strict-Transport-Security, only where the site is served over TLS (AUTH_URL
 * is https) or the operator says so (ATTUNE_HSTS=1): sent over plain http on
 * localhost it would do nothing, and a wrong one locks browsers out for two years.
 */
export function hstsHeader(env: THstsEnv): string | null {
  const https = /^https:\/\//i.test(env.AUTH_URL?.trim() ?? "");
  if (!https && env.ATTUNE_HSTS !== "1") return null;
  return "max-age=63072000; includeSubDomains";
}
