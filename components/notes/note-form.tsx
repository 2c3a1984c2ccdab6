"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createNoteAction } from "@/lib/notes/actions";
import { CharCount } from "@/components/notes/char-count";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import styles from "@/components/notes/notes.module.css";

const FIELDS = ["body", "pinned"] as const;

/** Write a note, or a handoff note for a night (and the shift on duty). The text is kept if the server says no. */
export function NoteForm({
  householdId,
  kind = "note",
  nightDate,
  shiftId,
  label,
  hint,
  submitLabel,
  allowPin = false,
  testId = "note-form",
  onSaved,
  onCancel,
}: {
  householdId: string;
  kind?: "note" | "handoff";
  nightDate?: string;
  shiftId?: string;
  label?: string;
  hint?: string;
  submitLabel?: string;
  allowPin?: boolean;
  testId?: string;
  /** After a save (the form says "Saved" itself when this is not given). */
  onSaved?: () => void;
  /** Shows a Cancel button beside the save. */
  onCancel?: () => void;
}) {
  const t = useTranslations("notes.form");
  const router = useRouter();
  const [body, setBody] = useState("");
  const [saved, setSaved] = useState(false);
  const { state, pending, formProps } = useAction(createNoteAction, {
    onSuccess: (_d, form) => {
      setBody("");
      form?.reset();
      setSaved(true);
      router.refresh();
      onSaved?.();
    },
  });
  const counterId = `${testId}-count`;
  return (
    <form {...formProps} className="form" noValidate data-testid={testId}>
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="kind" value={kind} />
      {nightDate ? <input type="hidden" name="nightDate" value={nightDate} /> : null}
      {shiftId ? <input type="hidden" name="shiftId" value={shiftId} /> : null}
      <Field label={label ?? t("label")} hint={hint} errors={fieldErrors(state, "body")}>
        {(control) => (
          <textarea
            {...control}
            aria-describedby={[control["aria-describedby"], counterId].filter(Boolean).join(" ")}
            name="body"
            rows={3}
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              setSaved(false);
            }}
            className={styles.textarea}
          />
        )}
      </Field>
      <CharCount length={body.length} id={counterId} />
      {allowPin ? (
        <label className={styles.checkbox}>
          <input type="checkbox" name="pinned" value="on" /> {t("pin")}
        </label>
      ) : null}
      <div className="cluster">
        <SubmitButton pending={pending} pendingLabel={t("saving")}>
          {submitLabel ?? t("submit")}
        </SubmitButton>
        {onCancel ? (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t("cancel")}
          </button>
        ) : null}
        <p role="status" className="small" data-testid={`${testId}-status`}>
          {saved && state?.ok ? t("saved") : ""}
        </p>
      </div>
    </form>
  );
}
