"use server";

import { signOut } from "@/lib/auth/config";
import { currentActor } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/account/sign-out-everywhere";
import { runDomain, type TActionState } from "@/lib/action";

/** Ends this device's session (public: signing out needs no household). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends every session of this account on every device. */
export async function signOutEverywhereAction(_prev?: TActionState, _form?: FormData): Promise<TActionState> {
  const actor = await currentActor();
  const result = await runDomain(() => signOutEverywhere(actor));
  if (!result.ok) return result;
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
  return result;
}
