import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LINK_PROBLEM } from "@/lib/account/account-tokens";
import { resetLinkIsLive } from "@/lib/account/password-reset";
import { requestNow } from "@/lib/clock";
import { Notice } from "@/components/ui/notice";
import { ResetPasswordForm } from "./reset-password-form";
import { getText } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.resetPassword");
  return { title: t("title"), robots: { index: false, follow: false } };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.resetPassword");
  const text = await getText();
  // Said before a password is typed; the action checks again when it is sent.
  const live = await resetLinkIsLive(token, await requestNow());
  return (
    <>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        {live ? <p>{t("lead")}</p> : null}
      </div>
      {live ? (
        <div className="card">
          <ResetPasswordForm token={token} />
        </div>
      ) : (
        <>
          <Notice tone="error" testId="reset-link-problem">
            {t("linkProblem", { problem: text(LINK_PROBLEM) })}
          </Notice>
          <p style={{ marginTop: "1.25rem" }}>
            <Link href="/forgot-password" className="button">
              {t("sendNewLink")}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
