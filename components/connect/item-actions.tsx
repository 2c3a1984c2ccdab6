"use client";

import { useId, useState } from "react";
import {
  checkOffAction,
  checkOffNoteAction,
  removePlanItemAction,
  skipPlanItemAction,
  uncheckAction,
} from "@/lib/connect/actions";
import { useLogAction } from "@/components/log/use-log-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError } from "@/components/ui/use-action-form";
import { TextField } from "@/components/ui/field";
import styles from "./connect.module.css";

type TRef = { householdId: string; planItemId: string; date: string; activityName: string };

function Hidden({ r }: { r: TRef }) {
  return (
    <>
      <input type="hidden" name="householdId" value={r.householdId} />
      <input type="hidden" name="planItemId" value={r.planItemId} />
      <input type="hidden" name="date" value={r.date} />
    </>
  );
}

/** One tap: done. The partner's screen updates through the live channel. */
export function DoneButton({
  r,
  canCheck,
  label = "Done",
  className = "button",
}: {
  r: TRef;
  canCheck: boolean;
  label?: string;
  className?: string;
}) {
  const { state, pending, formProps } = useLogAction(checkOffAction);
  if (!canCheck) return null;
  return (
    <form {...formProps}>
      <Hidden r={r} />
      <SubmitButton pending={pending} pendingLabel="Saving…" className={className}>
        {label}
        <span className="sr-only">: {r.activityName}</span>
      </SubmitButton>
      <FormError message={state && !state.ok ? state.message : undefined} testId="check-error" />
    </form>
  );
}

/** Undo a mistaken check-off or skip: the day is open again. */
export function UndoButton({ r, label = "Undo" }: { r: TRef; label?: string }) {
  const { state, pending, formProps } = useLogAction(uncheckAction);
  return (
    <form {...formProps}>
      <Hidden r={r} />
      <SubmitButton pending={pending} className="button button-secondary">
        {label}
        <span className="sr-only">: {r.activityName}</span>
      </SubmitButton>
      <FormError message={state && !state.ok ? state.message : undefined} testId="undo-error" />
    </form>
  );
}

/** "Skip today", with an optional reason, behind a disclosure so it is never one accidental tap. */
export function SkipForm({ r }: { r: TRef }) {
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useLogAction(skipPlanItemAction, { onSuccess: () => setOpen(false) });
  const panel = useId();
  return (
    <div>
      <button
        type="button"
        className="button button-quiet"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        Skip<span className="sr-only">: {r.activityName}</span>
      </button>
      <div id={panel} hidden={!open}>
        {open ? (
          <form {...formProps} className={styles.inlineForm}>
            <Hidden r={r} />
            <TextField
              label="Reason (optional)"
              name="reason"
              maxLength={200}
              className="input"
              errors={fieldErrors(state, "reason")}
            />
            <SubmitButton pending={pending} className="button button-secondary">
              Skip this day
            </SubmitButton>
            <FormError message={formError(state, ["reason"])} testId="skip-error" />
          </form>
        ) : null}
      </div>
    </div>
  );
}

/** The optional "how it went" line on a done item. */
export function HowItWent({ r, note }: { r: TRef; note: string | null }) {
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useLogAction(checkOffNoteAction, { onSuccess: () => setOpen(false) });
  const panel = useId();
  return (
    <div>
      <button
        type="button"
        className="button button-quiet"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        {note ? "Change how it went" : "Add how it went"}
        <span className="sr-only">: {r.activityName}</span>
      </button>
      <div id={panel} hidden={!open}>
        {open ? (
          <form {...formProps} className={styles.inlineForm}>
            <Hidden r={r} />
            <TextField
              label="How it went (optional)"
              name="note"
              defaultValue={note ?? ""}
              maxLength={200}
              className="input"
              errors={fieldErrors(state, "note")}
            />
            <SubmitButton pending={pending} className="button button-secondary">
              Save
            </SubmitButton>
            <FormError message={formError(state, ["note"])} testId="note-error" />
          </form>
        ) : null}
      </div>
    </div>
  );
}

/** Take an item off the plan: a recurring one just for this day, or from this day on. */
export function RemoveItem({ r, recurring }: { r: TRef; recurring: boolean }) {
  const [open, setOpen] = useState(false);
  const { state, pending, formProps } = useLogAction(removePlanItemAction, { onSuccess: () => setOpen(false) });
  const panel = useId();
  return (
    <div>
      <button
        type="button"
        className="button button-quiet"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
      >
        Remove<span className="sr-only">: {r.activityName}</span>
      </button>
      <div id={panel} hidden={!open} className="confirm">
        {open ? (
          <form {...formProps}>
            <Hidden r={r} />
            <p>
              {recurring ? "Take this off the plan for just this day, or from this day on?" : "Take this off the plan?"}
            </p>
            <div className="cluster">
              {recurring ? (
                <>
                  <SubmitButton pending={pending} className="button button-secondary" name="scope" value="day">
                    Just this day
                  </SubmitButton>
                  <SubmitButton pending={pending} className="button button-secondary" name="scope" value="onwards">
                    From this day on
                  </SubmitButton>
                </>
              ) : (
                <SubmitButton pending={pending} className="button button-secondary" name="scope" value="onwards">
                  Remove it
                </SubmitButton>
              )}
              <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
                Keep it
              </button>
            </div>
            <FormError message={state && !state.ok ? state.message : undefined} testId="remove-error" />
          </form>
        ) : null}
      </div>
    </div>
  );
}
