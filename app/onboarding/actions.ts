"use server";

import { revalidatePath } from "next/cache";
import { createHousehold } from "@/lib/household/create-household";
import { runAction, type TActionState } from "@/lib/action";

export async function createHouseholdAction(
  _prev: TActionState,
  form: FormData,
): Promise<TActionState<{ householdId: string }>> {
  const result = await runAction(form, createHousehold);
  if (result.ok) revalidatePath("/", "layout");
  return result;
}
