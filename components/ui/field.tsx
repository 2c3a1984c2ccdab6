"use client";

import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import { AlertIcon } from "@/components/ui/icons";

/** The message(s) under a field, tied to it with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages?: string[] }) {
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={id}>
      <AlertIcon />
      <span>{messages.join(" ")}</span>
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

/** What the control inside a Field needs to be tied to its label, hint and error. */
type TControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * The wrapper every field shares: the label, the hint, the control and the
 * error under it. The control comes from `children`, which gets the id and
 * aria attributes to put on it.
 */
export function Field({
  label,
  hint,
  errors,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: (control: TControlProps) => ReactNode;
}) {
  const id = useId();
  const invalid = Boolean(errors?.length);
  const control: TControlProps = {
    id,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy(hint ? `${id}-hint` : undefined, invalid && `${id}-error`),
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children(control)}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

type TFieldBase = { label: ReactNode; name: string; hint?: ReactNode; errors?: string[] };

/** A labelled input, its hint and its error, wired for screen readers. */
export function TextField({
  label,
  name,
  hint,
  errors,
  type = "text",
  ...input
}: TFieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => <input {...control} name={name} type={type} {...input} />}
    </Field>
  );
}

/** A whole number, with the numeric keypad on phones. */
export function NumberField(props: TFieldBase & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type">) {
  return <TextField type="number" className="input" inputMode="numeric" {...props} />;
}

/** An email address field, the same wherever one is asked for. */
export function EmailField(
  props: Omit<TFieldBase, "label" | "name"> & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type">,
) {
  const t = useTranslations("ui");
  return (
    <TextField
      label={t("email.label")}
      name="email"
      type="email"
      autoComplete="email"
      inputMode="email"
      autoCapitalize="none"
      spellCheck={false}
      {...props}
    />
  );
}

/** A password input with a Show / Hide toggle (a real button, announced by name). */
export function PasswordField({
  label,
  name = "password",
  hint,
  errors,
  autoComplete,
  ...input
}: Partial<TFieldBase> & { autoComplete: "current-password" | "new-password" } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "name" | "type" | "autoComplete"
  >) {
  const t = useTranslations("ui");
  const [shown, setShown] = useState(false);
  return (
    <Field label={label ?? t("password.label")} hint={hint} errors={errors}>
      {(control) => (
        <div className="input-with-button">
          <input
            {...control}
            name={name}
            type={shown ? "text" : "password"}
            autoComplete={autoComplete}
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            {...input}
          />
          {/* The name comes from the text ("Show password"), not aria-label, so
              getByLabel("Password") still finds only the input. */}
          <button
            type="button"
            className="button button-secondary"
            aria-controls={control.id}
            onClick={() => setShown((s) => !s)}
          >
            {t.rich(shown ? "password.hide" : "password.show", {
              sr: (chunks) => <span className="sr-only">{chunks}</span>,
            })}
          </button>
        </div>
      )}
    </Field>
  );
}

/** A labelled select. */
export function SelectField({
  label,
  name,
  hint,
  errors,
  children,
  ...select
}: TFieldBase & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name">) {
  return (
    <Field label={label} hint={hint} errors={errors}>
      {(control) => (
        <select {...control} name={name} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}
