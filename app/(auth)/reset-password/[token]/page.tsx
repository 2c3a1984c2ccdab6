import type { Metadata } from "next";
import Link from "next/link";
import { LINK_PROBLEM } from "@/lib/account/account-tokens";
import { resetLinkIsLive } from "@/lib/account/password-reset";
import { requestNow } from "@/lib/clock";
import { Notice } from "@/components/ui/notice";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Said before a password is typed; the action checks again when it is sent.
  const live = await resetLinkIsLive(token, await requestNow());
  return (
    <>
      <div className="page-header">
        <h1>Choose a new password</h1>
        {live ? <p>Once it&apos;s set, every device is signed out and you sign in again with the new one.</p> : null}
      </div>
      {live ? (
        <div className="card">
          <ResetPasswordForm token={token} />
        </div>
      ) : (
        <>
          <Notice tone="error" testId="reset-link-problem">
            {LINK_PROBLEM} Reset links work once, for 30 minutes.
          </Notice>
          <p style={{ marginTop: "1.25rem" }}>
            <Link href="/forgot-password" className="button">
              Send a new link
            </Link>
          </p>
        </>
      )}
    </>
  );
}
