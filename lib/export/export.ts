import "server-only";
import { z } from "zod";
import { householdQuery } from "@/lib/context";
import { forbidden } from "@/lib/errors";
import { localDateOf } from "@/lib/time/local-date";
import { isoInZone } from "@/lib/time/local-time";
import { AFTER_FIELDS, ZId } from "@/lib/validation";
import { CSV_AREAS, csvChunks, type TCsvArea } from "./csv";
import { canExport, EXPORT_REFUSED, EXPORT_SCOPES } from "./rights";
import { readHouseholdHead, SECTIONS, type TExportCtx } from "./sections";
import { streamOf } from "./stream";

// "Download our data" (GET /api/export): the household's data, or one's own,
// as one JSON file or a CSV per area, streamed (docs/export-format.md,
// docs/decisions/0023-export.md).

/** Bumped when a key changes meaning or goes away (adding keys does not). */
export const EXPORT_SCHEMA_VERSION = 1;

export const ZExportQuery = z
  .object({
    householdId: ZId,
    format: z.enum(["json", "csv"], { error: 'Choose the format "json" or "csv".' }).default("json"),
    area: z.enum(CSV_AREAS, { error: 'Choose the area "nights", "wakings", "plan" or "notes".' }).optional(),
    scope: z.enum(EXPORT_SCOPES, { error: 'Choose the scope "household" or "mine".' }).default("household"),
  })
  // Only once every field parsed (AFTER_FIELDS): a bad format gets its own message, not this one too.
  .refine((q) => q.format !== "csv" || q.area !== undefined, {
    ...AFTER_FIELDS,
    path: ["area"],
    message: 'A CSV needs an area: "nights", "wakings", "plan" or "notes".',
  })
  .refine((q) => q.format !== "json" || q.area === undefined, {
    ...AFTER_FIELDS,
    path: ["area"],
    message: "The JSON export holds every area; leave out area.",
  });

export type TExportFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

/** "Sam & Alex" → "sam-alex": the file name's household part, plain ASCII (a header value). */
function slug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return s || "household";
}

/**
 * The whole JSON document, piece by piece: the head, then each section's
 * rows a batch at a time (one row a line), so memory holds one batch.
 */
export async function* jsonChunks(c: TExportCtx, now: Date): AsyncGenerator<string> {
  const head = await readHouseholdHead(c);
  const exportedBy = { caregiverId: c.me.caregiverId, name: c.me.name, role: c.me.role };
  yield JSON.stringify({
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: isoInZone(now, c.household.timeZone),
    scope: c.scope,
    exportedBy,
    ...head,
  }).slice(0, -1);
  for (const section of SECTIONS) {
    if (!section.scopes.includes(c.scope)) continue;
    yield `,\n${JSON.stringify(section.key)}:[`;
    let first = true;
    for await (const rows of section.rows(c)) {
      yield (first ? "\n" : ",\n") + rows.map((r) => JSON.stringify(r)).join(",\n");
      first = false;
    }
    yield "]";
  }
  yield "\n}\n";
}

/**
 * Checks who is asking and what for, and hands back the file to send: its
 * name, type and a stream that reads the database only as it is downloaded.
 * Parents may take the household's export; everyone their own (scope=mine).
 */
export const prepareExport = householdQuery(ZExportQuery, {}, async ({ me, household, data, now }) => {
  if (!canExport(me, data.scope)) throw forbidden(EXPORT_REFUSED);
  const c: TExportCtx = { me, household, scope: data.scope };
  const who = data.scope === "mine" ? `-${slug(me.name)}` : "";
  const base = `attune-${slug(household.name)}${who}`;
  const date = localDateOf(now, household.timeZone);
  // The schema gives a CSV its area and the JSON none.
  if (data.area) {
    const area: TCsvArea = data.area;
    return {
      filename: `${base}-${area}-${date}.csv`,
      contentType: "text/csv; charset=utf-8",
      body: streamOf(csvChunks(c, area)),
    } satisfies TExportFile;
  }
  return {
    filename: `${base}-${date}.json`,
    contentType: "application/json; charset=utf-8",
    body: streamOf(jsonChunks(c, now)),
  } satisfies TExportFile;
});
