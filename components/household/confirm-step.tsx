"use client";

import { useState, type ReactNode } from "react";
import { leaveHouseholdAction, revokeInviteAction } from "@/lib/household/actions";
import { useRouter } from "next/navigation";
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
  return (
    <ConfirmStep
      action={leaveHouseholdAction}
      fields={{ householdId }}
      trigger="Leave household"
      triggerClassName="button button-quiet button-quiet-danger"
      question={`Leave ${householdName}?`}
      detail="You'll stop seeing its nights and notes. To come back, you'll need a new invite."
      confirmLabel="Yes, leave"
      pendingLabel="Leaving…"
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
  return (
    <ConfirmStep
      action={revokeInviteAction}
      fields={{ householdId, inviteId }}
      trigger={
        <>
          Revoke<span className="sr-only"> {description}</span>
        </>
      }
      question="Revoke this invite?"
      detail="The link will stop working. You can always create a new one."
      confirmLabel="Yes, revoke"
      pendingLabel="Revoking…"
    />
  );
}
