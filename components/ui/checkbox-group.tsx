"use client";

import { useId, type ReactNode } from "react";
import { FieldError } from "@/components/ui/field";

/**
 * A list of checkboxes under one legend ("Send when", "It may"), posted as
 * repeated `name` values, with the group's error tied to the fieldset.
 */
export function CheckboxGroup<V extends string>({
  legend,
  name,
  options,
  label,
  defaultChecked,
  errors,
}: {
  legend: string;
  name: string;
  options: readonly V[];
  label: (value: V) => ReactNode;
  defaultChecked: (value: V) => boolean;
  errors?: string[];
}) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset aria-describedby={errors?.length ? errorId : undefined}>
      <legend>{legend}</legend>
      {options.map((v) => (
        <label key={v} className="choice">
          <input type="checkbox" name={name} value={v} defaultChecked={defaultChecked(v)} />
          <span>{label(v)}</span>
        </label>
      ))}
      <FieldError id={errorId} messages={errors} />
    </fieldset>
  );
}
