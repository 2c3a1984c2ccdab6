// Active since #12 stop 21: the e2e suite (64 tests) runs under this policy with
// e2e/csp-guard.ts failing any test that meets a violation. The sign-up failure
// that kept it parked (docs/decisions/0020-csp.md) no longer happens: sign-up
// now ends on sign-in without setting a cookie, and sign-in's action passes.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, hstsHeader, newNonce, reportingEndpoints } from "@/lib/csp/policy";

// Next 16's request proxy (formerly middleware): a fresh nonce and the
// Content-Security-Policy for every page and server action, as Next documents
// (docs/decisions/0020-csp.md). Next reads the nonce from the request's CSP
// header and puts it on its own scripts. Cheap on purpose: no database, no
// session; it never runs on static files, the service worker or /api (see
// `config.matcher`), whose headers come from next.config.ts.
export function proxy(request: NextRequest) {
  // Not a document: a server action post or an RSC payload (client navigation,
  // an action's redirect) carries no HTML for a nonce to protect.
  if (request.method !== "GET" || request.headers.has("rsc") || request.headers.has("next-action"))
    return NextResponse.next();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("Reporting-Endpoints", reportingEndpoints());
  const hsts = hstsHeader({ AUTH_URL: process.env.AUTH_URL, ATTUNE_HSTS: process.env.ATTUNE_HSTS });
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but build output, the service worker, route handlers and files from public/.
      source:
        "/((?!_next/static|_next/image|serwist/|api/|favicon\\.ico|manifest\\.webmanifest|.*\\.(?:png|svg|ico|txt|webmanifest|js|css|map)$).*)",
      missing: [
        // Server action posts answer with an RSC payload, not a document: no policy to carry, and
        // Next's action redirect (setting cookies, then rendering the target) fails behind a proxy.
        { type: "header", key: "next-action" },
        { type: "header", key: "rsc" },
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
