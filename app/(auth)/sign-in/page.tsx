import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SIGN_UP_EMAIL_COOKIE } from "@/lib/auth/cookies";
import { currentActor } from "@/lib/auth/session";
import { Notice } from "@/components/ui/notice";
import { firstParam, withNext, type TSearchParams } from "@/app/_lib/params";
import { safeNextPath } from "@/lib/safe-next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: TSearchParams }) {
  const params = await searchParams;
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
        <h1>Sign in</h1>
        <p>Welcome back. Nights are easier together.</p>
      </div>
      {signedOutEverywhere ? (
        <Notice tone="success" role="status" testId="sign-in-notice">
          You&apos;ve been signed out on every device.
        </Notice>
      ) : null}
      {deleted ? (
        <Notice tone="success" role="status" testId="sign-in-notice">
          Your account is deleted. Thank you for the nights you shared. Goodbye, and take care.
        </Notice>
      ) : null}
      {reset ? (
        <Notice tone="success" role="status" testId="sign-in-notice">
          Your new password is saved, and every device was signed out. Sign in with the new one.
        </Notice>
      ) : null}
      {created ? (
        <Notice tone="success" role="status" testId="sign-in-notice">
          Now sign in with the email and password you just chose. (If you already had an account with this address, use
          its password.)
        </Notice>
      ) : null}
      <div className="card">
        <SignInForm next={next} email={email} />
        <p className="small" style={{ marginTop: "1rem" }}>
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      </div>
      <p className="small" style={{ marginTop: "1.25rem" }}>
        New to Attune? <Link href={withNext("/sign-up", next)}>Create an account</Link>
      </p>
    </>
  );
}
