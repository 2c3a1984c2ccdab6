import { revalidatePath } from "next/cache";
import { currentActor } from "@/lib/auth/session";
import { importUpload } from "@/lib/import/upload";

export const dynamic = "force-dynamic";

/**
 * "Bring your data from a file": an Attune export or a Baby Buddy sleep log
 * becomes a new household for a signed-in person in none (docs/import.md).
 * 201 `{ householdId, counts }`, or `{ error, code, fieldErrors }` naming the
 * first problems by their place in the file; nothing is written then.
 */
export async function POST(request: Request) {
  const result = await importUpload(await currentActor(), request);
  const headers = { "Cache-Control": "private, no-store" };
  if (!result.ok)
    return Response.json(
      { error: result.message, code: result.code, fieldErrors: result.fieldErrors },
      { status: result.status, headers },
    );
  revalidatePath("/", "layout");
  return Response.json(result.data, { status: 201, headers });
}
