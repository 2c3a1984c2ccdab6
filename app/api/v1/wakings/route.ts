import { revalidatePath } from "next/cache";
import { apiRoute, idempotencyKey, readApiBody } from "@/lib/api/http";
import { ZStartWakingBody } from "@/lib/api/schemas";
import { startWaking } from "@/lib/log/wakings";

export const dynamic = "force-dynamic";

/**
 * "I'm up": the same operation as the app's button, with the Idempotency-Key
 * as the tap's key, so a button pressed twice logs once. 201 for a new
 * waking, 200 when it joined one already open. Scope `log:night`.
 */
export const POST = apiRoute(async ({ actor, householdId, request }) => {
  const body = await readApiBody(request, ZStartWakingBody);
  const started = await startWaking(actor, { ...body, householdId, clientKey: idempotencyKey(request) });
  for (const p of ["/tonight", "/nights"]) revalidatePath(p);
  return { status: started.resumed ? 200 : 201, body: started };
});
