import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { runDomain } from "@/lib/action";
import { httpStatusOf } from "@/lib/http";
import { MAX_REPLAY_BYTES, replayActions, ZReplayBody } from "@/lib/log/replay";

export const dynamic = "force-dynamic";

function refuse(status: number, code: string, error: string) {
  return Response.json({ error, code }, { status, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * The phone's queue of night-log taps (lib/offline/queue.ts): at most 50
 * actions, run in order; each one's result or typed refusal comes back, by key.
 */
export async function POST(request: Request) {
  const actor = await currentActor();
  if (!actor) return refuse(401, "unauthenticated", "Please sign in again.");
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_REPLAY_BYTES) return refuse(413, "invalid", "Too many taps at once.");
  let text: string;
  try {
    text = await request.text();
  } catch {
    return refuse(400, "invalid", "The request could not be read.");
  }
  if (text.length > MAX_REPLAY_BYTES) return refuse(413, "invalid", "Too many taps at once.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refuse(400, "invalid", "The request is not valid JSON.");
  }
  const body = ZReplayBody.safeParse(json);
  if (!body.success) return refuse(400, "invalid", "The queued taps are not in a form Attune understands.");
  const result = await runDomain(() => replayActions(actor, body.data));
  if (!result.ok) return refuse(httpStatusOf(result.code), result.code, result.message);
  if (result.data.some((r) => r.ok)) for (const p of ["/tonight", "/nights"]) revalidatePath(p);
  return Response.json({ results: result.data }, { headers: { "Cache-Control": "private, no-store" } });
}
