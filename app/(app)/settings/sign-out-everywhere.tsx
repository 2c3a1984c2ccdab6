"use client";

import { useActionState } from "react";
import { signOutEverywhereAction } from "@/lib/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";

/** Ends every session of this account (lost phone, shared tablet), after a second press. */
export function SignOutEverywhere() {
  const [state, formAction, isPending] = useActionState(signOutEverywhereAction, null);
  return (
    <div>
      <ConfirmAction
        trigger="Sign out of every device"
        question="Sign out of every device?"
        detail="You'll need to sign in again everywhere, this device included. Useful if a phone was lost or shared."
        confirm={
          <form action={formAction}>
            <SubmitButton pending={isPending} pendingLabel="Signing out…" className="button button-danger">
              Yes, sign out everywhere
            </SubmitButton>
          </form>
        }
      />
      <FormError message={state && !state.ok ? state.message : undefined} />
    </div>
  );
}
