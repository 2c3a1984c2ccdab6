import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { RESET_SENT } from "@/lib/account/password-reset";
import { useText } from "@/components/use-text";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.forgotPassword");
  return { title: t("title") };
}

export default function ForgotPasswordPage() {
  const t = useTranslations("auth.forgotPassword");
  const text = useText();
  return (
    <>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p>{t("lead")}</p>
      </div>
      <div className="card">
        <ForgotPasswordForm sentMessage={text(RESET_SENT)} />
      </div>
      <p className="small" style={{ marginTop: "1.25rem" }}>
        {t.rich("remembered", { link: (chunks) => <Link href="/sign-in">{chunks}</Link> })}
      </p>
    </>
  );
}
