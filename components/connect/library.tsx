"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { addActivityAction, archiveActivityAction, editActivityAction } from "@/lib/connect/actions";
import type { TActivityView } from "@/lib/connect/activities";
import { formatMinutes, SUITS, SUITS_LABEL, type TSuits } from "@/lib/connect/library";
import { useLogAction } from "@/components/log/use-log-action";
import { FormError } from "@/components/ui/form-error";
import { NumberField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useActionForm } from "@/components/ui/use-action-form";
import styles from "./connect.module.css";

const FIELDS = ["name", "why", "minutes", "suits"];

function SuitsPicker({ initial }: { initial: string[] }) {
  const [picked, setPicked] = useState<string[]>(initial.length ? initial : ["any"]);
  return (
    <fieldset className="field">
      <legend className="field-label">When it suits</legend>
      <input type="hidden" name="suits" value={picked.join(",")} />
      <div className={styles.weekdayPicks}>
        {SUITS.map((s) => (
          <label key={s}>
            <input
              type="checkbox"
              checked={picked.includes(s)}
              onChange={(e) => setPicked((p) => (e.target.checked ? [...p, s] : p.filter((x) => x !== s)))}
            />
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
  const router = useRouter();
  const [formKey, setFormKey] = useState(0);
  const { state, isPending, formProps } = useActionForm(addActivityAction, {
    onSuccess: () => {
      setFormKey((k) => k + 1);
      router.refresh();
    },
  });
  return (
    <form {...formProps} key={formKey} className="form" aria-label="Add your own activity">
      <input type="hidden" name="householdId" value={householdId} />
      <ActivityFields state={state} />
      <FormError message={formError(state, FIELDS)} testId="add-activity-error" />
      <SubmitButton pending={isPending} pendingLabel="Adding…">
        Add to the library
      </SubmitButton>
    </form>
  );
}

function EditActivity({ householdId, a, onDone }: { householdId: string; a: TActivityView; onDone: () => void }) {
  const { state, pending, formProps } = useLogAction(editActivityAction, { onSuccess: onDone });
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
  const { state, pending, formProps } = useLogAction(archiveActivityAction);
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

/** The library, one activity per row: its why, length and when it suits; parents may change it. */
export function LibraryList({
  householdId,
  activities,
  isParent,
}: {
  householdId: string;
  activities: TActivityView[];
  isParent: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <ul className="list" data-testid="library">
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
              <h3 className={styles.itemName}>
                {a.name}
                {a.archived ? <span className="small muted"> (hidden)</span> : null}
              </h3>
              {a.why ? <p className={styles.why}>{a.why}</p> : null}
              <ul className={styles.meta} aria-label="Details">
                {formatMinutes(a.minutes) ? <li>About {formatMinutes(a.minutes)}</li> : null}
                {a.suits.map((s) => (
                  <li key={s}>{SUITS_LABEL[s as TSuits] ?? s}</li>
                ))}
                <li>{a.builtin ? "Built in" : "Your own"}</li>
              </ul>
              {isParent ? (
                <div className={styles.actions}>
                  {!a.builtin ? (
                    <button type="button" className="button button-secondary" onClick={() => setEditing(a.ref)}>
                      Edit<span className="sr-only">: {a.name}</span>
                    </button>
                  ) : null}
                  <HideShow householdId={householdId} a={a} />
                </div>
              ) : null}
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
