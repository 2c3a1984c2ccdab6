import type { Metadata } from "next";
import Link from "next/link";
import { RESET_SENT } from "@/lib/account/password-reset";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <div className="page-header">
        <h1>Forgot your password?</h1>
        <p>It happens, especially at 3 a.m. Tell us your email and we&apos;ll send a link to choose a new one.</p>
      </div>
      <div className="card">
        <ForgotPasswordForm sentMessage={RESET_SENT} />
      </div>
      <p className="small" style={{ marginTop: "1.25rem" }}>
        Remembered it? <Link href="/sign-in">Sign in</Link>
      </p>
    </>
  );
}
