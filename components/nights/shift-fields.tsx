"use client";

import { ClockField } from "@/components/ui/clock-field";
import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors } from "@/components/ui/use-action";
import styles from "@/components/nights/nights.module.css";
import type { TCaregiverOption, TEditableShift } from "@/components/nights/shift-editor";

// The shift forms' fields and buttons (components/nights/shift-editor.tsx holds
// the forms): loaded when a form is shown (components/ui/lazy.tsx), so a night
// whose forms stay closed does not load the time fields.

type TState = Parameters<typeof fieldErrors>[0];

function CaregiverSelect({
  label,
  options,
  defaultValue,
  errors,
  name = "caregiverId",
}: {
  label: string;
  options: TCaregiverOption[];
  defaultValue: string;
  errors?: string[];
  name?: string;
}) {
  const t = useTranslations("nights");
  return (
    <SelectField label={label} name={name} defaultValue={defaultValue} errors={errors}>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.isMe ? t("person.nameYou", { name: o.name }) : o.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Who, starts, ends, and the form's button: a new or changed shift. */
export function ShiftFields({
  options,
  state,
  defaults,
  pending,
  submitLabel,
  pendingLabel,
}: {
  options: TCaregiverOption[];
  state: TState;
  defaults: { caregiverId: string; start: string; end: string };
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
}) {
  const t = useTranslations("nights");
  return (
    <>
      <CaregiverSelect
        label={t("shift.who")}
        options={options}
        defaultValue={defaults.caregiverId}
        errors={fieldErrors(state, "caregiverId")}
      />
      <div className={styles.pair}>
        <ClockField
          label={t("shift.starts")}
          name="start"
          defaultValue={defaults.start}
          required
          errors={fieldErrors(state, "start")}
        />
        <ClockField
          label={t("shift.ends")}
          name="end"
          defaultValue={defaults.end}
          required
          errors={fieldErrors(state, "end")}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </>
  );
}

/** Where to split and who takes the second part, and the form's button. */
export function SplitFields({
  shift,
  options,
  state,
  pending,
}: {
  shift: TEditableShift;
  options: TCaregiverOption[];
  state: TState;
  pending: boolean;
}) {
  const t = useTranslations("nights");
  return (
    <>
      <div className={styles.pair}>
        <ClockField
          label={t("shift.splitAt")}
          name="at"
          defaultValue={shift.splitAt}
          required
          hint={t("shift.splitAtHint", { start: shift.startText, end: shift.endText })}
          errors={fieldErrors(state, "at")}
        />
        <CaregiverSelect
          label={t("shift.splitTo")}
          options={options}
          defaultValue={shift.splitTo}
          errors={fieldErrors(state, "caregiverId")}
        />
      </div>
      <SubmitButton pending={pending} pendingLabel={t("shift.splitting")}>
        {t("shift.splitSubmit")}
      </SubmitButton>
    </>
  );
}
