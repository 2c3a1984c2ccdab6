import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SIGN_UP_EMAIL_COOKIE } from "@/lib/auth/cookies";
import { currentActor } from "@/lib/auth/session";
import { Notice } from "@/components/ui/notice";
import { firstParam, withNext, type TSearchParams } from "@/app/_lib/params";
import { safeNextPath } from "@/lib/safe-next";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
  const t = await getTranslations("auth.signIn");
  const next = safeNextPath(firstParam(params.next), "") || undefined;
  if (await currentActor()) redirect(next ?? "/tonight");

  const signedOutEverywhere = firstParam(params.signedOut) === "everywhere";
  const created = firstParam(params.created) === "1";
  const reset = firstParam(params.reset) === "1";
  const deleted = firstParam(params.deleted) === "1";
  // Just came from sign-up: the address typed there (lib/account/actions.ts).
  const email = created ? (await cookies()).get(SIGN_UP_EMAIL_COOKIE)?.value : undefined;

  return (
    <>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p>{t("lead")}</p>
      </div>
      {signedOutEverywhere ? (
        <Notice tone="success" role="status" testId="sign-in-notice">
          {t("signedOutEverywhere")}
        </Notice>
      ) : null}
      {deleted ? (
        <Notice tone="success" role="status" testId="sign-in-notice">
          {t("deleted")}
        </Notice>
      ) : null}
      {reset ? (
        <Notice tone="success" role="status" testId="sign-in-notice">
          {t("reset")}
        </Notice>
      ) : null}
      {created ? (
        <Notice tone="success" role="status" testId="sign-in-notice">
          {t("created")}
        </Notice>
      ) : null}
      <div className="card">
        <SignInForm next={next} email={email} />
        <p className="small" style={{ marginTop: "1rem" }}>
          <Link href="/forgot-password">{t("forgot")}</Link>
        </p>
      </div>
      <p className="small" style={{ marginTop: "1.25rem" }}>
        {t.rich("newHere", { link: (chunks) => <Link href={withNext("/sign-up", next)}>{chunks}</Link> })}
      </p>
    </>
  );
}
