"use client";

import { useRef, useState } from "react";
import { Field } from "@/components/ui/field";

/** A read-only value (an invite link) with a Copy button and a visible "Copied" status. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("copied");
    } catch {
      // No clipboard (e.g. not a secure context): select it so it can be copied by hand.
      inputRef.current?.select();
      setStatus("manual");
    }
  }

  return (
    <Field label={label} hint={hint}>
      {(control) => (
        <>
          <div className="copy-row">
            <input
              {...control}
              ref={inputRef}
              type="url"
              readOnly
              value={value}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button type="button" className="button" onClick={copy}>
              Copy link
            </button>
          </div>
          <p role="status" className="small" data-testid="copy-status">
            {status === "copied" ? <strong>Copied</strong> : null}
            {status === "manual" ? "Couldn't copy automatically. The link is selected: copy it from there." : null}
          </p>
        </>
      )}
    </Field>
  );
}
