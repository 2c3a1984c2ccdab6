import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/session";
import { firstParam, withNext, type TSearchParams } from "@/app/_lib/params";
import { safeNextPath } from "@/lib/safe-next";
import { SignUpForm } from "./sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: TSearchParams }) {
  const next = safeNextPath(firstParam((await searchParams).next), "") || undefined;
  if (await currentActor()) redirect(next ?? "/tonight");
  const t = await getTranslations("auth.signUp");

  return (
    <>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p>{t("lead")}</p>
      </div>
      <div className="card">
        <SignUpForm next={next} />
      </div>
      <p className="small" style={{ marginTop: "1.25rem" }}>
        {t.rich("haveAccount", { link: (chunks) => <Link href={withNext("/sign-in", next)}>{chunks}</Link> })}
      </p>
    </>
  );
}
