import type { TActor, TRole } from "@/lib/auth/actor";
import { canManageWebhooks } from "@/lib/household/rights";
import { dayTimeIn } from "@/lib/format";
import { listWebhooks, type TDeliveryView } from "@/lib/webhooks/endpoints";
import { WEBHOOK_EVENT_LABELS } from "@/lib/webhooks/events";
import { AddWebhook, RemoveWebhook } from "@/components/webhooks/webhook-forms";
import { ActionButton } from "@/components/ui/action-button";
import { pauseWebhookAction, sendTestWebhookAction } from "@/lib/webhooks/actions";
import styles from "./webhooks.module.css";

const STATUS: Record<TDeliveryView["status"], string> = {
  pending: "Waiting",
  delivered: "Delivered",
  failed: "Failed",
};

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
  const webhooks = await listWebhooks(actor, { householdId });
  return (
    <section className="card stack" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading">Webhooks</h2>
      <p>
        Let another system know when a baby wakes or someone needs help: Attune POSTs a small signed JSON message to
        your address, like Home Assistant's webhook trigger. Each delivery says which event it is and is signed with the
        webhook's secret; the <a href="/developers#webhooks">developer page</a> shows how to check it.
      </p>
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
                      Paused
                    </span>
                  </>
                ) : null}
                <br />
                <small className={styles.url}>{w.url}</small>
                <br />
                <small>
                  {w.events.map((e) => WEBHOOK_EVENT_LABELS[e]).join("; ")}. Added {dayTimeIn(w.createdAt, timeZone)}
                  {w.createdByName ? ` by ${w.createdByName}` : ""}.
                  {w.pausedAt
                    ? ` Paused ${dayTimeIn(w.pausedAt, timeZone)}: nothing is sent, and events meanwhile are not kept.`
                    : ""}
                </small>
              </div>
              <div className="cluster">
                {w.pausedAt ? null : (
                  <ActionButton
                    action={sendTestWebhookAction}
                    fields={{ householdId, webhookId: w.id }}
                    what={`to ${w.name}`}
                    pendingLabel="Sending…"
                    done="Sent for delivery: it shows in the list below."
                  >
                    Send a test event
                  </ActionButton>
                )}
                <ActionButton
                  action={pauseWebhookAction}
                  fields={{ householdId, webhookId: w.id, to: w.pausedAt ? "resume" : "pause" }}
                  what={w.name}
                  pendingLabel={w.pausedAt ? "Resuming…" : "Pausing…"}
                >
                  {w.pausedAt ? "Resume" : "Pause"}
                </ActionButton>
                <RemoveWebhook householdId={householdId} webhookId={w.id} name={w.name} />
              </div>
              <details>
                <summary>
                  Last deliveries <span className="muted">({w.deliveries.length})</span>
                </summary>
                {w.deliveries.length ? (
                  <ul className={styles.deliveries} data-testid="webhook-deliveries">
                    {w.deliveries.map((d) => (
                      <li key={d.id} data-status={d.status}>
                        <span className={styles.event}>{d.event}</span>
                        <small>{dayTimeIn(d.createdAt, timeZone)}</small>
                        <span className={`badge ${d.status === "pending" ? "" : styles[d.status]}`}>
                          {STATUS[d.status]}
                        </span>
                        <small>
                          {d.lastStatusCode ? `HTTP ${d.lastStatusCode}, ` : ""}
                          {d.attempts === 1 ? "1 attempt" : `${d.attempts} attempts`}
                          {d.status === "pending" && d.attempts > 0
                            ? `, next at ${dayTimeIn(d.nextAttemptAt, timeZone)}`
                            : ""}
                        </small>
                        {d.lastError && d.status !== "delivered" ? (
                          <small className={`${styles.error} muted`}>{d.lastError}</small>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="small muted">Nothing sent yet. “Send a test event” tries it out.</p>
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
