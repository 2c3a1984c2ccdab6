"use client";

import { deleteAccountAction } from "@/lib/account/actions";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { PasswordField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

const FIELDS = ["currentPassword"] as const;

/**
 * Settings: "Delete my account", after a second press and the current
 * password. Says what goes and what stays (docs/decisions/0030); the only
 * member is told the household goes too.
 */
export function DeleteAccountForm({ onlyMember, keepsName }: { onlyMember: boolean; keepsName: boolean }) {
  const { state, pending, formProps } = useAction(deleteAccountAction);
  const stays = onlyMember
    ? "You're the only member, so your household and everything in it is deleted too. Export your data first if you want a copy."
    : `What you did in the household stays for the others: your nights, wakings, notes and shared check-ins, shown ${
        keepsName ? "under your name (your household chose to keep names)" : "as “a former caregiver”"
      }.`;
  return (
    <div className="stack">
      <p className="small">
        Deleting your account removes your name, email and password, your private check-ins, your devices for
        notifications, your calendar feed and API tokens. {stays} This can&apos;t be undone.
      </p>
      <ConfirmAction
        trigger="Delete my account"
        question="Delete your account for good?"
        detail={stays}
        confirm={
          <form {...formProps} className="form" noValidate aria-label="Delete my account">
            <FormError message={formError(state, FIELDS)} />
            <PasswordField
              label="Your password"
              name="currentPassword"
              autoComplete="current-password"
              required
              errors={fieldErrors(state, "currentPassword")}
            />
            <SubmitButton pending={pending} pendingLabel="Deleting…" className="button button-danger">
              Yes, delete my account
            </SubmitButton>
          </form>
        }
      />
    </div>
  );
}
