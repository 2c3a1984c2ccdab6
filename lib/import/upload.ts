import "server-only";
import type { TActor } from "@/lib/auth/actor";
import { runDomain } from "@/lib/action";
import { invalid, type TFieldErrors, type TResult } from "@/lib/errors";
import { readTextCapped } from "@/lib/http";
import { importAttuneFile, importBabyBuddyFile, type TImportResult } from "./import-household";
import { msg } from "@/lib/i18n/text";
import { textIn } from "@/lib/i18n/translate";
import { localeOf } from "@/lib/i18n/request";

// POST /api/import's body: a form (the file in `file`, plus the household's
// name, time zone and night window for a Baby Buddy file) or the raw JSON of
// an Attune export. Read with a cap, so a huge upload is refused as it
// arrives, never held whole.

/** Three years of a busy household is ~3 MB; ten years ~10 MB. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_TOO_BIG = msg("onboarding.import.errors.tooBig", { max: 20 });
/** The report names at most this many problems: enough to see what is wrong, short enough to read. */
export const IMPORT_MAX_PROBLEMS = 20;

export type TUploadResult = TResult<TImportResult> & { status: number };

/** A refusal before the domain runs, in the asker's language (as runDomain gives the others). */
async function fail(
  actor: TActor | null,
  status: number,
  message: string,
  fieldErrors?: TFieldErrors,
): Promise<TUploadResult> {
  const locale = await localeOf(actor);
  const say = (s: string) => textIn(locale, s);
  const fields = fieldErrors
    ? Object.fromEntries(
        await Promise.all(
          Object.entries(fieldErrors).map(async ([k, list]) => [k, await Promise.all(list.map(say))] as const),
        ),
      )
    : undefined;
  return {
    ok: false,
    status,
    code: status === 401 ? "unauthenticated" : "invalid",
    message: await say(message),
    fieldErrors: fields,
  };
}

/** The first problems, with paths as the file names them ("wakings.3.responderId", not "file.wakings…"). */
function firstProblems(fieldErrors: TFieldErrors | undefined): TFieldErrors | undefined {
  if (!fieldErrors) return undefined;
  const entries = Object.entries(fieldErrors).slice(0, IMPORT_MAX_PROBLEMS);
  return Object.fromEntries(entries.map(([path, messages]) => [path.replace(/^file\.?/, "") || "file", messages]));
}

export async function importUpload(actor: TActor | null, request: Request): Promise<TUploadResult> {
  // Before a byte of the body is read: who is asking.
  if (!actor) return fail(actor, 401, msg("errors.signInAgain"));
  const body = await readTextCapped(request, IMPORT_MAX_BYTES);
  if (!body.ok)
    return body.status === 413
      ? fail(actor, 413, IMPORT_TOO_BIG)
      : fail(actor, 400, msg("onboarding.import.errors.unreadable"));
  const type = request.headers.get("content-type") ?? "";
  let text = body.text;
  const fields: Record<string, string> = {};
  if (type.startsWith("multipart/form-data")) {
    let form: FormData;
    try {
      form = await new Response(body.text, { headers: { "content-type": type } }).formData();
    } catch {
      return fail(actor, 400, msg("onboarding.import.errors.unreadable"));
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      return fail(actor, 400, msg("onboarding.import.errors.chooseFile"), {
        file: [msg("onboarding.import.errors.chooseFile")],
      });
    text = await file.text();
    for (const [k, v] of form) if (k !== "file" && typeof v === "string") fields[k] = v;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(actor, 400, msg("onboarding.import.errors.notJson"), {
      file: [msg("onboarding.import.errors.notJsonShort")],
    });
  }
  const keys = json !== null && typeof json === "object" && !Array.isArray(json) ? Object.keys(json) : [];
  const op = keys.includes("schemaVersion")
    ? () => importAttuneFile(actor, { file: json })
    : keys.includes("sleep")
      ? () => importBabyBuddyFile(actor, { ...fields, file: json })
      : () => Promise.reject(invalid(msg("onboarding.import.errors.unknownKind")));
  const result = await runDomain(op, actor);
  if (result.ok) return { ...result, status: 201 };
  const status = result.code === "invalid" ? 400 : result.code === "forbidden" ? 403 : 401;
  return { ...result, status, fieldErrors: firstProblems(result.fieldErrors) };
}
