import { revalidatePath } from "next/cache";
import { apiRoute, idempotencyKey, readApiBody } from "@/lib/api/http";
import { ZTapOutBody } from "@/lib/api/schemas";
import { requestTapOut } from "@/lib/log/tap-outs";

export const dynamic = "force-dynamic";

/** "I need you": wakes the partner off duty (a push), as the app's button does. Scope `log:night`. */
export const POST = apiRoute(async ({ actor, householdId, request }) => {
  const body = await readApiBody(request, ZTapOutBody);
  const tapOut = await requestTapOut(actor, { ...body, householdId, clientKey: idempotencyKey(request) });
  for (const p of ["/tonight", "/nights"]) revalidatePath(p);
  return { status: tapOut.repeated ? 200 : 201, body: tapOut };
});
