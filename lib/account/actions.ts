"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { CredentialsSignin } from "next-auth";
import { serverAction, runDomain, type TActionState } from "@/lib/action";
import { safeNextPath } from "@/lib/safe-next";
import { signOutDevice } from "@/lib/account/devices";
import { signOutEverywhere } from "@/lib/account/sign-out-everywhere";
import { changeEmail, confirmEmailChange } from "@/lib/account/change-email";
import { changePassword } from "@/lib/account/change-password";
import { deleteAccount } from "@/lib/account/delete-account";
import { setHouseholdLocale, setLanguage } from "@/lib/account/language";
import { requestPasswordReset, resetPassword } from "@/lib/account/password-reset";
import { requestNow } from "@/lib/clock";
import { parseSignUp, signUp, takeSignUpAttempt } from "@/lib/account/sign-up";
import { clientAddress } from "@/lib/auth/client-address";
import { SECURE_COOKIES, SIGN_UP_EMAIL_COOKIE } from "@/lib/auth/cookies";
import { consumeSignUp } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { signIn, signOut } from "@/lib/auth/config";
import { markActionStarted } from "@/lib/http/undecodable-action";
import { formToObject } from "@/lib/validation";
import { negotiateLocale } from "@/lib/i18n/locales";
import { msg } from "@/lib/i18n/text";
import { textIn } from "@/lib/i18n/translate";
import { localeForRequest } from "@/lib/i18n/request";

// Signing up, in and out, and recovering a forgotten password: public by
// design (they open or close a session, or are used signed out, and touch no
// household), so these six are the only actions not built on the request
// context. The rest act on one's own account.

/**
 * Sign-up answers a new and a taken address the same way (docs/decisions/0016):
 * the same field checks, one password hash, then on to sign-in with the
 * address filled in. The owner of a taken address is told at their next
 * sign-in. Throttled per client address (each attempt costs a hash).
 */
export async function signUpAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  markActionStarted();
  const input = formToObject(form);
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders);
  const result = await runDomain(async () => {
    parseSignUp(input); // a typo in a field costs no attempt
    const wait = await consumeSignUp(address);
    if (wait > 0) throw new AppError("throttled", msg("auth.errors.tooManyAccounts"));
    return signUp(input, negotiateLocale(requestHeaders.get("accept-language")));
  });
  if (!result.ok && result.code !== "conflict") return result;
  (await cookies()).set(SIGN_UP_EMAIL_COOKIE, String(input.email).trim().toLowerCase().slice(0, 254), {
    httpOnly: true,
    sameSite: "lax",
    secure: SECURE_COOKIES,
    path: "/sign-in",
    maxAge: 10 * 60,
  });
  const next = safeNextPath(input.next, "/onboarding");
  redirect(`/sign-in?created=1&next=${encodeURIComponent(next)}`);
}

export async function signInAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  markActionStarted();
  const input = formToObject(form);
  try {
    await signIn("credentials", { email: input.email ?? "", password: input.password ?? "", redirect: false });
  } catch (e) {
    if (e instanceof CredentialsSignin) {
      const locale = await localeForRequest();
      return e.code === "throttled"
        ? { ok: false, code: "throttled", message: await textIn(locale, msg("auth.errors.tooManySignIns")) }
        : { ok: false, code: "invalid", message: await textIn(locale, msg("auth.errors.noMatch")) };
    }
    throw e;
  }
  const next = safeNextPath(input.next, "/tonight");
  (await cookies()).delete({ name: SIGN_UP_EMAIL_COOKIE, path: "/sign-in" });
  // Someone tried to sign up with this address since the last sign-in: say so, once.
  const attempt = await takeSignUpAttempt(String(input.email ?? ""));
  if (attempt)
    redirect(`/someone-tried?at=${encodeURIComponent(attempt.toISOString())}&next=${encodeURIComponent(next)}`);
  redirect(next);
}

/** Ends this device's session. An optional `next` keeps e.g. an invite link. */
export async function signOutAction(form?: FormData): Promise<void> {
  markActionStarted();
  const next = safeNextPath(formToObject(form).next, "");
  await signOut({ redirectTo: next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in" });
}

/** Ends every session of this account on every device, this one too. */
export const signOutEverywhereAction = serverAction(signOutEverywhere, {
  then: () => signOut({ redirectTo: "/sign-in?signedOut=everywhere" }),
});

/** Signs one of your own other devices out ("Your devices" in Settings). */
export const signOutDeviceAction = serverAction(signOutDevice, { revalidate: ["/settings"] });

/**
 * "Forgot password?": the same answer whether or not an account uses the
 * address (lib/account/password-reset.ts); throttled per client address and
 * per address asked about.
 */
export async function forgotPasswordAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  markActionStarted();
  const address = clientAddress(await headers());
  const now = await requestNow();
  return runDomain(() => requestPasswordReset(formToObject(form), { address, now }));
}

/** A new password from a reset link; every session ends, so on to sign in with it. */
export async function resetPasswordAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  markActionStarted();
  const now = await requestNow();
  const result = await runDomain(() => resetPassword(formToObject(form), now));
  if (!result.ok) return result;
  redirect("/sign-in?reset=1");
}

/** Settings: a new password; the other devices are signed out, this one stays. */
export const changePasswordAction = serverAction(changePassword, { revalidate: ["/settings"] });

/** Settings: mails a confirmation link to the new address (the address changes when it is opened). */
export const changeEmailAction = serverAction(changeEmail);

/** The confirmation link's page: the address changes now. */
export const confirmEmailChangeAction = serverAction(confirmEmailChange, { revalidate: ["/settings"] });

/** Settings: deletes the account (lib/account/delete-account.ts); this device's cookie goes, on to sign-in with a goodbye. */
export const deleteAccountAction = serverAction(deleteAccount, {
  then: () => signOut({ redirectTo: "/sign-in?deleted=1" }),
});

/** Settings → Language: the caregiver's own language (every page changes with it). */
export const setLanguageAction = serverAction(setLanguage, { revalidate: ["/"] });

/** Settings → Language: the household's clock and first day of the week (parents). */
export const setHouseholdLocaleAction = serverAction(setHouseholdLocale, { revalidate: ["/"] });
