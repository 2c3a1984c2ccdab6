"use client";

import { signOutEverywhereAction } from "@/lib/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";

/** Ends every session of this account (lost phone, shared tablet), after a second press. */
export function SignOutEverywhere() {
  const { state, pending, formProps } = useAction(signOutEverywhereAction);
  return (
    <div>
      <ConfirmAction
        trigger="Sign out of every device"
        question="Sign out of every device?"
        detail="You'll need to sign in again everywhere, this device included. Useful if a phone was lost or shared."
        confirm={
          <form {...formProps}>
            <SubmitButton pending={pending} pendingLabel="Signing out…" className="button button-danger">
              Yes, sign out everywhere
            </SubmitButton>
          </form>
        }
      />
      <FormError message={state && !state.ok ? state.message : undefined} />
    </div>
  );
}
