"use client";

import Link from "next/link";
import { confirmEmailChangeAction } from "@/lib/account/actions";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useAction } from "@/components/ui/use-action";

export function ConfirmEmailForm({ token, newEmail }: { token: string; newEmail: string }) {
  const { state, pending, formProps } = useAction(confirmEmailChangeAction);
  return (
    <form {...formProps} className="form" aria-label="Confirm your new address">
      <FormError message={state && !state.ok ? state.message : undefined} />
      <div role="status">
        {state?.ok ? (
          <Notice tone="success" testId="email-changed">
            Done. You sign in with {state.data.email} from now on.
          </Notice>
        ) : null}
      </div>
      {state?.ok ? (
        <p>
          <Link href="/settings">Back to Settings</Link>
        </p>
      ) : (
        <>
          <p>
            Use <strong>{newEmail}</strong> to sign in to Attune and for its emails?
          </p>
          <input type="hidden" name="token" value={token} />
          <SubmitButton pending={pending} pendingLabel="Saving…" className="button button-block">
            Yes, use this address
          </SubmitButton>
        </>
      )}
    </form>
  );
}
