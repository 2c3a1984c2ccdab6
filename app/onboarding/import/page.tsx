import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { timeZoneOptions } from "@/app/_lib/time-zones";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Bring your data from a file" };

/** For someone in no household yet (one household per account): an import makes their household. */
export default async function ImportPage() {
  const actor = await requireActorOrRedirect("/onboarding/import");
  if (actor.membership) redirect("/settings");
  return (
    <>
      <div className="page-header">
        <h1>Bring your data from a file</h1>
        <p>
          Your household, with its history, from an Attune download or a Baby Buddy sleep log. You become its parent;
          everyone else in an Attune file comes along by name, and you can invite them to join again.
        </p>
      </div>
      <div className="card">
        <ImportForm defaultName={`${actor.name}'s household`} zones={timeZoneOptions()} />
      </div>
      <p>
        <Link href="/onboarding">Start a new household instead</Link>
      </p>
    </>
  );
}
