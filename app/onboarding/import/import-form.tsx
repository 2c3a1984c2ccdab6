"use client";

import { useMemo } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { HOUSEHOLD_FIELDS, HouseholdFields } from "@/components/household/household-fields";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import type { TErrorCode, TResult } from "@/lib/errors";

type TImported = { householdId: string; counts: Record<string, number> };

/** What the form says itself when the server's answer carries no message of its own. */
type TImportMessages = { tooBig: string; unreadable: string };

/**
 * The upload is a route (POST /api/import), not a server action: a file of
 * years is over the 1 MB an action may carry. useAction still runs it, so the
 * form behaves like every other one (pending, errors, focus).
 */
async function postImport(messages: TImportMessages, form: FormData): Promise<TResult<TImported>> {
  const res = await fetch("/api/import", { method: "POST", body: form });
  const body = (await res.json().catch(() => null)) as
    | { householdId: string; counts: Record<string, number>; error?: undefined }
    | { error: string; code: TErrorCode; fieldErrors?: Record<string, string[]> }
    | null;
  if (res.status === 413) return { ok: false, code: "invalid", message: messages.tooBig };
  if (!body) return { ok: false, code: "invalid", message: messages.unreadable };
  if (body.error === undefined) return { ok: true, data: { householdId: body.householdId, counts: body.counts } };
  return { ok: false, code: body.code, message: body.error, fieldErrors: body.fieldErrors };
}

/** The problems the server found, by their place in the file ("wakings.3.responderId"). */
function Problems({ state }: { state: TResult<TImported> | null }) {
  const t = useTranslations("onboarding.import.form");
  if (!state || state.ok || !state.fieldErrors) return null;
  const rows = Object.entries(state.fieldErrors).filter(
    ([path]) => path !== "file" && !HOUSEHOLD_FIELDS.includes(path as never),
  );
  if (!rows.length) return null;
  return (
    <div className="notice notice-error" data-testid="import-problems">
      <p>{t("problems", { count: rows.length })}</p>
      <ul>
        {rows.map(([path, messages]) => (
          <li key={path}>
            <code>{path}</code>: {messages.join(" ")}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ImportForm({ defaultName, zones }: { defaultName: string; zones: string[] }) {
  const t = useTranslations("onboarding.import.form");
  const router = useRouter();
  const tooBig = t("tooBig");
  const unreadable = t("unreadable");
  const action = useMemo(
    () => (_prev: TResult<TImported> | null, form: FormData) => postImport({ tooBig, unreadable }, form),
    [tooBig, unreadable],
  );
  const { state, pending, formProps } = useAction(action, { onSuccess: () => router.push("/onboarding") });
  const done = Boolean(state?.ok);
  return (
    <form {...formProps} className="form" noValidate aria-label={t("label")} encType="multipart/form-data">
      <FormError message={formError(state, [...HOUSEHOLD_FIELDS, "file"])} />
      <Field label={t("file")} hint={t("fileHint")} errors={fieldErrors(state, "file")}>
        {(control) => <input {...control} type="file" name="file" accept=".json,application/json" required />}
      </Field>
      <Problems state={state} />
      <fieldset>
        <legend>{t("babyBuddyLegend")}</legend>
        <p className="hint">{t("babyBuddyHint")}</p>
        <HouseholdFields
          defaults={{ name: defaultName, nightStart: "19:00", nightEnd: "07:00" }}
          zones={zones}
          state={state}
        />
      </fieldset>
      <SubmitButton
        pending={pending || done}
        pendingLabel={done ? t("imported") : t("pending")}
        className="button button-block"
      >
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
