import { currentActor } from "@/lib/auth/session";
import { runDomain } from "@/lib/action";
import { prepareExport } from "@/lib/export/export";
import { httpStatusOf } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * "Download our data": `?format=json` (the default) or `?format=csv&area=nights|wakings|plan|notes`,
 * `?scope=household` (parents; the default) or `?scope=mine` (anyone, a helper too).
 * `?householdId=` defaults to the caller's own. The body is streamed as it is read
 * (docs/export-format.md).
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  const params = new URL(request.url).searchParams;
  const householdId = params.get("householdId") ?? actor?.membership?.householdId;
  const input = {
    householdId,
    format: params.get("format") ?? undefined,
    area: params.get("area") ?? undefined,
    scope: params.get("scope") ?? undefined,
  };
  const result = await runDomain(() => prepareExport(actor, input), actor);
  if (!result.ok)
    return Response.json(
      { error: result.message, code: result.code, fieldErrors: result.fieldErrors },
      { status: httpStatusOf(result.code), headers: { "Cache-Control": "private, no-store" } },
    );
  const { filename, contentType, body } = result.data;
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
