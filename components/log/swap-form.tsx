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
import { useFormat } from "@/components/format-provider";
import { clockValueMinutes } from "@/components/log/format";

type TPerson = { id: string; name: string; isMe: boolean; role: string };

/** A shift as the swap form needs it: clock times in the household's zone. */
export type TSwappableShift = {
  id: string;
  caregiverId: string;
  /** In the reader's words (f.shortDay): "Fri 27 Nov". */
  day: string;
  /** Machine values for the form's time fields, "19:00" (clockValue); shown in the reader's words. */
  start: string;
  end: string;
};

const FIELDS = ["toId", "start", "end", "message"] as const;

/**
 * "Ask to swap" on a shift. On your own shift it asks someone to take it (or
 * a part); on someone else's it offers to take it. The other side answers
 * under "Swaps waiting" on Tonight.
 */
export function AskSwap({
  householdId,
  shift,
  people,
  waiting = null,
  quiet = false,
}: {
  householdId: string;
  shift: TSwappableShift;
  people: TPerson[];
  /** A swap already waiting on this shift, in words ("Waiting for Alex"): no second one. */
  waiting?: string | null;
  /** A link-like summary, for a list where every row has one. */
  quiet?: boolean;
}) {
  const t = useTranslations("log.swap");
  const f = useFormat();
  const words = (value: string) => {
    const minutes = clockValueMinutes(value);
    return minutes === null ? value : f.formatClock(minutes);
  };
  const hours = { start: words(shift.start), end: words(shift.end) };
  const holder = people.find((p) => p.id === shift.caregiverId);
  const mine = Boolean(holder?.isMe);
  // Whose shift, for the messages' select: mine, a named holder, or one no longer in the household.
  const whose = { who: mine ? "me" : holder ? "named" : "unknown", name: holder?.name ?? "" };
  const candidates = people.filter((p) => p.id !== shift.caregiverId);
  const defaultTo = candidates.find((p) => p.role === "parent") ?? candidates[0];
  const [part, setPart] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const partId = useId();
  const { state, pending, formProps } = useAction(requestSwapAction, {
    onSuccess: (_d, form) => {
      const details = form?.closest("details");
      if (details) details.open = false;
      setSent(mine ? t("sentAsk") : t("sentOffer", whose));
    },
  });

  if (mine && !candidates.length) return null;
  return (
    <div className={styles.swap}>
      {waiting ? (
        <p className={`small ${styles.swapWaiting}`} data-testid="swap-pending">
          <span aria-hidden="true">⇄ </span>
          {waiting}
        </p>
      ) : (
        <details
          className={`panel-details ${styles.swapDetails}`}
          data-testid="swap-form"
          onToggle={(e) => {
            if (e.currentTarget.open) setSent(null);
          }}
        >
          <summary className={quiet ? `button button-quiet ${styles.swapSummaryQuiet}` : "button button-secondary"}>
            {t("summary")}
            <span className="sr-only"> {t("summaryDetail", { ...whose, day: shift.day, ...hours })}</span>
          </summary>
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
                <SelectField
                  label={t("to")}
                  name="toId"
                  defaultValue={defaultTo?.id}
                  errors={fieldErrors(state, "toId")}
                >
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
                <ClockField
                  label={t("from")}
                  name="start"
                  defaultValue={shift.start}
                  errors={fieldErrors(state, "start")}
                />
                <ClockField label={t("until")} name="end" defaultValue={shift.end} errors={fieldErrors(state, "end")} />
              </div>
            ) : null}
            <Field label={t("message")} errors={fieldErrors(state, "message")}>
              {(control) => (
                <textarea {...control} name="message" rows={2} maxLength={200} className={styles.textarea} />
              )}
            </Field>
            <SubmitButton pending={pending} pendingLabel={t("sending")}>
              {mine ? (candidates.length === 1 ? t("askOne", { name: candidates[0]!.name }) : t("ask")) : t("offer")}
            </SubmitButton>
          </form>
        </details>
      )}
      <p role="status" className={`small ${styles.swapSent}`} data-testid="swap-sent">
        {sent ?? ""}
      </p>
    </div>
  );
}
