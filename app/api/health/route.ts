import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Load balancers ask this: 200 when the database answers, 503 otherwise. Public, reveals nothing. */
export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok", database: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { status: "error", database: "unreachable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
