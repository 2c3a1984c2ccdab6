"use client";

import Link from "next/link";
import { useEffect } from "react";

export default function AppError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div className="page">
      <div className="page-header">
        <h1>Something went wrong</h1>
        <p>That didn&apos;t load, and it isn&apos;t anything you did. Nothing you saved has been lost.</p>
      </div>
      <div className="cluster">
        <button type="button" className="button" onClick={() => retry()}>
          Try again
        </button>
        <Link href="/tonight" className="button button-secondary">
          Go to Tonight
        </Link>
      </div>
    </div>
  );
}
