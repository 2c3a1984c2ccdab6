"use client";

import { useTranslations } from "next-intl";
import { acceptSuggestionAction, dismissSuggestionAction } from "@/lib/connect/actions";
import type { TSuggestion } from "@/lib/connect/suggestions";
import { useAction } from "@/components/ui/use-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckIcon } from "@/components/ui/icons";
import { useText } from "@/components/use-text";
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
  const t = useTranslations("connect.suggestion");
  const accept = useAction(acceptSuggestionAction);
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
          <CheckIcon /> {t("inTodaysPlan")}
        </p>
      ) : (
        <div className={styles.actions}>
          <form {...accept.formProps}>
            {hidden}
            <SubmitButton pending={accept.pending} pendingLabel={t("adding")}>
              {t("addToToday")}
              <span className="sr-only">: {title}</span>
            </SubmitButton>
          </form>
          <form {...dismiss.formProps}>
            {hidden}
            <SubmitButton pending={dismiss.pending} className="button button-quiet">
              {t("notToday")}
              <span className="sr-only">: {title}</span>
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
  const t = useTranslations("connect.suggestion");
  const text = useText();
  const open = suggestion.offers.filter((o) => o.decision !== "dismissed");
  if (!open.length) return null;
  const tired = suggestion.tiredId === meId ? "you" : suggestion.tiredName;
  return (
    <section className={`card ${styles.suggestion}`} aria-labelledby="hard-night-heading" data-testid="hard-night-card">
      <span className="eyebrow">{t("eyebrow")}</span>
      <h2 id="hard-night-heading">{t("heading")}</h2>
      <p data-testid="hard-night-summary">
        {text(suggestion.summary)}.{" "}
        {tired === "you" ? t("tiredMe") : tired ? t("tiredOther", { name: tired }) : t("tiredNone")}{" "}
        {open.length > 1 ? t("twoIdeas") : t("oneIdea")}
      </p>
      {open.map((o) =>
        o.kind === "repair" ? (
          <Offer
            key={o.kind}
            householdId={householdId}
            date={suggestion.date}
            offer={o}
            title={t("repairTitle")}
            text={t("repairText")}
          />
        ) : (
          <Offer
            key={o.kind}
            householdId={householdId}
            date={suggestion.date}
            offer={o}
            title={t("restTitle", {
              helper: o.helperId === meId ? "me" : "other",
              helperName: String(o.helperName),
              tired: tired === "you" ? "me" : "other",
              tiredName: String(suggestion.tiredName),
            })}
            text={t("restText")}
          />
        ),
      )}
    </section>
  );
}
