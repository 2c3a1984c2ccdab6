import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/session";
import { INVITE_MESSAGES, previewInvite, whyCantJoin } from "@/lib/household/invites";
import { PublicShell } from "@/components/public-shell";
import { Notice } from "@/components/ui/notice";
import { signOutAction } from "@/lib/account/actions";
import { withNext } from "@/app/_lib/params";
import { JoinForm } from "./join-form";
import { getText } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title"), robots: { index: false, follow: false } };
}

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
  const [preview, actor, t, text] = await Promise.all([
    previewInvite(token),
    currentActor(),
    getTranslations("invite"),
    getText(),
  ]);
  const here = `/invite/${encodeURIComponent(token)}`;

  if (preview.status !== "valid") {
    return (
      <PublicShell narrow>
        <h1>{t("problemHeading")}</h1>
        <Notice tone="error" testId="invite-problem">
          {text(INVITE_MESSAGES[preview.status])}
        </Notice>
        <p>
          {actor ? (
            <Link href="/tonight">{t("goTonight")}</Link>
          ) : (
            t.rich("startOwn", { link: (chunks) => <Link href="/sign-up">{chunks}</Link> })
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
        <h1>{t("heading")}</h1>
        <p className="invite-lead">
          {t.rich("lead", {
            invitedBy: preview.invitedBy,
            household: preview.householdName,
            role: preview.role,
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </p>
      </div>
      <div className="card stack">
        {actor && blocked === "here" ? (
          <>
            <Notice testId="invite-blocked">
              {t("alreadyHere", { household: preview.householdName, email: actor.email })}
            </Notice>
            <Link href="/tonight" className="button button-block">
              {t("goTonight")}
            </Link>
          </>
        ) : actor && blocked === "elsewhere" ? (
          <>
            <Notice testId="invite-blocked">
              {t.rich("elsewhere.notice", { email: actor.email, strong: (chunks) => <strong>{chunks}</strong> })}
            </Notice>
            <p>{t("elsewhere.whatYouCanDo")}</p>
            <ul>
              <li>{t("elsewhere.otherAccount")}</li>
              <li>{t("elsewhere.moveAccount")}</li>
            </ul>
            <div className="stack" style={{ ["--stack-gap" as string]: "0.75rem" }}>
              <SignOutHere token={token} label={t("elsewhere.signOut")} className="button button-block" />
              <Link href="/household" className="button button-secondary button-block">
                {t("elsewhere.goHousehold")}
              </Link>
            </div>
          </>
        ) : (
          <>
            <p>{t("roleIntro", { role: preview.role })}</p>
            {actor ? (
              <>
                <JoinForm token={token} householdName={preview.householdName} />
                <p className="small muted">{t("signedInAs", { email: actor.email })}</p>
                <SignOutHere token={token} label={t("notYou")} className="button button-quiet" />
              </>
            ) : (
              <div className="stack" style={{ ["--stack-gap" as string]: "0.75rem" }}>
                <Link href={withNext("/sign-up", here)} className="button button-block">
                  {t("createAccount")}
                </Link>
                <Link href={withNext("/sign-in", here)} className="button button-secondary button-block">
                  {t("haveAccount")}
                </Link>
              </div>
            )}
          </>
        )}
      </div>
    </PublicShell>
  );
}
