import { getTranslations } from "next-intl/server";
import type { TActor, TRole } from "@/lib/auth/actor";
import { canManageWebhooks } from "@/lib/household/rights";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";
import { listWebhooks, type TDeliveryView } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/events";
import { AddWebhook, RemoveWebhook } from "@/components/webhooks/webhook-forms";
import { ActionButton } from "@/components/ui/action-button";
import { pauseWebhookAction, sendTestWebhookAction } from "@/lib/webhooks/actions";
import styles from "./webhooks.module.css";

/**
 * Settings' "Webhooks" (docs/decisions/0032, docs/webhooks.md), for parents
 * only: each webhook with what it receives and its last 20 deliveries, a test
 * event, removal; and a form to add one. A helper sees nothing of it.
 */
export async function WebhooksSection({
  actor,
  householdId,
  role,
  timeZone,
}: {
  actor: TActor;
  householdId: string;
  role: TRole;
  timeZone: string;
}) {
  if (!canManageWebhooks({ role })) return null;
  const [webhooks, t, f, text] = await Promise.all([
    listWebhooks(actor, { householdId }),
    getTranslations("webhooks"),
    getFormat(),
    getText(),
  ]);
  // A delivery's status in words: the catalogue's `deliveries.status.<status>`.
  const statusLabel = (status: TDeliveryView["status"]) => t(`deliveries.status.${status}`);
  return (
    <section className="card stack" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">{t("heading")}</h2>
      <p>{t.rich("intro", { link: (chunks) => <a href="/developers#webhooks">{chunks}</a> })}</p>
      {webhooks.length ? (
        <ul className="list" data-testid="webhooks">
          {webhooks.map((w) => (
            <li key={w.id} className="stack" data-testid="webhook">
              <div>
                <strong>{w.name}</strong>
                {w.pausedAt ? (
                  <>
                    {" "}
                    <span className="badge" data-testid="webhook-paused">
                      {t("paused")}
                    </span>
                  </>
                ) : null}
                <br />
                <small className={styles.url}>{w.url}</small>
                <br />
                <small>
                  {t(w.createdByName ? "addedBy" : "added", {
                    events: w.events.map((e) => text(WEBHOOK_EVENT_LABELS[e])).join("; "),
                    date: f.dayTimeIn(w.createdAt, timeZone),
                    name: text(w.createdByName ?? ""),
                  })}
                  {w.pausedAt ? ` ${t("pausedSince", { date: f.dayTimeIn(w.pausedAt, timeZone) })}` : ""}
                </small>
              </div>
              <div className="cluster">
                {w.pausedAt ? null : (
                  <ActionButton
                    action={sendTestWebhookAction}
                    fields={{ householdId, webhookId: w.id }}
                    what={t("test.what", { name: w.name })}
                    pendingLabel={t("test.pending")}
                    done={t("test.done")}
                  >
                    {t("test.button")}
                  </ActionButton>
                )}
                <ActionButton
                  action={pauseWebhookAction}
                  fields={{ householdId, webhookId: w.id, to: w.pausedAt ? "resume" : "pause" }}
                  what={w.name}
                  pendingLabel={w.pausedAt ? t("pause.resuming") : t("pause.pausing")}
                >
                  {w.pausedAt ? t("pause.resume") : t("pause.pause")}
                </ActionButton>
                <RemoveWebhook householdId={householdId} webhookId={w.id} name={w.name} />
              </div>
              <details>
                <summary>
                  {t.rich("deliveries.summary", {
                    count: w.deliveries.length,
                    muted: (chunks) => <span className="muted">{chunks}</span>,
                  })}
                </summary>
                {w.deliveries.length ? (
                  <ul className={styles.deliveries} data-testid="webhook-deliveries">
                    {w.deliveries.map((d) => (
                      <li key={d.id} data-status={d.status}>
                        <span className={styles.event}>{d.event}</span>
                        <small>{f.dayTimeIn(d.createdAt, timeZone)}</small>
                        <span className={`badge ${d.status === "pending" ? "" : styles[d.status]}`}>
                          {statusLabel(d.status)}
                        </span>
                        <small>
                          {t("deliveries.detail", {
                            hasCode: d.lastStatusCode ? "yes" : "no",
                            code: String(d.lastStatusCode ?? ""),
                            attempts: d.attempts,
                            hasNext: d.status === "pending" && d.attempts > 0 ? "yes" : "no",
                            next:
                              d.status === "pending" && d.attempts > 0 ? f.dayTimeIn(d.nextAttemptAt, timeZone) : "",
                          })}
                        </small>
                        {d.lastError && d.status !== "delivered" ? (
                          <small className={`${styles.error} muted`}>{d.lastError}</small>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="small muted">{t("deliveries.none")}</p>
                )}
              </details>
            </li>
          ))}
        </ul>
      ) : null}
      <AddWebhook householdId={householdId} />
    </section>
  );
}
