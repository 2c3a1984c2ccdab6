"use server";

import { signOut } from "@/lib/auth/config";
import { currentActor } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/account/sign-out-everywhere";
import { runDomain, safeNextPath, type TActionState } from "@/lib/action";

/** Ends this device's session (public: signing out needs no household). An optional `next` keeps e.g. an invite link. */
export async function signOutAction(form?: FormData): Promise<void> {
  const next = safeNextPath(form?.get("next"), "");
  await signOut({ redirectTo: next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in" });
}

/** Ends every session of this account on every device. */
export async function signOutEverywhereAction(_prev?: TActionState, _form?: FormData): Promise<TActionState> {
  const actor = await currentActor();
  const result = await runDomain(() => signOutEverywhere(actor));
  if (!result.ok) return result;
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
  return result;
}
