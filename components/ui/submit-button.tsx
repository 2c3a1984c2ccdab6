"use client";

import type { ReactNode } from "react";

/**
 * A submit button that says what is happening while the server works. It
 * stays focusable (aria-disabled rather than disabled) so keyboard focus isn't lost.
 * `disabled`: not yet (a confirmation still to type); the same look, and the server still judges.
 */
export function SubmitButton({
  pending,
  children,
  pendingLabel,
  className = "button",
  name,
  value,
  disabled = false,
}: {
  pending: boolean;
  children: ReactNode;
  pendingLabel?: string;
  className?: string;
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="submit"
      className={className}
      aria-disabled={pending || disabled || undefined}
      name={name}
      value={value}
      onClick={(e) => {
        if (pending || disabled) e.preventDefault();
      }}
    >
      {pending ? <span className="spinner" aria-hidden="true" /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
