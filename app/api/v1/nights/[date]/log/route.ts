import { apiRoute, parseApi } from "@/lib/api/http";
import { ZDateParams } from "@/lib/api/schemas";
import { getNightWakings } from "@/lib/log/read-log";

export const dynamic = "force-dynamic";

/** The wakings of one night, oldest first. Scope `read`. */
export const GET = apiRoute<{ date: string }>(async ({ actor, householdId, params }) => {
  const { date } = parseApi(ZDateParams, params);
  const wakings = await getNightWakings(actor, { householdId, night: date });
  return { body: { night: date, wakings: wakings.map(({ version: _v, ...w }) => w) } };
});
