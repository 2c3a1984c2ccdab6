import { clientAddress } from "@/lib/auth/client-address";
import { MAX_REPORT_BYTES, mayReport, parseViolations, storeViolations } from "@/lib/csp/report";
import { readTextCapped } from "@/lib/http";

export const dynamic = "force-dynamic";

const REPORT_TYPES = ["application/reports+json", "application/csp-report", "application/json"];

const answer = (status: number, error?: string) =>
  error
    ? Response.json({ error }, { status, headers: { "Cache-Control": "no-store" } })
    : new Response(null, { status, headers: { "Cache-Control": "no-store" } });

/**
 * Where browsers report Content-Security-Policy violations (proxy.ts names it
 * in report-to and report-uri). Public by design: throttled per address,
 * body bounded, reports stored in csp_reports (lib/csp/report.ts).
 */
export async function POST(request: Request) {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (!REPORT_TYPES.includes(type)) return answer(415, "Send a CSP report (application/reports+json).");
  if (!(await mayReport(clientAddress(request.headers)))) return answer(429, "Too many reports.");
  const body = await readTextCapped(request, MAX_REPORT_BYTES);
  if (!body.ok) return answer(body.status, body.status === 413 ? "The report is too large." : "Unreadable report.");
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    return answer(400, "The report is not valid JSON.");
  }
  const violations = parseViolations(json);
  if (!violations) return answer(400, "That is not a CSP report.");
  await storeViolations(violations);
  return answer(204);
}
