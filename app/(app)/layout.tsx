import Link from "next/link";
import type { ReactNode } from "react";
import { AppNav } from "@/components/app-nav";
import { Providers } from "@/components/providers";
import { RedirectToSignIn } from "@/components/redirect-to-sign-in";
import { DeletionBanner } from "@/components/household/deletion-banner";
import { LogoMark } from "@/components/ui/icons";
import { currentActor } from "@/lib/auth/session";
import { loadShell } from "@/lib/household/current";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Signed out: to sign-in with ?next= (see RedirectToSignIn). Without a
  // household: requireMemberOrRedirect sends them to onboarding.
  if (!(await currentActor())) return <RedirectToSignIn />;
  const { actor, membership, householdName, timeZone, unreadNotes, deletion } = await loadShell();
  return (
    <Providers>
      <div className="app">
        <header className="app-header">
          <div className="cluster" style={{ gap: "0.5rem", flexWrap: "nowrap", minWidth: 0 }}>
            <Link href="/tonight" className="brand" aria-label="Attune">
              <LogoMark size={28} />
            </Link>
            <p className="household-name" data-testid="household-name" data-user-text>
              {householdName}
            </p>
          </div>
          <span className="muted small header-me">{actor.name}</span>
        </header>
        <AppNav unreadNotes={unreadNotes.count} />
        <main id="main" tabIndex={-1} className="app-main">
          {deletion ? <DeletionBanner deletion={deletion} timeZone={timeZone} role={membership.role} /> : null}
          {children}
        </main>
      </div>
    </Providers>
  );
}
