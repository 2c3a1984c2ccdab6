"use client";

import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { createInviteAction } from "@/lib/household/actions";
import type { Role } from "@/lib/generated/prisma/enums";
import { CopyField } from "@/components/ui/copy-field";
import { FieldError } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { useFormat } from "@/components/format-provider";
import { localDateOf } from "@/lib/time/local-date";

/** The roles offered, first one ticked; their words are the catalogue's `<role>Label` and `<role>Description`. */
const ROLES = ["parent", "helper"] as const satisfies readonly Role[];

type TCreated = { url: string; expires: string; role: Role };

/**
 * Parents make a single-use invite link. The link exists only in this
 * response (the server keeps a hash), so it is shown once, with Copy.
 */
export function InviteForm({ householdId, timeZone }: { householdId: string; timeZone: string }) {
  const t = useTranslations("household.inviteForm");
  const f = useFormat();
  const id = useId();
  const [created, setCreated] = useState<TCreated | null>(null);
  const { state, pending, formProps } = useAction(createInviteAction, {
    onSuccess: (data) => {
      setCreated({
        url: `${window.location.origin}${data.path}`,
        // In the household's zone and words, like every other date in Attune.
        expires: f.longDay(localDateOf(data.expiresAt, timeZone)),
        role: data.role,
      });
    },
  });
  const roleErrors = fieldErrors(state, "role");

  return (
    <div className="stack">
      <form {...formProps} className="form" noValidate aria-label={t("formLabel")}>
        <FormError message={formError(state, ["role"])} />
        <input type="hidden" name="householdId" value={householdId} />
        <fieldset aria-describedby={roleErrors ? `${id}-role-error` : undefined}>
          <legend>{t("legend")}</legend>
          <div className="choices">
            {ROLES.map((role, i) => (
              <div className="choice" key={role}>
                <input
                  type="radio"
                  id={`${id}-${role}`}
                  name="role"
                  value={role}
                  defaultChecked={i === 0}
                  aria-describedby={`${id}-${role}-desc`}
                />
                <span>
                  <label htmlFor={`${id}-${role}`} className="choice-label">
                    <strong>{t(`${role}Label`)}</strong>
                  </label>
                  <span className="muted" id={`${id}-${role}-desc`}>
                    {t(`${role}Description`)}
                  </span>
                </span>
              </div>
            ))}
          </div>
          <FieldError id={`${id}-role-error`} messages={roleErrors} />
        </fieldset>
        <SubmitButton pending={pending} pendingLabel={t("pending")}>
          {t("submit")}
        </SubmitButton>
      </form>
      {created && state?.ok ? (
        <div className="card card-accent" data-testid="invite-created">
          <CopyField
            key={created.url}
            label={t("linkLabel", { role: created.role })}
            value={created.url}
            hint={t("linkHint", { date: created.expires })}
          />
        </div>
      ) : null}
    </div>
  );
}
