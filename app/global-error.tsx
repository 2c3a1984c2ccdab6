"use client";

import { useEffect } from "react";
import { UNAVAILABLE_DIGEST } from "@/lib/outage-digest";

/**
 * The last boundary (the root layout itself failed): Attune's own calm page,
 * never Next's generic one. During an outage it retries by itself.
 */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const outage = error?.digest === UNAVAILABLE_DIGEST;
  useEffect(() => {
    if (!outage) return;
    const timer = setInterval(() => retry(), 5_000);
    return () => clearInterval(timer);
  }, [outage, retry]);

  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "32rem", margin: "3rem auto", padding: "0 1rem" }}>
        <h1>{outage ? "Attune is reconnecting" : "Something went wrong"}</h1>
        <p>
          {outage
            ? "Attune can't reach its database just now. This page will come back by itself. Nothing you saved is lost."
            : "That didn't load, and it isn't anything you did. Nothing you saved has been lost."}
        </p>
        <button type="button" onClick={() => retry()}>
          Try again
        </button>
      </body>
    </html>
  );
}
