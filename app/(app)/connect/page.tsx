import type { Metadata } from "next";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { ComingSoon } from "@/components/coming-soon";
import { HeartIcon } from "@/components/ui/icons";

export const metadata: Metadata = { title: "Connect" };

export default async function ConnectPage() {
  await requireMemberOrRedirect("/connect");
  return (
    <ComingSoon
      title="Connect"
      lead="Small daytime moments with your baby (holding, eye contact, skin-to-skin, play) planned together and ticked off."
      icon={<HeartIcon size={36} />}
      emptyTitle="Nothing planned yet"
      emptyText="Your shared plan of connection moments will appear here. A cuddle today already counts."
    />
  );
}
