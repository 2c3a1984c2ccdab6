import type { Metadata } from "next";
import { MoonIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Offline" };

// Precached by the service worker (app/sw.ts) and shown for any page that was
// never loaded on this phone while the connection is down. No data; rendered
// per request only for the Content-Security-Policy's nonce (proxy.ts).
export const dynamic = "force-dynamic";

export default function OfflinePage() {
  return (
    <main id="main" className="page" style={{ maxWidth: "32rem", margin: "0 auto", padding: "2rem 1rem" }}>
      <section className="card" aria-labelledby="offline-heading" data-testid="offline-page">
        <span className="eyebrow">
          <MoonIcon size={18} /> No connection
        </span>
        <h1 id="offline-heading">You&apos;re offline.</h1>
        <p>Tonight still works from this phone; other pages come back with the connection.</p>
        <p>
          <a href="/tonight" className="button">
            Open Tonight
          </a>
        </p>
      </section>
    </main>
  );
}
