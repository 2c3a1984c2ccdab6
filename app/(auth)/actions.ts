"use server";

import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { signUp } from "@/lib/account/sign-up";
import { runDomain, safeNextPath, type TActionState } from "@/lib/action";
import { formToObject } from "@/lib/validation";

// Public by design: these create or open a session, they touch no household.

export async function signUpAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const input = formToObject(form);
  const result = await runDomain(() => signUp(input));
  if (!result.ok) return result;
  const next = safeNextPath(input.next, "/onboarding");
  try {
    await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  } catch (e) {
    // The account exists; only the automatic sign-in failed (e.g. this address is throttled).
    if (e instanceof CredentialsSignin) redirect(`/sign-in?created=1&next=${encodeURIComponent(next)}`);
    throw e;
  }
  redirect(next);
}

export async function signInAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const input = formToObject(form);
  try {
    await signIn("credentials", { email: input.email ?? "", password: input.password ?? "", redirect: false });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      return e.code === "throttled"
        ? { ok: false, code: "throttled", message: "Too many sign-in attempts. Please wait 15 minutes and try again." }
        : { ok: false, code: "invalid", message: "That email and password don't match an account." };
    }
    throw e;
  }
  redirect(safeNextPath(input.next, "/tonight"));
}
