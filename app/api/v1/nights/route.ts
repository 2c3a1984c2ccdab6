import { apiRoute, parseApi } from "@/lib/api/http";
import { apiNight } from "@/lib/api/present";
import { MAX_API_NIGHTS, ZNightsQuery } from "@/lib/api/schemas";
import { invalid } from "@/lib/errors";
import { getNights } from "@/lib/nights/read-nights";
import { daysBetween } from "@/lib/time/local-date";
import { msg } from "@/lib/i18n/text";

export const dynamic = "force-dynamic";

/** The nights from `from` to `to` (both included, at most 43) with their shifts. Scope `read`. */
export const GET = apiRoute(async ({ actor, householdId, request }) => {
  const { from, to } = parseApi(ZNightsQuery, Object.fromEntries(new URL(request.url).searchParams));
  const count = daysBetween(from, to) + 1;
  const tooMany = msg("apiTokens.rest.tooManyNights", { max: MAX_API_NIGHTS });
  if (count > MAX_API_NIGHTS) throw invalid(tooMany, { to: [tooMany] });
  const view = await getNights(actor, { householdId, from, count });
  return { body: { nights: view.nights.map((n) => apiNight(view, n)) } };
});
