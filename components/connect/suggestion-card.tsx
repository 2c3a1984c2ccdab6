"use client";

import { acceptSuggestionAction, dismissSuggestionAction } from "@/lib/connect/actions";
import type { TSuggestion } from "@/lib/connect/suggestions";
import { useAction } from "@/components/ui/use-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckIcon } from "@/components/ui/icons";
import { useRefreshPlan } from "./queries";
import styles from "./connect.module.css";

type TOffer = TSuggestion["offers"][number];

function Offer({
  householdId,
  date,
  offer,
  title,
  text,
}: {
  householdId: string;
  date: string;
  offer: TOffer;
  title: string;
  text: string;
}) {
  const refreshPlan = useRefreshPlan(householdId);
  const accept = useAction(acceptSuggestionAction, { onSuccess: refreshPlan });
  const dismiss = useAction(dismissSuggestionAction);
  const hidden = (
    <>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="date" value={date} />
      <input type="hidden" name="kind" value={offer.kind} />
    </>
  );
  const error = [accept.state, dismiss.state].find((s) => s && !s.ok);
  return (
    <div className={styles.offer} data-testid={`offer-${offer.kind}`}>
      <h3 className={styles.itemName}>{title}</h3>
      <p className={styles.why}>{text}</p>
      {offer.decision === "accepted" ? (
        <p className={styles.status}>
          <CheckIcon /> In today&apos;s plan
        </p>
      ) : (
        <div className={styles.actions}>
          <form {...accept.formProps}>
            {hidden}
            <SubmitButton pending={accept.pending} pendingLabel="Adding…">
              Add to today<span className="sr-only">: {title}</span>
            </SubmitButton>
          </form>
          <form {...dismiss.formProps}>
            {hidden}
            <SubmitButton pending={dismiss.pending} className="button button-quiet">
              Not today<span className="sr-only">: {title}</span>
            </SubmitButton>
          </form>
        </div>
      )}
      <FormError message={error && !error.ok ? error.message : undefined} testId="suggestion-error" />
    </div>
  );
}

/** The day after a hard night: a repair moment and rest for whoever carried it, each one tap away. */
export function SuggestionCard({
  householdId,
  suggestion,
  meId,
}: {
  householdId: string;
  suggestion: TSuggestion;
  meId: string;
}) {
  const open = suggestion.offers.filter((o) => o.decision !== "dismissed");
  if (!open.length) return null;
  const tired = suggestion.tiredId === meId ? "you" : suggestion.tiredName;
  return (
    <section className={`card ${styles.suggestion}`} aria-labelledby="hard-night-heading" data-testid="hard-night-card">
      <span className="eyebrow">After a hard night</span>
      <h2 id="hard-night-heading">Last night was a lot</h2>
      <p data-testid="hard-night-summary">
        {suggestion.summary}.{" "}
        {tired === "you"
          ? "You carried most of it: go gently on yourself today."
          : tired
            ? `${tired} carried most of it: go gently on each other today.`
            : "Go gently on each other today."}{" "}
        {open.length > 1 ? "Two ideas:" : "One idea:"}
      </p>
      {open.map((o) =>
        o.kind === "repair" ? (
          <Offer
            key={o.kind}
            householdId={householdId}
            date={suggestion.date}
            offer={o}
            title="Repair after a hard night"
            text="Name what happened, then reconnect: hold them close and tell them, “Last night was hard. I'm here now.”"
          />
        ) : (
          <Offer
            key={o.kind}
            householdId={householdId}
            date={suggestion.date}
            offer={o}
            title={`${o.helperId === meId ? "You take" : `${o.helperName} takes`} the morning so ${tired === "you" ? "you" : suggestion.tiredName} can rest`}
            text="The baby stays close to one of you while the other sleeps in. Rest is care too."
          />
        ),
      )}
    </section>
  );
}
