import type { Metadata } from "next";
import Link from "next/link";
import { currentActor } from "@/lib/auth/session";
import { INVITE_MESSAGES, previewInvite, whyCantJoin } from "@/lib/household/invites";
import { PublicShell } from "@/components/public-shell";
import { Notice } from "@/components/ui/notice";
import { signOutAction } from "@/lib/account/actions";
import { withNext } from "@/app/_lib/params";
import { JoinForm } from "./join-form";

export const metadata: Metadata = { title: "Your invite", robots: { index: false, follow: false } };

const ROLE_WORDS = { parent: "a parent", helper: "a helper" } as const;

/** Signs out and comes back to this invite, to join with another account. */
function SignOutHere({ token, label, className }: { token: string; label: string; className: string }) {
  return (
    <form action={signOutAction}>
      <input type="hidden" name="next" value={`/invite/${token}`} />
      <button type="submit" className={className}>
        {label}
      </button>
    </form>
  );
}

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

  // Said before any tap: someone already in a household can't join another (the claim refuses the same way).
  const blocked = actor ? whyCantJoin(actor, preview.householdId) : null;

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
        {actor && blocked === "here" ? (
          <>
            <Notice testId="invite-blocked">
              You&apos;re already in {preview.householdName}, signed in as {actor.email}. There&apos;s nothing more to
              do.
            </Notice>
            <Link href="/tonight" className="button button-block">
              Go to Tonight
            </Link>
          </>
        ) : actor && blocked === "elsewhere" ? (
          <>
            <Notice testId="invite-blocked">
              <strong>You can&apos;t join with this account.</strong> You&apos;re signed in as {actor.email}, which
              already belongs to another household, and an account can be in one household at a time.
            </Notice>
            <p>What you can do:</p>
            <ul>
              <li>Join with a different account: sign out, then open this link again and create one or sign in.</li>
              <li>
                Or move this account: leave your household first (Household, then &ldquo;Leave household&rdquo; at the
                bottom), then open this link again.
              </li>
            </ul>
            <div className="stack" style={{ ["--stack-gap" as string]: "0.75rem" }}>
              <SignOutHere token={token} label="Sign out and use another account" className="button button-block" />
              <Link href="/household" className="button button-secondary button-block">
                Go to your household
              </Link>
            </div>
          </>
        ) : (
          <>
            <p>
              {preview.role === "parent"
                ? "As a parent you'll share the nights, see the balance, plan the days and look after the household together."
                : "As a helper you can take night shifts, log wakings and leave notes. The parents look after the household settings."}
            </p>
            {actor ? (
              <>
                <JoinForm token={token} householdName={preview.householdName} />
                <p className="small muted">Signed in as {actor.email}.</p>
                <SignOutHere token={token} label="Not you? Sign out" className="button button-quiet" />
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
          </>
        )}
      </div>
    </PublicShell>
  );
}
