import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { ComingSoon } from "@/components/coming-soon";
import { CalendarIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Nights" };

export default async function NightsPage() {
  await requireMemberOrRedirect("/nights");
  return (
    <ComingSoon
      title="Nights"
      lead="The calendar of nights lives here: who is on duty, split nights, swaps and the rota that fills them."
      icon={<CalendarIcon size={36} />}
      emptyTitle="No nights planned yet"
      emptyText="Once you set up a rota, each night will show who's on duty, and why."
    />
  );
}
