import { currentActor } from "@/lib/auth/session";
import { getNightLog, tonightPart } from "@/lib/log/read-log";
import { runDomain } from "@/lib/action";
import { httpStatusOf } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Tonight's night log for React Query (logKeys.tonight): the open wakings,
 * this night's log and the last hour's tap-outs. `?householdId=` defaults to
 * the caller's own household.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  const householdId = new URL(request.url).searchParams.get("householdId") ?? actor?.membership?.householdId;
  const result = await runDomain(async () => tonightPart(await getNightLog(actor, { householdId })), actor);
  if (!result.ok)
    return Response.json({ error: result.message, code: result.code }, { status: httpStatusOf(result.code) });
  return Response.json(result.data, { headers: { "Cache-Control": "private, no-store" } });
}
