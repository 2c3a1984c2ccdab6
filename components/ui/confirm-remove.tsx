"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction, type TFormAction } from "@/components/ui/use-action";

/**
 * "Remove", then "Yes, remove" beside a question: the one confirm step for
 * deleting a shift, a waking, a note or a stretch of unavailability. The form
 * posts `fields` to `action`; a refusal shows beneath it.
 */
export function ConfirmRemove<T>({
  action,
  what,
  question,
  detail,
  fields,
  triggerClassName,
}: {
  action: TFormAction<T>;
  what: string;
  question: string;
  detail: string;
  fields: Record<string, string>;
  /** The "Remove" button's look; e.g. "row-menu-item danger" inside a RowMenu. */
  triggerClassName?: string;
}) {
  const t = useTranslations("ui");
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useAction(action);
  return (
    <div className="confirm-remove">
      <ConfirmAction
        open={open}
        onOpenChange={setOpen}
        triggerClassName={triggerClassName}
        trigger={t.rich("remove.trigger", {
          what,
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
        })}
        question={question}
        detail={detail}
        confirm={
          <form {...formProps} aria-label={t("remove.formLabel", { what })}>
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <SubmitButton pending={pending} pendingLabel={t("remove.pending")} className="button button-danger">
              {t("remove.confirm")}
            </SubmitButton>
          </form>
        }
      />
      <FormError message={state && !state.ok ? state.message : undefined} testId="remove-error" />
    </div>
  );
}
