"use client";

import { useId, useState } from "react";
import { requestSwapAction } from "@/lib/nights/actions";
import { Field, SelectField, TextField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import styles from "@/components/log/log.module.css";

type TPerson = { id: string; name: string; isMe: boolean; role: string };

/** A shift as the swap form needs it: clock times in the household's zone. */
export type TSwappableShift = {
  id: string;
  caregiverId: string;
  /** "Fri 27 Nov" */
  day: string;
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
  const holder = people.find((p) => p.id === shift.caregiverId);
  const mine = Boolean(holder?.isMe);
  const candidates = people.filter((p) => p.id !== shift.caregiverId);
  const defaultTo = candidates.find((p) => p.role === "parent") ?? candidates[0];
  const [part, setPart] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const partId = useId();
  const { state, pending, formProps } = useAction(requestSwapAction, {
    onSuccess: (_d, form) => {
      const details = form?.closest("details");
      if (details) details.open = false;
      setSent(
        mine
          ? "Asked. The answer will show under Swaps waiting on Tonight."
          : `Offered to ${holder?.name ?? "them"}. Their answer will show under Swaps waiting on Tonight.`,
      );
    },
  });

  if (mine && !candidates.length) return null;
  const whose = mine ? "your" : `${holder?.name ?? "their"}'s`;

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
            Ask to swap
            <span className="sr-only">
              {" "}
              — {whose} shift, {shift.day} {shift.start}–{shift.end}
            </span>
          </summary>
          <form
            {...formProps}
            className={`form ${styles.swapForm}`}
            noValidate
            aria-label={`Ask to swap ${whose} shift on ${shift.day}`}
          >
            <p className="small">
              {mine ? (
                <>
                  Ask someone to take your shift ({shift.start}–{shift.end}), or part of it.
                </>
              ) : (
                <>
                  Offer to take {holder?.name ?? "their"}&apos;s shift ({shift.start}–{shift.end}), or part of it.
                </>
              )}
            </p>
            <FormError message={formError(state, FIELDS)} />
            <input type="hidden" name="householdId" value={householdId} />
            <input type="hidden" name="shiftId" value={shift.id} />
            {mine ? (
              candidates.length > 1 ? (
                <SelectField
                  label="Who should take it"
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
              <label htmlFor={partId}>Only part of the shift</label>
            </div>
            {part ? (
              <div className={styles.pair}>
                <TextField
                  label="From"
                  name="start"
                  type="time"
                  defaultValue={shift.start}
                  errors={fieldErrors(state, "start")}
                />
                <TextField
                  label="Until"
                  name="end"
                  type="time"
                  defaultValue={shift.end}
                  errors={fieldErrors(state, "end")}
                />
              </div>
            ) : null}
            <Field label="Message (optional)" errors={fieldErrors(state, "message")}>
              {(control) => (
                <textarea {...control} name="message" rows={2} maxLength={200} className={styles.textarea} />
              )}
            </Field>
            <SubmitButton pending={pending} pendingLabel="Sending…">
              {mine ? (candidates.length === 1 ? `Ask ${candidates[0]!.name}` : "Ask") : "Offer to take it"}
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
