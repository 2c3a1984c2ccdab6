import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/session";
import { INVITE_MESSAGES, previewInvite } from "@/lib/household/invites";
import { PublicShell } from "@/components/public-shell";
import { Notice } from "@/components/ui/notice";
import { signOutAction } from "@/lib/account/actions";
import { withNext } from "@/app/_lib/params";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Your invite", robots: { index: false, follow: false } };

const ROLE_WORDS = { parent: "a parent", helper: "a helper" } as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [preview, actor] = await Promise.all([previewInvite(token), currentActor()]);
  const here = `/invite/${encodeURIComponent(token)}`;

  if (preview.status !== "valid") {
    return (
      <PublicShell narrow>
        <h1>This invite can&apos;t be used</h1>
        <Notice tone="error" testId="invite-problem">
          {INVITE_MESSAGES[preview.status]}
        </Notice>
        <p>
          {actor ? (
            <Link href="/tonight">Go to Tonight</Link>
          ) : (
            <>
              Starting your own household instead? <Link href="/sign-up">Create an account</Link>
            </>
          )}
        </p>
      </PublicShell>
    );
  }

  return (
    <PublicShell narrow>
      <div className="page-header">
        <h1>You&apos;re invited</h1>
        <p className="invite-lead">
          {preview.invitedBy} invited you to join <strong>{preview.householdName}</strong> as {ROLE_WORDS[preview.role]}
          .
        </p>
      </div>
      <div className="card stack">
        <p>
          {preview.role === "parent"
            ? "As a parent you'll share the nights, see the balance, plan the days and look after the household together."
            : "As a helper you can take night shifts, log wakings and leave notes. The parents look after the household settings."}
        </p>
        {actor ? (
          <>
            <JoinForm token={token} householdName={preview.householdName} />
            <p className="small muted">Signed in as {actor.email}.</p>
            <form action={signOutAction}>
              <input type="hidden" name="next" value={`/invite/${token}`} />
              <button type="submit" className="button button-quiet">
                Not you? Sign out
              </button>
            </form>
          </>
        ) : (
          <div className="stack" style={{ ["--stack-gap" as string]: "0.75rem" }}>
            <Link href={withNext("/sign-up", here)} className="button button-block">
              Create an account
            </Link>
            <Link href={withNext("/sign-in", here)} className="button button-secondary button-block">
              I already have an account
            </Link>
          </div>
        )}
      </div>
    </PublicShell>
  );
}
