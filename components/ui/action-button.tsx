"use client";

import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction, type TFormAction } from "@/components/ui/use-action";

/**
 * One button that posts `fields` to `action` ("Revoke", "Pause", "Send a test
 * event"): its own pending label, an optional word once done, and a refusal
 * under it. `what` names the row for screen readers ("Revoke Bedside button").
 */
export function ActionButton<T>({
  action,
  fields,
  children,
  what,
  pendingLabel,
  done,
  className = "button button-secondary",
}: {
  action: TFormAction<T>;
  fields: Record<string, string>;
  children: ReactNode;
  what: string;
  pendingLabel: string;
  done?: string;
  className?: string;
}) {
  const t = useTranslations("ui");
  const { state, pending, formProps } = useAction(action);
  return (
    <form {...formProps}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pending={pending} pendingLabel={pendingLabel} className={className}>
        {t.rich("actionButton.label", {
          what,
          action: () => children,
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
        })}
      </SubmitButton>
      {done && state?.ok ? (
        <p role="status" className="small muted">
          {done}
        </p>
      ) : null}
      <FormError message={state && !state.ok ? state.message : undefined} />
    </form>
  );
}
