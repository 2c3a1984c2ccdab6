"use client";

import { useId, useState } from "react";
import { createInviteAction } from "@/lib/household/actions";
import type { Role } from "@/lib/generated/prisma/enums";
import { CopyField } from "@/components/ui/copy-field";
import { FieldError } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { longDay } from "@/lib/format";
import { localDateOf } from "@/lib/time/local-date";

const ROLES = [
  { value: "parent", label: "Parent", description: "Shares the nights and can change the household." },
  {
    value: "helper",
    label: "Helper",
    description: "A grandparent or night nanny: takes shifts and logs, but can't change the household.",
  },
] as const satisfies readonly { value: Role; label: string; description: string }[];

type TCreated = { url: string; expires: string; role: Role };

/**
 * Parents make a single-use invite link. The link exists only in this
 * response (the server keeps a hash), so it is shown once, with Copy.
 */
export function InviteForm({ householdId, timeZone }: { householdId: string; timeZone: string }) {
  const id = useId();
  const [created, setCreated] = useState<TCreated | null>(null);
  const { state, pending, formProps } = useAction(createInviteAction, {
    onSuccess: (data) => {
      setCreated({
        url: `${window.location.origin}${data.path}`,
        // In the household's zone and words, like every other date in Attune.
        expires: longDay(localDateOf(data.expiresAt, timeZone)),
        role: data.role,
      });
    },
  });
  const roleErrors = fieldErrors(state, "role");

  return (
    <div className="stack">
      <form {...formProps} className="form" noValidate aria-label="Create an invite link">
        <FormError message={formError(state, ["role"])} />
        <input type="hidden" name="householdId" value={householdId} />
        <fieldset aria-describedby={roleErrors ? `${id}-role-error` : undefined}>
          <legend>Invite them as</legend>
          <div className="choices">
            {ROLES.map((r, i) => (
              <div className="choice" key={r.value}>
                <input
                  type="radio"
                  id={`${id}-${r.value}`}
                  name="role"
                  value={r.value}
                  defaultChecked={i === 0}
                  aria-describedby={`${id}-${r.value}-desc`}
                />
                <span>
                  <label htmlFor={`${id}-${r.value}`} className="choice-label">
                    <strong>{r.label}</strong>
                  </label>
                  <span className="muted" id={`${id}-${r.value}-desc`}>
                    {r.description}
                  </span>
                </span>
              </div>
            ))}
          </div>
          <FieldError id={`${id}-role-error`} messages={roleErrors} />
        </fieldset>
        <SubmitButton pending={pending} pendingLabel="Creating link…">
          Create invite link
        </SubmitButton>
      </form>
      {created && state?.ok ? (
        <div className="card card-accent" data-testid="invite-created">
          <CopyField
            key={created.url}
            label={`Invite link for a ${created.role}`}
            value={created.url}
            hint={`It works once, until ${created.expires}. We only show it now, so copy it and send it in a message.`}
          />
        </div>
      ) : null}
    </div>
  );
}
