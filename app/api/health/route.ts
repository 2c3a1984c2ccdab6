import { databaseAnswers } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Load balancers ask this: 200 when the database answers, 503 otherwise. Public, reveals nothing. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  if (await databaseAnswers()) return Response.json({ status: "ok", database: "ok" }, { headers });
  return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers });
}
