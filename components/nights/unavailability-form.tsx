"use client";

import { ClockField } from "@/components/ui/clock-field";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { addUnavailabilityAction, removeUnavailabilityAction } from "@/lib/nights/actions";
import { SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { useFormat } from "@/components/format-provider";
import { type TCaregiverOption } from "@/components/nights/shift-editor";
import { ConfirmRemove } from "@/components/ui/confirm-remove";
import styles from "@/components/nights/nights.module.css";

const FIELDS = ["caregiverId", "from", "to", "fromTime", "toTime", "note"] as const;

/**
 * "I can't do these nights": whole days, or part of a day with times. Helpers
 * mark only their own; parents may mark it for anyone.
 */
export function UnavailabilityForm({
  householdId,
  options,
  defaultFrom,
}: {
  householdId: string;
  options: TCaregiverOption[];
  defaultFrom: string;
}) {
  const t = useTranslations("nights");
  const f = useFormat();
  const [saved, setSaved] = useState<string | null>(null);
  const { state, pending, formProps } = useAction(addUnavailabilityAction, {
    onSuccess: (_d, form) => {
      if (!form) return;
      const data = new FormData(form);
      const who = options.find((o) => o.id === data.get("caregiverId"));
      const from = String(data.get("from") ?? "");
      const to = String(data.get("to") ?? "");
      const days =
        from === to ? f.shortDay(from) : t("unavailable.dayRange", { from: f.shortDay(from), to: f.shortDay(to) });
      setSaved(
        t("unavailable.saved", { who: who ? (who.isMe ? "me" : "named") : "unknown", name: who?.name ?? "", days }),
      );
      form.reset();
    },
  });
  const me = options.find((o) => o.isMe) ?? options[0];
  return (
    <form
      {...formProps}
      className="form"
      noValidate
      aria-label={t("unavailable.formLabel")}
      onChange={() => setSaved(null)}
    >
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <SelectField
        label={t("unavailable.who")}
        name="caregiverId"
        defaultValue={me?.id}
        errors={fieldErrors(state, "caregiverId")}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.isMe ? t("person.nameYou", { name: o.name }) : o.name}
          </option>
        ))}
      </SelectField>
      <div className={styles.datePair}>
        <TextField
          label={t("unavailable.from")}
          name="from"
          type="date"
          defaultValue={defaultFrom}
          required
          errors={fieldErrors(state, "from")}
        />
        <TextField
          label={t("unavailable.to")}
          name="to"
          type="date"
          defaultValue={defaultFrom}
          required
          errors={fieldErrors(state, "to")}
        />
      </div>
      <fieldset className={styles.optionalTimes}>
        <legend>{t("unavailable.partLegend")}</legend>
        <p className="hint">{t("unavailable.partHint")}</p>
        <div className={styles.pair}>
          <ClockField label={t("unavailable.fromTime")} name="fromTime" errors={fieldErrors(state, "fromTime")} />
          <ClockField label={t("unavailable.toTime")} name="toTime" errors={fieldErrors(state, "toTime")} />
        </div>
      </fieldset>
      <TextField
        label={t("unavailable.note")}
        name="note"
        maxLength={140}
        autoComplete="off"
        hint={t("unavailable.noteHint")}
        errors={fieldErrors(state, "note")}
      />
      <SubmitButton pending={pending} pendingLabel={t("unavailable.saving")}>
        {t("unavailable.save")}
      </SubmitButton>
      <p role="status" className="small" data-testid="unavailable-status">
        {saved && state?.ok ? saved : ""}
      </p>
    </form>
  );
}

/** Remove one stretch, after a confirm. */
export function RemoveUnavailability({
  householdId,
  id,
  description,
}: {
  householdId: string;
  id: string;
  description: string;
}) {
  const t = useTranslations("nights");
  return (
    <ConfirmRemove
      action={removeUnavailabilityAction}
      what={description}
      question={t("unavailable.remove.question")}
      detail={t("unavailable.remove.detail", { description })}
      fields={{ householdId, id }}
    />
  );
}
