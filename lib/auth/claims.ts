import "server-only";
import { auth } from "@/lib/auth/config";

export type TSessionClaims = { userId: string; sessionVersion: number; sessionId: string };

/** What the signed session cookie claims; not yet checked against the database. */
export async function readSessionClaims(): Promise<TSessionClaims | null> {
  const session = await auth();
  // Check the user id itself, not just that a session object exists (GHSA-8fpg-xm3f-6cx3).
  const userId = session?.user?.id;
  if (!userId || typeof session.sessionVersion !== "number" || typeof session.sessionId !== "string") return null;
  return { userId, sessionVersion: session.sessionVersion, sessionId: session.sessionId };
}
