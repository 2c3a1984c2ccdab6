"use client";

import { useState } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { addActivityAction, addPlanItemAction, archiveActivityAction, editActivityAction } from "@/lib/connect/actions";
import type { TActivityView } from "@/lib/connect/activities";
import { SUITS, SUITS_LABEL, type TSuits } from "@/lib/connect/library";
import { canEditLibrary, canTendPlan } from "@/lib/connect/rights";
import { minutesText } from "@/lib/format";
import { FormError } from "@/components/ui/form-error";
import { NumberField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { useRefreshPlan } from "./queries";
import styles from "./connect.module.css";

const FIELDS = ["name", "why", "minutes", "suits"];

/** A multi-select: one `suits` per ticked box (none ticked reads as "any time"). */
function SuitsPicker({ initial }: { initial: string[] }) {
  const picked = initial.length ? initial : ["any"];
  return (
    <fieldset className="field">
      <legend className="field-label">When it suits</legend>
      <div className={styles.weekdayPicks}>
        {SUITS.map((s) => (
          <label key={s}>
            <input type="checkbox" name="suits" value={s} defaultChecked={picked.includes(s)} />
            {SUITS_LABEL[s]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ActivityFields({ a, state }: { a?: TActivityView; state: Parameters<typeof fieldErrors>[0] }) {
  return (
    <>
      <TextField
        label="Name"
        name="name"
        required
        maxLength={80}
        className="input"
        defaultValue={a?.name}
        errors={fieldErrors(state, "name")}
      />
      <TextField
        label="Why it matters (one line, optional)"
        name="why"
        maxLength={200}
        className="input"
        defaultValue={a?.why}
        errors={fieldErrors(state, "why")}
      />
      <NumberField
        label="About how many minutes (optional)"
        name="minutes"
        min={1}
        max={600}
        defaultValue={a?.minutes ?? ""}
        errors={fieldErrors(state, "minutes")}
      />
      <SuitsPicker initial={a?.suits ?? ["any"]} />
    </>
  );
}

/** Parents add the household's own activities. */
export function AddActivity({ householdId }: { householdId: string }) {
  const [formKey, setFormKey] = useState(0);
  const { state, pending, formProps } = useAction(addActivityAction, {
    onSuccess: () => setFormKey((k) => k + 1),
  });
  return (
    <form {...formProps} key={formKey} className="form" aria-label="Add your own activity">
      <input type="hidden" name="householdId" value={householdId} />
      <ActivityFields state={state} />
      <FormError message={formError(state, FIELDS)} testId="add-activity-error" />
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add to the library
      </SubmitButton>
    </form>
  );
}

function EditActivity({ householdId, a, onDone }: { householdId: string; a: TActivityView; onDone: () => void }) {
  const { state, pending, formProps } = useAction(editActivityAction, { onSuccess: onDone });
  return (
    <form {...formProps} className="form" aria-label={`Edit ${a.name}`}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="activityId" value={a.id ?? ""} />
      <input type="hidden" name="version" value={a.version} />
      <ActivityFields a={a} state={state} />
      <FormError message={formError(state, FIELDS)} testId="edit-activity-error" />
      <div className="cluster">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <button type="button" className="button button-quiet" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function HideShow({ householdId, a }: { householdId: string; a: TActivityView }) {
  const { state, pending, formProps } = useAction(archiveActivityAction);
  return (
    <form {...formProps}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="activity" value={a.ref} />
      <input type="hidden" name="archived" value={a.archived ? "false" : "true"} />
      <SubmitButton pending={pending} className="button button-secondary">
        {a.archived ? "Show again" : a.builtin ? "Hide" : "Archive"}
        <span className="sr-only">: {a.name}</span>
      </SubmitButton>
      <FormError message={state && !state.ok ? state.message : undefined} testId="archive-error" />
    </form>
  );
}

/** "Add to today": the activity in today's plan, for either of you, in one tap (the plan's own add op). */
function AddToToday({ householdId, a, today }: { householdId: string; a: TActivityView; today: string }) {
  const [added, setAdded] = useState(false);
  const refreshPlan = useRefreshPlan(householdId);
  const { state, pending, formProps } = useAction(addPlanItemAction, {
    onSuccess: () => {
      setAdded(true);
      refreshPlan();
    },
  });
  return (
    <form {...formProps} className={styles.addToday} aria-label={`Add ${a.name} to today`}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="activity" value={a.ref} />
      <input type="hidden" name="date" value={today} />
      <SubmitButton pending={pending} pendingLabel="Adding…" className="button button-secondary">
        Add to today<span className="sr-only">: {a.name}</span>
      </SubmitButton>
      <p role="status" className="small" data-testid="add-today-status">
        {added && state?.ok ? "Added to today." : ""}
      </p>
      <FormError message={state && !state.ok ? state.message : undefined} testId="add-today-error" />
    </form>
  );
}

/**
 * The library as compact cards: the name, about how long, and "Add to today"
 * (for anyone who plans, lib/connect/rights.ts); why it matters, when it
 * suits, and the parents' Edit and Hide behind "More about it".
 */
export function LibraryList({
  householdId,
  activities,
  me,
  today,
}: {
  householdId: string;
  activities: TActivityView[];
  me: { role: Role };
  today: string;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const canEdit = canEditLibrary(me);
  const canPlan = canTendPlan(me);
  return (
    <ul className={styles.library} data-testid="library">
      {activities.map((a) => (
        <li
          key={a.ref}
          className={`${styles.libraryItem} ${a.archived ? styles.archived : ""}`}
          data-testid="library-item"
          data-name={a.name}
        >
          {editing === a.ref ? (
            <EditActivity householdId={householdId} a={a} onDone={() => setEditing(null)} />
          ) : (
            <>
              <div className={styles.libraryHead}>
                <h3 className={styles.itemName}>
                  {a.name}
                  {a.minutes ? <span className="small muted"> · about {minutesText(a.minutes)}</span> : null}
                  {a.archived ? <span className="small muted"> (hidden)</span> : null}
                </h3>
                {canPlan && !a.archived ? <AddToToday householdId={householdId} a={a} today={today} /> : null}
              </div>
              <details className={styles.more}>
                <summary>
                  More about it<span className="sr-only">: {a.name}</span>
                </summary>
                {a.why ? <p className={styles.why}>{a.why}</p> : null}
                <ul className={styles.meta} aria-label="Details">
                  {a.suits.map((s) => (
                    <li key={s}>{SUITS_LABEL[s as TSuits] ?? s}</li>
                  ))}
                  <li>{a.builtin ? "Built in" : "Your own"}</li>
                </ul>
                {canEdit ? (
                  <div className={styles.actions}>
                    {!a.builtin ? (
                      <button type="button" className="button button-secondary" onClick={() => setEditing(a.ref)}>
                        Edit<span className="sr-only">: {a.name}</span>
                      </button>
                    ) : null}
                    <HideShow householdId={householdId} a={a} />
                  </div>
                ) : null}
              </details>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
