"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/generated/prisma/enums";
import { addActivityAction, addPlanItemAction, archiveActivityAction, editActivityAction } from "@/lib/connect/actions";
import type { TActivityView } from "@/lib/connect/activities";
import { SUITS, SUITS_LABEL, type TSuits } from "@/lib/connect/library";
import { canEditLibrary, canTendPlan } from "@/lib/connect/rights";
import { FormError } from "@/components/ui/form-error";
import { NumberField, TextField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";
import styles from "./connect.module.css";

const FIELDS = ["name", "why", "minutes", "suits"];

/** A multi-select: one `suits` per ticked box (none ticked reads as "any time"). */
function SuitsPicker({ initial }: { initial: string[] }) {
  const t = useTranslations("connect.library");
  const text = useText();
  const picked = initial.length ? initial : ["any"];
  return (
    <fieldset className="field">
      <legend className="field-label">{t("whenItSuits")}</legend>
      <div className={styles.weekdayPicks}>
        {SUITS.map((s) => (
          <label key={s}>
            <input type="checkbox" name="suits" value={s} defaultChecked={picked.includes(s)} />
            {text(SUITS_LABEL[s])}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ActivityFields({ a, state }: { a?: TActivityView; state: Parameters<typeof fieldErrors>[0] }) {
  const t = useTranslations("connect.library");
  return (
    <>
      <TextField
        label={t("name")}
        name="name"
        required
        maxLength={80}
        className="input"
        defaultValue={a?.name}
        errors={fieldErrors(state, "name")}
      />
      <TextField
        label={t("why")}
        name="why"
        maxLength={200}
        className="input"
        defaultValue={a?.why}
        errors={fieldErrors(state, "why")}
      />
      <NumberField
        label={t("minutes")}
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
  const t = useTranslations("connect.library");
  const [formKey, setFormKey] = useState(0);
  const { state, pending, formProps } = useAction(addActivityAction, {
    onSuccess: () => setFormKey((k) => k + 1),
  });
  return (
    <form {...formProps} key={formKey} className="form" aria-label={t("addFormLabel")}>
      <input type="hidden" name="householdId" value={householdId} />
      <ActivityFields state={state} />
      <FormError message={formError(state, FIELDS)} testId="add-activity-error" />
      <SubmitButton pending={pending} pendingLabel={t("adding")}>
        {t("addToLibrary")}
      </SubmitButton>
    </form>
  );
}

function EditActivity({ householdId, a, onDone }: { householdId: string; a: TActivityView; onDone: () => void }) {
  const t = useTranslations("connect.library");
  const { state, pending, formProps } = useAction(editActivityAction, { onSuccess: onDone });
  return (
    <form {...formProps} className="form" aria-label={t("editFormLabel", { name: a.name })}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="activityId" value={a.id ?? ""} />
      <input type="hidden" name="version" value={a.version} />
      <ActivityFields a={a} state={state} />
      <FormError message={formError(state, FIELDS)} testId="edit-activity-error" />
      <div className="cluster">
        <SubmitButton pending={pending} pendingLabel={t("saving")}>
          {t("save")}
        </SubmitButton>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}

function HideShow({ householdId, a }: { householdId: string; a: TActivityView }) {
  const t = useTranslations("connect.library");
  const text = useText();
  const { state, pending, formProps } = useAction(archiveActivityAction);
  return (
    <form {...formProps}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="activity" value={a.ref} />
      <input type="hidden" name="archived" value={a.archived ? "false" : "true"} />
      <SubmitButton pending={pending} className="button button-secondary">
        {a.archived ? t("showAgain") : a.builtin ? t("hide") : t("archive")}
        <span className="sr-only">: {text(a.name)}</span>
      </SubmitButton>
      <FormError message={state && !state.ok ? state.message : undefined} testId="archive-error" />
    </form>
  );
}

/** "Add to today": the activity in today's plan, for either of you, in one tap (the plan's own add op). */
function AddToToday({ householdId, a, today }: { householdId: string; a: TActivityView; today: string }) {
  const t = useTranslations("connect.library");
  const text = useText();
  const [added, setAdded] = useState(false);
  const { state, pending, formProps } = useAction(addPlanItemAction, {
    onSuccess: () => {
      setAdded(true);
    },
  });
  return (
    <form {...formProps} className={styles.addToday} aria-label={t("addToTodayLabel", { name: text(a.name) })}>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="activity" value={a.ref} />
      <input type="hidden" name="date" value={today} />
      <SubmitButton pending={pending} pendingLabel={t("adding")} className="button button-secondary">
        {t("addToToday")}
        <span className="sr-only">: {text(a.name)}</span>
      </SubmitButton>
      <p role="status" className="small" data-testid="add-today-status">
        {added && state?.ok ? t("addedToToday") : ""}
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
  const t = useTranslations("connect.library");
  const text = useText();
  const f = useFormat();
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
          data-name={text(a.name)}
        >
          {editing === a.ref ? (
            <EditActivity householdId={householdId} a={a} onDone={() => setEditing(null)} />
          ) : (
            <>
              <div className={styles.libraryHead}>
                <h3 className={styles.itemName}>
                  {text(a.name)}
                  {a.minutes ? (
                    <span className="small muted"> · {t("about", { minutes: f.minutesText(a.minutes) })}</span>
                  ) : null}
                  {a.archived ? <span className="small muted"> {t("hidden")}</span> : null}
                </h3>
                {canPlan && !a.archived ? <AddToToday householdId={householdId} a={a} today={today} /> : null}
              </div>
              <details className={styles.more}>
                <summary>
                  {t("moreAboutIt")}
                  <span className="sr-only">: {text(a.name)}</span>
                </summary>
                {a.why ? <p className={styles.why}>{text(a.why)}</p> : null}
                <ul className={styles.meta} aria-label={t("details")}>
                  {a.suits.map((s) => (
                    <li key={s}>{text(SUITS_LABEL[s as TSuits] ?? s)}</li>
                  ))}
                  <li>{a.builtin ? t("builtIn") : t("yourOwn")}</li>
                </ul>
                {canEdit ? (
                  <div className={styles.actions}>
                    {!a.builtin ? (
                      <button type="button" className="button button-secondary" onClick={() => setEditing(a.ref)}>
                        {t("edit")}
                        <span className="sr-only">: {text(a.name)}</span>
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
