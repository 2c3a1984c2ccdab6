import { currentActor } from "@/lib/auth/session";
import { getUnreadNotes } from "@/lib/notes/read-notes";
import { runDomain } from "@/lib/action";
import { httpStatusOf } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The caller's count of unread notes in `?householdId=` (the navigation's badge, read by React Query). */
export async function GET(request: Request) {
  const actor = await currentActor();
  const householdId = new URL(request.url).searchParams.get("householdId");
  const result = await runDomain(() => getUnreadNotes(actor, { householdId }), actor);
  if (!result.ok)
    return Response.json({ error: result.message, code: result.code }, { status: httpStatusOf(result.code) });
  return Response.json(result.data, { headers: { "Cache-Control": "private, no-store" } });
}
