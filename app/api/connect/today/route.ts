import { currentActor } from "@/lib/auth/session";
import { runDomain } from "@/lib/action";
import { getTodayPlan } from "@/lib/connect/today";
import { httpStatusOf } from "@/lib/http";

export const dynamic = "force-dynamic";

/**
 * Today's plan items with their check-offs, as JSON. No screen of Attune reads
 * it now (Connect and Tonight render the plan on the server, docs/decisions/0022);
 * kept for other clients. `?householdId=` defaults to the caller's own.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  const householdId = new URL(request.url).searchParams.get("householdId") ?? actor?.membership?.householdId;
  const result = await runDomain(() => getTodayPlan(actor, { householdId }), actor);
  if (!result.ok)
    return Response.json({ error: result.message, code: result.code }, { status: httpStatusOf(result.code) });
  return Response.json(result.data, { headers: { "Cache-Control": "private, no-store" } });
}
