import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { PublicShell } from "@/components/public-shell";
import { openApiDocument } from "@/lib/api/openapi";
import { VERIFY_EXAMPLE } from "@/lib/webhooks/verify-example";

// Rendered per request: the Content-Security-Policy's nonce (proxy.ts) is new on every page.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("developers");
  return { title: t("title"), description: t("description") };
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

type TSchema = { type?: string | string[]; format?: string; enum?: unknown[]; description?: string; $ref?: string };

function typeOf(s: TSchema | undefined): string {
  if (!s) return "";
  if (s.$ref) return s.$ref.replace("#/components/schemas/", "");
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  return [[s.type].flat().filter(Boolean).join(" | "), s.format].filter(Boolean).join(", ");
}

/**
 * The API reference, read from the same OpenAPI document the API serves
 * (/api/v1/openapi.json), so the two never disagree. Plain server-rendered
 * HTML: no client script.
 */
export default function DevelopersPage() {
  const t = useTranslations("developers");
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  const doc = openApiDocument();
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m.toUpperCase(), op: item[m]! })),
  );
  return (
    <PublicShell>
      <article className="stack">
        <h1>{t("heading")}</h1>
        <p>{doc.info.description}</p>
        <p>
          {t.rich("token", {
            specUrl: "/api/v1/openapi.json",
            settings: (chunks) => <Link href="/settings">{chunks}</Link>,
            spec: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
          })}
        </p>
        <h2>{t("buttonHeading")}</h2>
        <pre>
          <code>{`curl -X POST -H "Authorization: Bearer $TOKEN" \\
  -H "Idempotency-Key: $(uuidgen)" https://your.host/api/v1/wakings`}</code>
        </pre>
        <p>{t.rich("idempotency", { header: "Idempotency-Key", code })}</p>
        <h2 id="webhooks">{t("webhooksHeading")}</h2>
        <p>
          {t.rich("webhooks", {
            body: `{ "id", "type", "occurredAt", "householdId", "data" }`,
            id: "id",
            deliveryHeader: "Attune-Delivery",
            eventHeader: "Attune-Event",
            settings: (chunks) => <Link href="/settings">{chunks}</Link>,
            code,
          })}
        </p>
        <p>
          {t.rich("signature", {
            signatureHeader: "Attune-Signature",
            signatureFormat: "t=<unix time>,v1=<hex HMAC-SHA256>",
            signedText: 't + "." + body',
            code,
          })}
        </p>
        <pre>
          <code>{VERIFY_EXAMPLE}</code>
        </pre>
        <h2>{t("operationsHeading")}</h2>
        {ops.map(({ path, method, op }) => {
          const params = (op.parameters ?? []) as { name: string; in: string; required?: boolean; schema?: TSchema }[];
          const responses = Object.entries(op.responses ?? {}) as [string, { description?: string }][];
          return (
            <section key={`${method} ${path}`} className="card stack" aria-labelledby={op.operationId}>
              <h3 id={op.operationId}>
                {op.summary}: <code>{`${method} ${path}`}</code>
              </h3>
              {(op.description ?? "").split("\n\n").map((p) => (
                <p key={p}>{p}</p>
              ))}
              {params.length ? (
                <dl className="details">
                  {params.map((p) => (
                    <div key={`${p.in} ${p.name}`}>
                      <dt>
                        <code>{p.name}</code> {t("paramPlace", { place: p.in, required: p.required ? "yes" : "no" })}
                      </dt>
                      <dd>
                        {typeOf(p.schema)}
                        {p.schema?.description ? `: ${p.schema.description}` : ""}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
              <ul className="small">
                {responses.map(([status, r]) => (
                  <li key={status}>
                    <code>{status}</code> {r.description}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </article>
    </PublicShell>
  );
}
