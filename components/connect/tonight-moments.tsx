"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { TPlanItemView } from "@/lib/connect/today";
import { FormError } from "@/components/ui/form-error";
import { HeartIcon } from "@/components/ui/icons";
import { checkOffError, DoneButton, useCheckOff, usePlanItems, type TShowTick } from "./item-actions";
import { useText } from "@/components/use-text";
import styles from "./connect.module.css";

/**
 * One moment still to do, one tap from done. Kept mounted once it is done
 * (it renders nothing then), so a tick the server refuses comes back with why.
 */
function TickOff({
  item,
  householdId,
  meId,
  show,
}: {
  item: TPlanItemView;
  householdId: string;
  meId: string;
  show: TShowTick;
}) {
  const t = useTranslations("connect.tonight");
  const text = useText();
  const { done } = useCheckOff(show, meId);
  if (item.status !== "open") return null;
  return (
    <li className={styles.cardItem}>
      <span className={styles.mark} aria-hidden="true">
        <HeartIcon size={14} />
      </span>
      <span className={styles.cardItemText}>
        {text(item.activityName)}
        <span className="muted small">
          {" "}
          · {item.assigneeId ? (item.assigneeId === meId ? t("you") : item.assigneeName) : t("eitherOfYou")}
          {item.partOfDay !== "any" ? ` · ${t(`part.${item.partOfDay}`)}` : ""}
        </span>
      </span>
      <DoneButton
        r={{ householdId, planItemId: item.id, date: item.date, activityName: text(item.activityName) }}
        action={done}
        label={t("done")}
        className="button button-secondary"
      />
      <FormError message={checkOffError(done)} testId="check-error" />
    </li>
  );
}

/**
 * What is still to do today, for whom. The button says "Done", the one verb
 * for finishing a moment (Connect says it too), shown at once the same way
 * (usePlanItems); the items are the page's, refreshed with it.
 */
export function TonightMoments({
  householdId,
  meId,
  items: served,
}: {
  householdId: string;
  meId: string;
  items: TPlanItemView[];
}) {
  const t = useTranslations("connect.tonight");
  const [items, show] = usePlanItems(served);
  const left = items.filter((i) => i.status === "open");
  const done = items.length - left.length;
  return (
    <section className="card" aria-labelledby="connect-today-heading" data-testid="connect-tonight">
      <h2 id="connect-today-heading">{t("heading")}</h2>
      {!items.length ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <p>
            {!left.length
              ? t("allDone", { total: items.length })
              : done
                ? t("leftAndDone", { left: left.length, done })
                : t("left", { left: left.length })}
          </p>
          {/* Mounted even when all are done: the last tick-off, refused, comes back with why. */}
          <ul className={styles.weekItems} hidden={!left.length}>
            {items.map((i) => (
              <TickOff key={i.id} item={i} householdId={householdId} meId={meId} show={show} />
            ))}
          </ul>
        </>
      )}
      <p className="small">
        <Link href="/connect" className="button button-secondary">
          {t("openPlan")}
        </Link>
      </p>
    </section>
  );
}
