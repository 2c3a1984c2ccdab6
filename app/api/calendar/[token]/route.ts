import { requestNow } from "@/lib/clock";
import { calendarFeedForToken, type TCalendarFeedBody } from "@/lib/nights/calendar-feed";
import { negotiateLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";

export const dynamic = "force-dynamic";

/**
 * Every miss looks the same: wrong, malformed, regenerated or turned off. Its
 * few words (a calendar app rarely shows them; a browser does) are in the
 * language of the request's Accept-Language: nobody is signed in here.
 */
async function notFound(request: Request): Promise<Response> {
  const locale = negotiateLocale(request.headers.get("accept-language"));
  const t = await translatorFor(locale);
  return new Response(t("app.calendarNotFound"), {
    status: 404,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Content-Language": locale,
      "Cache-Control": "no-store",
    },
  });
}

/**
 * Whether the client's copy is the current one (RFC 9110 §13.1). If-None-Match
 * wins when sent (weak comparison, as that section says); If-Modified-Since is
 * only read without it, and only as precise as a date: it sees edits and new
 * shifts, but not a removal alone, a rename or the partner switch, which the
 * ETag does see. Clients that keep an ETag (Apple, Thunderbird, Outlook) send it.
 */
function notModified(request: Request, feed: TCalendarFeedBody): boolean {
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    const ours = feed.etag;
    return ifNoneMatch.split(",").some((tag) => {
      const t = tag.trim();
      return t === "*" || t.replace(/^W\//, "") === ours;
    });
  }
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  // HTTP dates have whole seconds: compare our instant at that precision.
  return !Number.isNaN(since) && Math.floor(feed.lastModified.getTime() / 1000) * 1000 <= since;
}

/**
 * The private calendar feed: the one endpoint without a session, where the
 * secret in the URL is the credential (see lib/nights/calendar-feed.ts).
 * Clients subscribe to `/api/calendar/<token>.ics`. The token is never logged.
 * Calendar apps poll every few minutes, so an unchanged feed answers 304 with
 * no body; the token is checked first, so a revoked link gets its 404, never a 304.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const feed = await calendarFeedForToken(token.replace(/\.ics$/i, ""), { now: await requestNow() });
  if (feed === null) return notFound(request);
  const validators = {
    ETag: feed.etag,
    "Last-Modified": feed.lastModified.toUTCString(),
    // private: no shared cache (CDN, proxy) keeps a copy, so turning the
    // link off stops it at the origin at once; the subscriber's own client
    // may reuse what it already fetched for up to five minutes.
    "Cache-Control": "private, max-age=300",
  };
  if (notModified(request, feed)) return new Response(null, { status: 304, headers: validators });
  return new Response(feed.ics, {
    status: 200,
    headers: {
      ...validators,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="attune-nights.ics"',
    },
  });
}
