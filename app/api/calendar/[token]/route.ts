import { requestNow } from "@/lib/clock";
import { calendarFeedForToken } from "@/lib/nights/calendar-feed";

export const dynamic = "force-dynamic";

/** Every miss looks the same: wrong, malformed, regenerated or turned off. */
function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * The private calendar feed: the one endpoint without a session, where the
 * secret in the URL is the credential (see lib/nights/calendar-feed.ts).
 * Clients subscribe to `/api/calendar/<token>.ics`. The token is never logged.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ics = await calendarFeedForToken(token.replace(/\.ics$/i, ""), { now: await requestNow() });
  if (ics === null) return notFound();
  return new Response(ics, {
    status: 200,
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="attune-nights.ics"',
      // private: no shared cache (CDN, proxy) keeps a copy, so turning the
      // link off stops it at the origin at once; the subscriber's own client
      // may reuse what it already fetched for up to five minutes.
      "Cache-Control": "private, max-age=300",
    },
  });
}
