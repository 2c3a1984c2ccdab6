"use server";

import { fillRota } from "@/lib/nights/fill-rota";
import { runActionAndRevalidate, type TActionState } from "@/lib/action";

export async function fillRotaAction(_prev: TActionState, form: FormData) {
  return runActionAndRevalidate(form, fillRota, ["/nights", "/tonight"]);
}
