"use client";

import { ClockField } from "@/components/ui/clock-field";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { invalidateQueries } from "@/lib/query-bridge";
import { updateWakingAction } from "@/lib/log/actions";
import { logKeys } from "@/lib/log/query-keys";
import { Field, SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";
import { HelpedTags } from "@/components/log/helped-tags";
import { clockValueIn } from "@/lib/time/local-time";
import styles from "@/components/log/log.module.css";
import { closeDetails } from "@/components/ui/close-details";
import type { TEditableWaking } from "@/components/log/waking-editor";

const FIELDS = ["responderId", "start", "end", "helped", "note"] as const;

/**
 * WakingEditor's form: loaded when a row is first opened (components/ui/lazy.tsx),
 * with the time zone's clock values (lib/time, not needed before).
 */
export function WakingForm({
  householdId,
  waking,
  timeZone,
  people,
  helped,
  onHelpedChange,
  onSaved,
}: {
  householdId: string;
  waking: TEditableWaking;
  timeZone: string;
  people: { id: string; name: string; isMe: boolean }[];
  /** What helped, held by the row (it starts again from the saved waking each time the row opens). */
  helped: string[];
  onHelpedChange: (helped: string[]) => void;
  onSaved: () => void;
}) {
  const t = useTranslations("log.editor");
  const router = useRouter();
  const { state, pending, formProps } = useAction(updateWakingAction, {
    onSuccess: (_d, form) => {
      onSaved();
      if (form) closeDetails(form);
      // Tonight's list is held in React Query; the recent nights are server-rendered.
      invalidateQueries(logKeys.all);
      router.refresh();
    },
  });
  return (
    // Keyed by version: after a refresh the fields show the latest.
    <form
      key={waking.version}
      {...formProps}
      className="form"
      noValidate
      aria-label={t("change", { time: waking.startText })}
    >
      <FormError message={formError(state, FIELDS)} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="wakingId" value={waking.id} />
      <input type="hidden" name="version" value={waking.version} />
      <SelectField
        label={t("who")}
        name="responderId"
        defaultValue={waking.responderId}
        errors={fieldErrors(state, "responderId")}
      >
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.isMe ? t("you", { name: p.name }) : p.name}
          </option>
        ))}
      </SelectField>
      <div className={styles.pair}>
        <ClockField
          label={t("start")}
          name="start"
          defaultValue={clockValueIn(waking.startedAt, timeZone)}
          required
          errors={fieldErrors(state, "start")}
        />
        <ClockField
          label={t("end")}
          name="end"
          defaultValue={waking.endedAt ? clockValueIn(waking.endedAt, timeZone) : ""}
          hint={waking.endedAt ? undefined : t("endHint")}
          errors={fieldErrors(state, "end")}
        />
      </div>
      <HelpedTags value={helped} onChange={onHelpedChange} />
      <Field label={t("note")} errors={fieldErrors(state, "note")}>
        {(control) => (
          <textarea
            {...control}
            name="note"
            rows={2}
            maxLength={280}
            defaultValue={waking.note}
            className={styles.textarea}
          />
        )}
      </Field>
      <SubmitButton pending={pending} pendingLabel={t("saving")}>
        {t("save")}
      </SubmitButton>
    </form>
  );
}
