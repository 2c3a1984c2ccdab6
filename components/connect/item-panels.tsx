"use client";

import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { checkOffNoteAction, removePlanItemAction, skipPlanItemAction } from "@/lib/connect/actions";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction, type TFormAction } from "@/components/ui/use-action";
import { TextField } from "@/components/ui/field";
import { Hidden, type THandle, type TRef } from "./item-actions";
import styles from "./connect.module.css";

/**
 * A quiet button that opens a small form under it (never one accidental tap):
 * skip, how it went, remove. The form closes and the plan is read again once
 * the server says yes; a refusal shows in the form.
 */
function PanelForm<T>({
  r,
  action,
  label,
  formClassName,
  panelClassName,
  children,
}: {
  r: TRef;
  action: TFormAction<T>;
  label: ReactNode;
  formClassName?: string;
  panelClassName?: string;
  children: (handle: THandle, close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const handle = useAction(action, {
    onSuccess: () => {
      setOpen(false);
    },
  });
  const panel = useId();
  return (
    <div>
      <button
        type="button"
        className="button button-quiet"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        {label}
        <span className="sr-only">: {r.activityName}</span>
      </button>
      <div id={panel} hidden={!open} className={panelClassName}>
        {open ? (
          <form {...handle.formProps} className={formClassName}>
            <Hidden r={r} />
            {children(handle, () => setOpen(false))}
          </form>
        ) : null}
      </div>
    </div>
  );
}

/** "Skip today", with an optional reason. */
export function SkipForm({ r }: { r: TRef }) {
  const t = useTranslations("connect.actions");
  return (
    <PanelForm r={r} action={skipPlanItemAction} label={t("skip")} formClassName={styles.inlineForm}>
      {({ state, pending }) => (
        <>
          <TextField
            label={t("reason")}
            name="reason"
            maxLength={200}
            className="input"
            errors={fieldErrors(state, "reason")}
          />
          <SubmitButton pending={pending} className="button button-secondary">
            {t("skipThisDay")}
          </SubmitButton>
          <FormError message={formError(state, ["reason"])} testId="skip-error" />
        </>
      )}
    </PanelForm>
  );
}

/** The optional "how it went" line on a done item. */
export function HowItWent({ r, note }: { r: TRef; note: string | null }) {
  const t = useTranslations("connect.actions");
  return (
    <PanelForm
      r={r}
      action={checkOffNoteAction}
      label={note ? t("changeHowItWent") : t("addHowItWent")}
      formClassName={styles.inlineForm}
    >
      {({ state, pending }) => (
        <>
          <TextField
            label={t("howItWent")}
            name="note"
            defaultValue={note ?? ""}
            maxLength={200}
            className="input"
            errors={fieldErrors(state, "note")}
          />
          <SubmitButton pending={pending} className="button button-secondary">
            {t("save")}
          </SubmitButton>
          <FormError message={formError(state, ["note"])} testId="note-error" />
        </>
      )}
    </PanelForm>
  );
}

/** Take an item off the plan: a recurring one just for this day, or from this day on. */
export function RemoveItem({ r, recurring }: { r: TRef; recurring: boolean }) {
  const t = useTranslations("connect.actions");
  return (
    <PanelForm r={r} action={removePlanItemAction} label={t("remove")} panelClassName="confirm">
      {({ state, pending }, close) => (
        <>
          <p>{recurring ? t("removeRecurring") : t("removeOnce")}</p>
          <div className="cluster">
            {recurring ? (
              <>
                <SubmitButton pending={pending} className="button button-secondary" name="scope" value="day">
                  {t("justThisDay")}
                </SubmitButton>
                <SubmitButton pending={pending} className="button button-secondary" name="scope" value="onwards">
                  {t("fromThisDayOn")}
                </SubmitButton>
              </>
            ) : (
              <SubmitButton pending={pending} className="button button-secondary" name="scope" value="onwards">
                {t("removeIt")}
              </SubmitButton>
            )}
            <button type="button" className="button button-quiet" onClick={close}>
              {t("keepIt")}
            </button>
          </div>
          <FormError message={state && !state.ok ? state.message : undefined} testId="remove-error" />
        </>
      )}
    </PanelForm>
  );
}
