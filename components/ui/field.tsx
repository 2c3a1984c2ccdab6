"use client";

import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from "react";
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
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, invalid && `${id}-error`)}
        {...input}
      />
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

/** A password input with a Show / Hide toggle (a real button, announced by name). */
export function PasswordField({
  label = "Password",
  name = "password",
  hint,
  errors,
  autoComplete,
  ...input
}: Partial<TFieldBase> & { autoComplete: "current-password" | "new-password" } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    "name" | "type" | "autoComplete"
  >) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const invalid = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <div className="input-with-button">
        <input
          id={id}
          name={name}
          type={shown ? "text" : "password"}
          autoComplete={autoComplete}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy(hint ? `${id}-hint` : undefined, invalid && `${id}-error`)}
          {...input}
        />
        {/* The name comes from the text ("Show password"), not aria-label, so
            getByLabel("Password") still finds only the input. */}
        <button type="button" className="button button-secondary" aria-controls={id} onClick={() => setShown((s) => !s)}>
          {shown ? "Hide" : "Show"}
          <span className="sr-only"> password</span>
        </button>
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
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
  const id = useId();
  const invalid = Boolean(errors?.length);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <select
        id={id}
        name={name}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, invalid && `${id}-error`)}
        {...select}
      >
        {children}
      </select>
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}
