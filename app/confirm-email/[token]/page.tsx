import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { previewEmailChange } from "@/lib/account/change-email";
import { requireActorOrRedirect } from "@/lib/auth/session";
import { requestNow } from "@/lib/clock";
import { PublicShell } from "@/components/public-shell";
import { Notice } from "@/components/ui/notice";
import { ConfirmEmailForm } from "./confirm-email-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("confirmEmail");
  return { title: t("title"), robots: { index: false, follow: false } };
}

/**
 * The link mailed to a new address. Opening it changes nothing by itself
 * (mail scanners open links too): the person signs in as the account that
 * asked, sees the address, and confirms with a tap.
 */
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const actor = await requireActorOrRedirect(`/confirm-email/${encodeURIComponent(token)}`);
  const newEmail = await previewEmailChange(actor, token, await requestNow());
  const t = await getTranslations("confirmEmail");
  return (
    <PublicShell narrow>
      <div className="page-header">
        <h1>{t("heading")}</h1>
      </div>
      {newEmail ? (
        <div className="card">
          <ConfirmEmailForm token={token} newEmail={newEmail} />
        </div>
      ) : (
        <>
          <Notice tone="error" testId="confirm-email-problem">
            {t("problem")}
          </Notice>
          <p style={{ marginTop: "1.25rem" }}>
            <Link href="/settings" className="button">
              {t("goSettings")}
            </Link>
          </p>
        </>
      )}
    </PublicShell>
  );
}
