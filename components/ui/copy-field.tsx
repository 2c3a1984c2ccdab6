"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** A read-only value (an invite link) with a Copy button and a visible "Copied" status. */
export function CopyField({ label, value, hint }: { label: string; value: string; hint?: string }) {
  const t = useTranslations("ui");
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
              {t("copy.button")}
            </button>
          </div>
          <p role="status" className="small" data-testid="copy-status">
            {status === "copied" ? <strong>{t("copy.copied")}</strong> : null}
            {status === "manual" ? t("copy.manual") : null}
          </p>
        </>
      )}
    </Field>
  );
}
