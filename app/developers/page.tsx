import type { Metadata } from "next";
import Link from "next/link";
import { PublicShell } from "@/components/public-shell";
import { openApiDocument } from "@/lib/api/openapi";
import { VERIFY_EXAMPLE } from "@/lib/webhooks/verify-example";

// Rendered per request: the Content-Security-Policy's nonce (proxy.ts) is new on every page.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "API",
  description: "Attune's API: log a waking from a bedside button, read tonight's duty, with a personal token.",
};

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
  const doc = openApiDocument();
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m.toUpperCase(), op: item[m]! })),
  );
  return (
    <PublicShell>
      <article className="stack">
        <h1>Attune API</h1>
        <p>{doc.info.description}</p>
        <p>
          Make a token in <Link href="/settings">Settings → Connect a device or app</Link>. The whole description, for
          tools that read OpenAPI 3.1: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.
        </p>
        <h2>Log a waking from a button</h2>
        <pre>
          <code>{`curl -X POST -H "Authorization: Bearer $TOKEN" \\
  -H "Idempotency-Key: $(uuidgen)" https://your.host/api/v1/wakings`}</code>
        </pre>
        <p>
          A new <code>Idempotency-Key</code> for each press: if the same press is sent twice (a retry), it is logged
          once.
        </p>
        <h2 id="webhooks">Webhooks</h2>
        <p>
          A parent can add a webhook in <Link href="/settings">Settings → Webhooks</Link>: Attune then POSTs a JSON
          message to its URL when a baby wakes or goes back to sleep, when someone asks for help or answers, and when a
          swap is asked for or answered. Each body is{" "}
          <code>{`{ "id", "type", "occurredAt", "householdId", "data" }`}</code>; <code>id</code> is the delivery&apos;s
          id (also in the <code>Attune-Delivery</code> header): a retried delivery keeps it, so use it to ignore
          repeats. <code>Attune-Event</code> names the event. Any 2xx answer within 10 seconds counts as delivered;
          anything else is tried again after 30 s, 2 min, 10 min, 1 h and 6 h. Redirects are not followed.
        </p>
        <p>
          Check the <code>Attune-Signature</code> header (<code>t=&lt;unix time&gt;,v1=&lt;hex HMAC-SHA256&gt;</code> of{" "}
          <code>t + &quot;.&quot; + body</code> under the webhook&apos;s secret) before trusting a message:
        </p>
        <pre>
          <code>{VERIFY_EXAMPLE}</code>
        </pre>
        <h2>Operations</h2>
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
                        <code>{p.name}</code> ({p.in}
                        {p.required ? ", required" : ""})
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
