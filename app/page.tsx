import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { PublicShell } from "@/components/public-shell";
import { BalanceIcon, HeartIcon, MoonIcon } from "@/components/ui/icons";

export default async function Home() {
  if (await currentActor()) redirect("/tonight");
  return (
    <PublicShell aside={<Link href="/sign-in">Sign in</Link>}>
      <div className="hero">
        <h1>Share the nights. Keep the days close.</h1>
        <p>
          Attune helps the grown-ups around a baby take turns at night, see how the load is shared, and plan small
          daytime moments of connection.
        </p>
        <div className="cluster" style={{ marginTop: "1.25rem" }}>
          <Link href="/sign-up" className="button">
            Create an account
          </Link>
          <Link href="/sign-in" className="button button-secondary">
            I already have an account
          </Link>
        </div>
      </div>
      <ul className="list feature-list" style={{ marginTop: "2rem" }} aria-label="What Attune does">
        <li>
          <MoonIcon />
          <span>
            <strong>Fair nights.</strong> A rota you agree on, so someone always answers and someone always sleeps.
          </span>
        </li>
        <li>
          <BalanceIcon />
          <span>
            <strong>A clear balance.</strong> See who has carried what, gently, before anyone runs on empty.
          </span>
        </li>
        <li>
          <HeartIcon />
          <span>
            <strong>Close days.</strong> Holding, play, eye contact: small moments you plan together and tick off.
          </span>
        </li>
      </ul>
    </PublicShell>
  );
}
