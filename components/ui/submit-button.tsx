"use client";

import type { ReactNode } from "react";

/**
 * A submit button that says what is happening while the server works. It
 * stays focusable (aria-disabled rather than disabled) so keyboard focus isn't lost.
 */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
  className = "button",
  name,
  value,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  return (
    <button
      type="submit"
      className={className}
      aria-disabled={pending || undefined}
      name={name}
      value={value}
      onClick={(e) => {
        if (pending) e.preventDefault();
      }}
    >
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
