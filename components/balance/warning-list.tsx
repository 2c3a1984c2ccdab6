"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { requestSwapAction } from "@/lib/nights/actions";
import { useAction } from "@/components/ui/use-action";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import type { TWarning } from "@/lib/balance/warnings";
import { leadWarning } from "@/lib/balance/present";
import { useFormat } from "@/components/format-provider";
import { useText } from "@/components/use-text";
import styles from "@/components/balance/balance.module.css";

type TName = { id: string; name: string };

/**
 * The early warnings as one card (the lead one, lib/balance/present.ts), with
 * one action, so it never asks in both directions at once: a swap
 * request through the night screens' own action (lib/nights/swaps.ts). The
 * loaded caregiver answers it under "Swaps waiting" on Tonight.
 */
export function WarningList({
  householdId,
  warnings,
  people,
}: {
  householdId: string;
  warnings: TWarning[];
  people: TName[];
}) {
  const lead = leadWarning(warnings);
  if (!lead) return null;
  return (
    <div className="stack" data-testid="balance-warnings">
      <WarningCard key={lead.caregiverId} householdId={householdId} warning={lead} people={people} />
    </div>
  );
}

function WarningCard({ householdId, warning, people }: { householdId: string; warning: TWarning; people: TName[] }) {
  const t = useTranslations("balance.warnings");
  const f = useFormat();
  const text = useText();
  const nameOf = (id: string) => {
    const name = people.find((p) => p.id === id)?.name;
    return name === undefined ? t("someone") : text(name);
  };
  const [sent, setSent] = useState<string | null>(null);
  const offer = warning.offer;
  // The swap request revalidates the pages, and this one with them; the card then says a swap is waiting.
  const { state, pending, formProps } = useAction(requestSwapAction, {
    onSuccess: () => {
      if (!offer || offer.kind === "pending") return;
      setSent(t(offer.kind === "ask" ? "asked" : "offered", { name: nameOf(offer.answererId) }));
    },
  });
  const when = offer ? { tonight: offer.tonight ? "yes" : "no", day: f.shortDay(offer.night) } : null;
  return (
    <div
      className={`notice ${styles.warning}`}
      data-testid="balance-warning"
      data-caregiver={warning.caregiverId}
      style={{ display: "block" }}
    >
      {warning.reasons.map((r) => (
        <p key={r.kind} data-kind={r.kind}>
          {text(r.text)}
        </p>
      ))}
      {offer?.kind === "pending" ? (
        <p className="small">{t("pending", { ...when })}</p>
      ) : offer && !sent ? (
        <form {...formProps} noValidate>
          <FormError message={state && !state.ok ? state.message : undefined} testId="offer-error" />
          <input type="hidden" name="householdId" value={householdId} />
          <input type="hidden" name="shiftId" value={offer.shiftId} />
          {offer.kind === "ask" ? <input type="hidden" name="toId" value={offer.toId} /> : null}
          <input type="hidden" name="message" value={offer.kind === "ask" ? t("askMessage") : t("offerMessage")} />
          <SubmitButton pending={pending} pendingLabel={t("sending")}>
            {offer.kind === "ask" ? t("ask", { ...when, name: nameOf(offer.toId) }) : t("offer", { ...when })}
          </SubmitButton>
        </form>
      ) : null}
      <p role="status" className="small" data-testid="offer-sent">
        {sent ?? ""}
      </p>
    </div>
  );
}
