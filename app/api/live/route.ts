import { currentActor } from "@/lib/auth/session";
import { forbidden, unauthenticated } from "@/lib/errors";
import { httpStatusOf } from "@/lib/http";
import { fromCursor } from "@/lib/live/cursor";
import { openLiveStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/**
 * The household's live events as Server-Sent Events (see lib/live). Only the
 * signed-in caregiver's own household; `Last-Event-ID` (or `?after=`, for a
 * fresh EventSource) replays what was missed. The stream is closed when the
 * caregiver is removed or the session is ended everywhere.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return refuse(unauthenticated());
  if (!actor.membership) return refuse(forbidden("Join or create a household first."));
  // An opaque cursor of this household's stream (lib/live/cursor.ts); anything else counts as none.
  const after = fromCursor(
    actor.membership.householdId,
    request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("after"),
  );
  const stream = await openLiveStream({ actor, membership: actor.membership, after, signal: request.signal });
  if (!stream) {
    return Response.json(
      { error: "Live updates are unavailable for a moment.", code: "unavailable" },
      { status: 503, headers: { "Retry-After": "5" } },
    );
  }
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform also keeps Next's gzip (and proxies) from buffering the stream.
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}

function refuse(e: ReturnType<typeof unauthenticated>) {
  return Response.json(
    { error: e.message, code: e.code },
    { status: httpStatusOf(e.code), headers: { "Cache-Control": "private, no-store" } },
  );
}
