"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { LIVE_REFRESH_EVENT, UNAVAILABLE_DIGEST } from "@/lib/outage-digest";

/**
 * While the database is away: read again after 1 s, then 2, 4, and every 5 s until the page comes
 * back. Capped low: a blip is seconds long and the parent is waiting (with a 15 s cap, Tonight could sit
 * on "Reconnecting…" that long after the database was back; the outage drill once waited 20 s).
 */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 5_000;

/**
 * A render failed. When it is an outage (the database restarting: a digest
 * set by lib/db.ts survives production masking) this is a small
 * "reconnecting…" line that keeps retrying by itself and disappears when the
 * page renders again. Anything else gets the apology with "Try again" (Next's
 * `retry`: router.refresh() and a reset of this boundary, so it recovers too).
 */
export default function AppError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const t = useTranslations("errorPage");
  const outage = error?.digest === UNAVAILABLE_DIGEST;
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!outage) console.error(error);
  }, [error, outage]);

  useEffect(() => {
    if (!outage) return;
    const wait = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** attempt);
    const timer = setTimeout(() => {
      setAttempt((a) => a + 1);
      retry();
    }, wait);
    // Back online, or the live channel is back (or brought news): no need to wait out the backoff.
    const now = () => retry();
    window.addEventListener("online", now);
    window.addEventListener(LIVE_REFRESH_EVENT, now);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("online", now);
      window.removeEventListener(LIVE_REFRESH_EVENT, now);
    };
  }, [outage, attempt, retry]);

  if (outage) {
    return (
      <div className="page">
        <p role="status" aria-live="polite" className="small" data-testid="reconnecting">
          {t("reconnecting")}
        </p>
      </div>
    );
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
      </div>
      <div className="cluster">
        <button type="button" className="button" onClick={() => retry()}>
          {t("retry")}
        </button>
        <Link href="/tonight" className="button button-secondary">
          {t("goToTonight")}
        </Link>
      </div>
    </div>
  );
}
