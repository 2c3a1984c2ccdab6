"use client";

import { ClockField } from "@/components/ui/clock-field";
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { requestSwapAction } from "@/lib/nights/actions";
import { Field, SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import styles from "@/components/log/log.module.css";
import type { TSwapPerson, TSwappableShift } from "@/components/log/swap-form";

const FIELDS = ["toId", "start", "end", "message"] as const;

/** AskSwap's form: loaded when its panel is first opened (components/ui/lazy.tsx). */
export function SwapRequestForm({
  householdId,
  shift,
  mine,
  whose,
  hours,
  candidates,
  onSent,
}: {
  householdId: string;
  shift: TSwappableShift;
  /** The reader's own shift: they ask; otherwise they offer. */
  mine: boolean;
  /** Whose shift, for the messages' select. */
  whose: { who: string; name: string };
  /** The shift's hours in the reader's words. */
  hours: { start: string; end: string };
  /** Who could take it (everyone but its holder). */
  candidates: TSwapPerson[];
  onSent: () => void;
}) {
  const t = useTranslations("log.swap");
  const defaultTo = candidates.find((p) => p.role === "parent") ?? candidates[0];
  const [part, setPart] = useState(false);
  const partId = useId();
  const { state, pending, formProps } = useAction(requestSwapAction, {
    onSuccess: (_d, form) => {
      const details = form?.closest("details");
      if (details) details.open = false;
      onSent();
    },
  });
  return (
    <form
      {...formProps}
      className={`form ${styles.swapForm}`}
      noValidate
      aria-label={t("formLabel", { ...whose, day: shift.day })}
    >
      <p className="small">{t(mine ? "introAsk" : "introOffer", { ...whose, ...hours })}</p>
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="shiftId" value={shift.id} />
      {mine ? (
        candidates.length > 1 ? (
          <SelectField label={t("to")} name="toId" defaultValue={defaultTo?.id} errors={fieldErrors(state, "toId")}>
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <input type="hidden" name="toId" value={defaultTo?.id ?? ""} />
        )
      ) : null}
      <div className={styles.checkRow}>
        <input id={partId} type="checkbox" checked={part} onChange={(e) => setPart(e.currentTarget.checked)} />
        <label htmlFor={partId}>{t("part")}</label>
      </div>
      {part ? (
        <div className={styles.pair}>
          <ClockField label={t("from")} name="start" defaultValue={shift.start} errors={fieldErrors(state, "start")} />
          <ClockField label={t("until")} name="end" defaultValue={shift.end} errors={fieldErrors(state, "end")} />
        </div>
      ) : null}
      <Field label={t("message")} errors={fieldErrors(state, "message")}>
        {(control) => <textarea {...control} name="message" rows={2} maxLength={200} className={styles.textarea} />}
      </Field>
      <SubmitButton pending={pending} pendingLabel={t("sending")}>
        {mine ? (candidates.length === 1 ? t("askOne", { name: candidates[0]!.name }) : t("ask")) : t("offer")}
      </SubmitButton>
    </form>
  );
}
