import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/session";
import { firstParam, withNext, type TSearchParams } from "@/app/_lib/params";
import { safeNextPath } from "@/lib/safe-next";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: TSearchParams }) {
  const next = safeNextPath(firstParam((await searchParams).next), "") || undefined;
  if (await currentActor()) redirect(next ?? "/tonight");

  return (
    <>
      <div className="page-header">
        <h1>Create your account</h1>
        <p>A shared plan for the nights, so nobody carries them alone.</p>
      </div>
      <div className="card">
        <SignUpForm next={next} />
      </div>
      <p className="small" style={{ marginTop: "1.25rem" }}>
        Already have an account? <Link href={withNext("/sign-in", next)}>Sign in</Link>
      </p>
    </>
  );
}
