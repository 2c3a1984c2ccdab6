import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { ComingSoon } from "@/components/coming-soon";
import { BalanceIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Balance" };

export default async function BalancePage() {
  await requireMemberOrRedirect("/balance");
  return (
    <ComingSoon
      title="Balance"
      lead="How the nights are shared: nights on duty, wakings, time awake and the longest stretch of protected sleep, for each of you."
      icon={<BalanceIcon size={36} />}
      emptyTitle="Nothing to weigh up yet"
      emptyText="After a few logged nights you'll see how the load is shared, with a gentle nudge before anyone runs on empty."
    />
  );
}
