"use client";

import { useState, type ReactNode } from "react";
import { leaveHouseholdAction, revokeInviteAction } from "@/lib/household/actions";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction, type TFormAction } from "@/components/ui/use-action";

/**
 * A hard-to-undo household action behind a confirm step, like ConfirmRemove
 * (components/ui) but with its own words: the confirm button posts `fields`,
 * says what is happening meanwhile, and a refusal shows beneath it.
 */
function ConfirmStep<T>({
  action,
  fields,
  trigger,
  triggerClassName,
  question,
  detail,
  confirmLabel,
  pendingLabel,
  onSuccess,
}: {
  action: TFormAction<T>;
  fields: Record<string, string>;
  trigger: ReactNode;
  /** The first button's look; ConfirmAction's secondary button unless given. */
  triggerClassName?: string;
  question: string;
  detail: string;
  confirmLabel: string;
  pendingLabel: string;
  /** Where to go once it worked; without it the question closes. */
  onSuccess?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useAction(action, {
    onSuccess: () => (onSuccess ? onSuccess() : setOpen(false)),
  });
  return (
    <div className="member-actions">
      <ConfirmAction
        open={open}
        onOpenChange={setOpen}
        trigger={trigger}
        triggerClassName={triggerClassName}
        question={question}
        detail={detail}
        confirm={
          <form {...formProps}>
            {Object.entries(fields).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <SubmitButton pending={pending} pendingLabel={pendingLabel} className="button button-danger">
              {confirmLabel}
            </SubmitButton>
          </form>
        }
      />
      <FormError message={state && !state.ok ? state.message : undefined} />
    </div>
  );
}

export function LeaveHousehold({ householdId, householdName }: { householdId: string; householdName: string }) {
  const router = useRouter();
  const t = useTranslations("household.leave");
  return (
    <ConfirmStep
      action={leaveHouseholdAction}
      fields={{ householdId }}
      trigger={t("trigger")}
      triggerClassName="button button-quiet button-quiet-danger"
      question={t("question", { name: householdName })}
      detail={t("detail")}
      confirmLabel={t("confirm")}
      pendingLabel={t("pending")}
      onSuccess={() => router.replace("/onboarding")}
    />
  );
}

export function RevokeInvite({
  householdId,
  inviteId,
  description,
}: {
  householdId: string;
  inviteId: string;
  description: string;
}) {
  const t = useTranslations("household.revokeInvite");
  return (
    <ConfirmStep
      action={revokeInviteAction}
      fields={{ householdId, inviteId }}
      trigger={t.rich("trigger", {
        description,
        hidden: (chunks) => <span className="sr-only">{chunks}</span>,
      })}
      question={t("question")}
      detail={t("detail")}
      confirmLabel={t("confirm")}
      pendingLabel={t("pending")}
    />
  );
}
