import type { THouseholdOverview } from "@/lib/household/members";

// One key for the household page's data, used by the server prefetch and the client.
export const householdOverviewKey = (householdId: string) => ["household", householdId, "overview"] as const;

/** The browser's read: the route handler, never a server action (those run one at a time). */
export async function fetchHouseholdOverview(householdId: string): Promise<THouseholdOverview> {
  const res = await fetch(`/api/household/overview?householdId=${encodeURIComponent(householdId)}`, {
    headers: { accept: "application/json" },
    cache: "no-store",
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? "We couldn't load your household just now.");
  }
  return (await res.json()) as THouseholdOverview;
}
