import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TActor } from "@/lib/auth/actor";
import { listApiTokens } from "@/lib/api/tokens";
import { SCOPE_LABELS } from "@/lib/api/rights";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";
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
  const [tokens, t, f, text] = await Promise.all([
    listApiTokens(actor, { householdId }),
    getTranslations("apiTokens"),
    getFormat(),
    getText(),
  ]);
  return (
    <section className="card stack" aria-labelledby="api-tokens-heading">
      <h2 id="api-tokens-heading">{t("heading")}</h2>
      <p>{t.rich("intro", { link: (chunks) => <Link href="/developers">{chunks}</Link> })}</p>
      {tokens.length ? (
        <ul className="list" data-testid="api-tokens">
          {tokens.map((token) => (
            <li
              key={token.id}
              className="cluster"
              data-testid="api-token"
              data-revoked={token.revokedAt ? true : undefined}
            >
              <div>
                <strong>{token.name}</strong>
                <br />
                <small>
                  {t("summary", {
                    scopes: token.scopes.map((s) => text(SCOPE_LABELS[s])).join("; "),
                    made: f.dayTimeIn(token.createdAt, timeZone),
                    used: token.lastUsedAt ? "yes" : "no",
                    lastUsed: token.lastUsedAt ? f.dayTimeIn(token.lastUsedAt, timeZone) : "",
                    revoked: token.revokedAt ? "yes" : "no",
                    revokedAt: token.revokedAt ? f.dayTimeIn(token.revokedAt, timeZone) : "",
                  })}
                </small>
              </div>
              {token.revokedAt ? null : (
                <ActionButton
                  action={revokeApiTokenAction}
                  fields={{ householdId, tokenId: token.id }}
                  what={token.name}
                  pendingLabel={t("revoke.pending")}
                >
                  {t("revoke.button")}
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
