"use client";

import { acceptInviteAction } from "@/lib/household/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError, useAction } from "@/components/ui/use-action";

export function JoinForm({ token, householdName }: { token: string; householdName: string }) {
  const { state, pending, formProps } = useAction(acceptInviteAction);
  return (
    <form {...formProps} className="form" aria-label={`Join ${householdName}`}>
      <FormError message={formError(state, [])} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Joining…" className="button button-block">
        Join {householdName}
      </SubmitButton>
    </form>
  );
}
