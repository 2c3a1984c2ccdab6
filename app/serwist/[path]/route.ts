import { createSerwistRoute } from "@serwist/turbopack";

// Serves the service worker (built from app/sw.ts by esbuild at `next build`)
// at /serwist/sw.js, with its precache manifest injected. See
// docs/decisions/0014-service-worker.md.
const revision = process.env.ATTUNE_BUILD_ID ?? crypto.randomUUID();

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: "app/sw.ts",
  // esbuild is already in the tree (tsx, vitest); the native build is fast and needs no WebAssembly.
  useNativeEsbuild: true,
  // The offline page is precached so a never-visited page has something kind to show.
  additionalPrecacheEntries: [{ url: "/~offline", revision }],
});
