"use server";

import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { serverAction, runDomain, type TActionState } from "@/lib/action";
import { safeNextPath } from "@/lib/safe-next";
import { signOutEverywhere } from "@/lib/account/sign-out-everywhere";
import { signUp } from "@/lib/account/sign-up";
import { signIn, signOut } from "@/lib/auth/config";
import { formToObject } from "@/lib/validation";

// Signing up, in and out: public by design (they open or close a session and
// touch no household), so these four are the only actions not built on the
// request context. "Sign out everywhere" acts on one's own account.

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

/** Ends this device's session. An optional `next` keeps e.g. an invite link. */
export async function signOutAction(form?: FormData): Promise<void> {
  const next = safeNextPath(formToObject(form).next, "");
  await signOut({ redirectTo: next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in" });
}

/** Ends every session of this account on every device, this one too. */
export const signOutEverywhereAction = serverAction(signOutEverywhere, {
  then: () => signOut({ redirectTo: "/sign-in?signedOut=everywhere" }),
});
