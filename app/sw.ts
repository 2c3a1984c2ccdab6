/// <reference lib="webworker" />
// The service worker: built by @serwist/turbopack (app/serwist/[path]/route.ts)
// and served at /serwist/sw.js with scope "/". See docs/decisions/0014.
//
// What is cached, and what never is:
// - the precache: Next's static chunks (the app shell and Tonight's scripts and
//   styles), public/ (icons) and the offline page;
// - /tonight, the document only: network first with a 3 s timeout, falling back
//   to the last copy, so Tonight opens offline with its last known state;
// - nothing under /api/ (household data, the live channel), no POST, no RSC
//   payloads: they always go to the network;
// - any other page never loaded: the offline page.
import type { PrecacheEntry, SerwistGlobalConfig } from "serwist";
import { CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, StaleWhileRevalidate } from "serwist";
import { flushQueue, SYNC_TAG } from "@/lib/offline/queue";
import { handleNotificationClick, handlePush } from "@/lib/push/sw-push";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

// Only Tonight's own address: "/" redirects, and a redirected response must not answer a navigation.
const TONIGHT_PAGES = new Set(["/tonight"]);

const isDocument = (request: Request) => request.mode === "navigate" || request.destination === "document";

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    // Household data and the live channel: never cached.
    { matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/api/"), handler: new NetworkOnly() },
    // Tonight's page document: the network when it answers within 3 s, else the last copy.
    {
      matcher: ({ request, sameOrigin, url }) =>
        sameOrigin && isDocument(request) && TONIGHT_PAGES.has(url.pathname) && !request.headers.has("RSC"),
      handler: new NetworkFirst({
        cacheName: "attune-tonight",
        networkTimeoutSeconds: 3,
        plugins: [new ExpirationPlugin({ maxEntries: 4 })],
      }),
    },
    // Built assets are content-hashed: cache first.
    {
      matcher: ({ sameOrigin, url }) => sameOrigin && url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({ cacheName: "attune-static", plugins: [new ExpirationPlugin({ maxEntries: 200 })] }),
    },
    // Icons and the manifest.
    {
      matcher: ({ sameOrigin, url }) =>
        sameOrigin && (/\.(?:png|svg|ico|webmanifest)$/.test(url.pathname) || url.pathname === "/manifest.webmanifest"),
      handler: new StaleWhileRevalidate({
        cacheName: "attune-icons",
        plugins: [new ExpirationPlugin({ maxEntries: 20 })],
      }),
    },
    // Every other page: the network only; offline, the fallback below.
    { matcher: ({ request, sameOrigin }) => sameOrigin && isDocument(request), handler: new NetworkOnly() },
  ],
  fallbacks: {
    entries: [{ url: "/~offline", matcher: ({ request }) => isDocument(request) }],
  },
});

serwist.addEventListeners();

// Signed out (the sign-in page says so): forget the last Tonight, which holds the household's names.
self.addEventListener("message", (event) => {
  if ((event.data as { type?: string } | null)?.type === "attune-forget-tonight")
    event.waitUntil(caches.delete("attune-tonight"));
});

// Night-log taps queued offline (lib/offline/queue.ts): Background Sync sends
// them when the connection is back, even if no Attune tab is open.
type TSyncEvent = ExtendableEvent & { tag: string };
self.addEventListener("sync" as keyof ServiceWorkerGlobalScopeEventMap, (event) => {
  const sync = event as unknown as TSyncEvent;
  if (sync.tag === SYNC_TAG) sync.waitUntil(flushQueue());
});

// Web Push (lib/push): the tap-out and what is asked of you, shown even when
// no Attune tab is open; a tap opens the right screen.
self.addEventListener("push", handlePush);
self.addEventListener("notificationclick", handleNotificationClick);
