"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { acceptInvite } from "@/lib/household/invites";
import { runAction, type TActionState } from "@/lib/action";

export async function acceptInviteAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const result = await runAction(form, acceptInvite);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect("/household?joined=1");
}
