"use client";

import { useEffect, useRef, useState } from "react";
import { CopyField } from "@/components/ui/copy-field";

/**
 * The secret the last successful submission answered with, kept while the
 * form goes on (a later failed submission doesn't hide it). Read from the
 * action's state, not onSuccess: a form posted before JavaScript loaded comes
 * back as the result alone.
 */
export function useKeptSecret(latest: string | null | undefined): string | null {
  const [secret, setSecret] = useState<string | null>(null);
  useEffect(() => {
    if (latest) setSecret(latest);
  }, [latest]);
  return secret;
}

/**
 * A secret the server keeps only hashed or sealed (an API token, a webhook's
 * signing secret), shown this once with a Copy button, and focused so a
 * screen reader reads it out.
 */
export function SecretShownOnce({
  secret,
  label,
  hint,
  testId,
}: {
  secret: string;
  label: string;
  hint: string;
  testId: string;
}) {
  const shownRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    shownRef.current?.focus();
  }, [secret]);
  return (
    <div ref={shownRef} tabIndex={-1} className="card card-accent stack" data-testid={testId}>
      <CopyField key={secret} label={label} value={secret} hint={hint} />
    </div>
  );
}
