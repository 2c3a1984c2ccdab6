"use client";

import { useId, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { FieldError } from "@/components/ui/field";
import { useFormat } from "@/components/format-provider";
import { CLOCK_PART } from "@/lib/time/clock-parts";

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const MINUTES = Array.from({ length: 60 }, (_, m) => m);
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * A time of day on the household's clock, not the browser's: `<input
 * type="time">` shows the browser language's clock whatever `lang` says, so a
 * 12-hour household on a German phone would read "19:00" in the field and
 * "7:00 PM" everywhere else. Two native selects instead ("7 PM" : "30"), which
 * phones show as their own wheels. They post `name.h` and `name.m`;
 * formToObject (lib/validation.ts) joins them into `name` = "19:30", so the
 * schemas and a plain `name` from the API are unchanged, and it works before
 * hydration.
 */
export function ClockField({
  label,
  name,
  defaultValue,
  hint,
  errors,
  required = false,
}: {
  label: ReactNode;
  name: string;
  /** "HH:MM", or "" / undefined for none. */
  defaultValue?: string;
  hint?: ReactNode;
  errors?: string[];
  /** Without it, a blank choice ("–") leaves the time unset. */
  required?: boolean;
}) {
  const t = useTranslations("ui.clock");
  const format = useFormat();
  const id = useId();
  const [hour, minute] = /^\d\d:\d\d$/.test(defaultValue ?? "") ? defaultValue!.split(":").map(Number) : [];
  const invalid = Boolean(errors?.length);
  const described = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const part = (
    suffix: string,
    partLabel: string,
    value: number | undefined,
    values: number[],
    text: (n: number) => string,
  ) => (
    <select
      name={name + suffix}
      aria-label={partLabel}
      aria-invalid={invalid || undefined}
      aria-describedby={described}
      required={required}
      defaultValue={value === undefined ? "" : String(value)}
    >
      {required ? null : <option value="">{t("none")}</option>}
      {values.map((n) => (
        <option key={n} value={n}>
          {text(n)}
        </option>
      ))}
    </select>
  );
  return (
    <fieldset className="field clock-field">
      <legend>{label}</legend>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      <div className="clock-selects">
        {part(CLOCK_PART.hour, t("hour"), hour, HOURS, (h) =>
          format.shortClockIn(new Date(Date.UTC(2000, 0, 1, h)), "UTC"),
        )}
        <span aria-hidden="true">:</span>
        {part(CLOCK_PART.minute, t("minute"), minute, MINUTES, pad)}
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}
