import Link from "next/link";
import type { TActor } from "@/lib/auth/actor";
import { listApiTokens } from "@/lib/api/tokens";
import { SCOPE_LABELS } from "@/lib/api/rights";
import { dayTimeIn } from "@/lib/format";
import { CreateApiToken } from "@/components/api/api-token-forms";
import { ActionButton } from "@/components/ui/action-button";
import { revokeApiTokenAction } from "@/lib/api/actions";

/**
 * Settings' "Connect a device or app": the caller's personal API tokens
 * (docs/decisions/0027), each with what it may do and when it was last used,
 * and a form to make one. Secrets are shown once, when made.
 */
export async function ApiTokensSection({
  actor,
  householdId,
  timeZone,
}: {
  actor: TActor;
  householdId: string;
  timeZone: string;
}) {
  const tokens = await listApiTokens(actor, { householdId });
  return (
    <section className="card stack" aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading">Connect a device or app</h2>
      <p>
        A personal token lets a bedside button or your home automation log a waking as you. It can do only what you
        allow, and stops the moment you revoke it. <Link href="/developers">How the API works</Link>
      </p>
      {tokens.length ? (
        <ul className="list" data-testid="api-tokens">
          {tokens.map((t) => (
            <li key={t.id} className="cluster" data-testid="api-token" data-revoked={t.revokedAt ? true : undefined}>
              <div>
                <strong>{t.name}</strong>
                <br />
                <small>
                  {t.scopes.map((s) => SCOPE_LABELS[s]).join("; ")}. Made {dayTimeIn(t.createdAt, timeZone)},{" "}
                  {t.lastUsedAt ? `last used ${dayTimeIn(t.lastUsedAt, timeZone)}` : "not used yet"}
                  {t.revokedAt ? `, revoked ${dayTimeIn(t.revokedAt, timeZone)}` : ""}.
                </small>
              </div>
              {t.revokedAt ? null : (
                <ActionButton
                  action={revokeApiTokenAction}
                  fields={{ householdId, tokenId: t.id }}
                  what={t.name}
                  pendingLabel="Revoking…"
                >
                  Revoke
                </ActionButton>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <CreateApiToken householdId={householdId} />
    </section>
  );
}
