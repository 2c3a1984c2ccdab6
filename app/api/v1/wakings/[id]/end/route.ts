import { revalidatePath } from "next/cache";
import { apiRoute, idempotencyKey, parseApi, readApiBody } from "@/lib/api/http";
import { ZEndWakingBody, ZWakingParams } from "@/lib/api/schemas";
import { endWaking } from "@/lib/log/wakings";

export const dynamic = "force-dynamic";

/** "Back to sleep" for a waking, or for `current` (the household's one open waking). Scope `log:night`. */
export const POST = apiRoute<{ id: string }>(async ({ actor, householdId, request, params }) => {
  const { id } = parseApi(ZWakingParams, params);
  const body = await readApiBody(request, ZEndWakingBody);
  const ended = await endWaking(actor, {
    ...body,
    householdId,
    wakingId: id === "current" ? undefined : id,
    clientKey: idempotencyKey(request),
  });
  for (const p of ["/tonight", "/nights"]) revalidatePath(p);
  return { body: ended };
});
