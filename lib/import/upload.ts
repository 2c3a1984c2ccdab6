import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { runDomain } from "@/lib/action";
import { invalid, type TFieldErrors, type TResult } from "@/lib/errors";
import { readTextCapped } from "@/lib/http";
import { importAttuneFile, importBabyBuddyFile, type TImportResult } from "./import-household";

// POST /api/import's body: a form (the file in `file`, plus the household's
// name, time zone and night window for a Baby Buddy file) or the raw JSON of
// an Attune export. Read with a cap, so a huge upload is refused as it
// arrives, never held whole.

/** Three years of a busy household is ~3 MB; ten years ~10 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_TOO_BIG =
  "That file is over 20 MB, more than any family's history in Attune. Is it the right file?";
/** The report names at most this many problems: enough to see what is wrong, short enough to read. */
export const IMPORT_MAX_PROBLEMS = 20;

export type TUploadResult = TResult<TImportResult> & { status: number };

const fail = (status: number, message: string, fieldErrors?: TFieldErrors): TUploadResult => ({
  ok: false,
  status,
  code: status === 401 ? "unauthenticated" : "invalid",
  message,
  fieldErrors,
});

/** The first problems, with paths as the file names them ("wakings.3.responderId", not "file.wakings…"). */
function firstProblems(fieldErrors: TFieldErrors | undefined): TFieldErrors | undefined {
  if (!fieldErrors) return undefined;
  const entries = Object.entries(fieldErrors).slice(0, IMPORT_MAX_PROBLEMS);
  return Object.fromEntries(entries.map(([path, messages]) => [path.replace(/^file\.?/, "") || "file", messages]));
}

export async function importUpload(actor: TActor | null, request: Request): Promise<TUploadResult> {
  // Before a byte of the body is read: who is asking.
  if (!actor) return fail(401, "Please sign in again.");
  const body = await readTextCapped(request, IMPORT_MAX_BYTES);
  if (!body.ok) return body.status === 413 ? fail(413, IMPORT_TOO_BIG) : fail(400, "The upload could not be read.");
  const type = request.headers.get("content-type") ?? "";
  let text = body.text;
  const fields: Record<string, string> = {};
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(body.text, { headers: { "content-type": type } }).formData();
    } catch {
      return fail(400, "The upload could not be read.");
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return fail(400, "Choose a file to import.", { file: ["Choose a file to import."] });
    text = await file.text();
    for (const [k, v] of form) if (k !== "file" && typeof v === "string") fields[k] = v;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(400, "That file isn't JSON. Choose the .json file Attune or Baby Buddy gave you (not a CSV).", {
      file: ["Not JSON."],
    });
  }
  const keys = json !== null && typeof json === "object" && !Array.isArray(json) ? Object.keys(json) : [];
  const op = keys.includes("schemaVersion")
    ? () => importAttuneFile(actor, { file: json })
    : keys.includes("sleep")
      ? () => importBabyBuddyFile(actor, { ...fields, file: json })
      : () =>
          Promise.reject(invalid("That file is neither an Attune export nor a Baby Buddy sleep log (docs/import.md)."));
  const result = await runDomain(op);
  if (result.ok) return { ...result, status: 201 };
  const status = result.code === "invalid" ? 400 : result.code === "forbidden" ? 403 : 401;
  return { ...result, status, fieldErrors: firstProblems(result.fieldErrors) };
}
