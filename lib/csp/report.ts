import "server-only";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { z } from "zod";
import { db } from "@/lib/db";

// Violation reports from browsers (POST /api/csp-report). The endpoint is
// public (a report comes from any page, signed in or not), so everything about
// it is bounded: the body (MAX_REPORT_BYTES), the reports per body, each
// field's length, the reports per address and overall per minute, and the
// table's age (rows older than KEEP_DAYS are pruned now and then).
// Read them with: SELECT * FROM csp_reports ORDER BY created_at DESC;

export const MAX_REPORT_BYTES = 16 * 1024;
const MAX_REPORTS_PER_BODY = 10;
const KEEP_DAYS = 30;
export const REPORT_LIMIT = { perAddress: 30, overall: 600, duration: 60 };

const perAddress = new RateLimiterMemory({ keyPrefix: "csp:addr", points: REPORT_LIMIT.perAddress, duration: 60 });
const overall = new RateLimiterMemory({ keyPrefix: "csp:all", points: REPORT_LIMIT.overall, duration: 60 });

/** False once this address (or everyone together) has sent its share this minute. */
export async function mayReport(address: string): Promise<boolean> {
  try {
    await perAddress.consume(address);
    await overall.consume("all");
    return true;
  } catch {
    return false;
  }
}

export type TViolation = {
  directive: string;
  blockedUri: string;
  documentUri: string;
  sourceFile: string | null;
  line: number | null;
  sample: string | null;
  disposition: string;
};

// Browsers send what they saw; Postgres refuses NUL and would mangle lone
// surrogates, so text is cleaned and cut rather than refused.
const CLEAN = /[\u0000-\u001f\u007f]|\p{Cs}/gu;
const text = (max: number) =>
  z.unknown().transform((v) => (typeof v === "string" ? v.replace(CLEAN, "").slice(0, max) : ""));
const optionalText = (max: number) => text(max).transform((s) => s || null);
const lineNumber = z
  .unknown()
  .transform((v) =>
    Number.isSafeInteger(v) && (v as number) >= 0 && (v as number) <= 2 ** 31 - 1 ? (v as number) : null,
  );

/** The Reporting API's shape (report-to): a list of {type, body}. */
const ZReportingApi = z
  .array(
    z.object({
      type: z.string(),
      body: z
        .object({
          effectiveDirective: text(100),
          blockedURL: text(1000),
          documentURL: text(1000),
          sourceFile: optionalText(1000),
          lineNumber,
          sample: optionalText(200),
          disposition: text(20),
        })
        .partial(),
    }),
  )
  .max(MAX_REPORTS_PER_BODY);

/** The older report-uri shape: {"csp-report": {...}}. */
const ZReportUri = z.object({
  "csp-report": z
    .object({
      "effective-directive": text(100),
      "violated-directive": text(100),
      "blocked-uri": text(1000),
      "document-uri": text(1000),
      "source-file": optionalText(1000),
      "line-number": lineNumber,
      "script-sample": optionalText(200),
      disposition: text(20),
    })
    .partial(),
});

const violation = (v: Partial<TViolation>): TViolation => ({
  directive: v.directive || "unknown",
  blockedUri: v.blockedUri ?? "",
  documentUri: v.documentUri ?? "",
  sourceFile: v.sourceFile ?? null,
  line: v.line ?? null,
  sample: v.sample ?? null,
  disposition: v.disposition || "enforce",
});

/** The violations in a report body, or null when it is not a report at all. */
export function parseViolations(json: unknown): TViolation[] | null {
  const api = ZReportingApi.safeParse(json);
  if (api.success)
    return api.data
      .filter((r) => r.type === "csp-violation")
      .map(({ body: b }) =>
        violation({
          directive: b.effectiveDirective,
          blockedUri: b.blockedURL,
          documentUri: b.documentURL,
          sourceFile: b.sourceFile,
          line: b.lineNumber,
          sample: b.sample,
          disposition: b.disposition,
        }),
      );
  const legacy = ZReportUri.safeParse(json);
  if (legacy.success) {
    const r = legacy.data["csp-report"];
    return [
      violation({
        directive: r["effective-directive"] || r["violated-directive"],
        blockedUri: r["blocked-uri"],
        documentUri: r["document-uri"],
        sourceFile: r["source-file"],
        line: r["line-number"],
        sample: r["script-sample"],
        disposition: r.disposition,
      }),
    ];
  }
  return null;
}

/** Stores the violations; now and then prunes the ones older than KEEP_DAYS. */
export async function storeViolations(violations: TViolation[]): Promise<void> {
  if (!violations.length) return;
  await db.cspReport.createMany({ data: violations });
  if (Math.random() < 0.01)
    await db.$executeRaw`DELETE FROM csp_reports WHERE created_at < now() - make_interval(days => ${KEEP_DAYS})`;
}
