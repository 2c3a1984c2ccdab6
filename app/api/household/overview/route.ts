import { currentActor } from "@/lib/auth/session";
import { getHouseholdOverview } from "@/lib/household/members";
import { runDomain } from "@/lib/action";
import { httpStatusOf } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The household page's data for React Query. `?householdId=` defaults to the caller's own. */
export async function GET(request: Request) {
  const actor = await currentActor();
  const householdId = new URL(request.url).searchParams.get("householdId") ?? actor?.membership?.householdId;
  const result = await runDomain(() => getHouseholdOverview(actor, householdId));
  if (!result.ok)
    return Response.json({ error: result.message, code: result.code }, { status: httpStatusOf(result.code) });
  return Response.json(result.data, { headers: { "Cache-Control": "private, no-store" } });
}
