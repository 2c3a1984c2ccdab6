import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { forbidden } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { parseInput } from "@/lib/validation";
import { requireNoHousehold } from "@/lib/household/guard";
import { ZHouseholdFields } from "@/lib/household/household-input";

export const ZCreateHousehold = ZHouseholdFields;
export type TCreateHousehold = z.input<typeof ZCreateHousehold>;

/** Creates a household with the actor as its first parent. */
export async function createHousehold(actor: TActor | null, input: unknown): Promise<{ householdId: string }> {
  await requireNoHousehold(actor);
  const data = parseInput(ZCreateHousehold, input);
  try {
    const household = await db.household.create({
      data: {
        ...data,
        caregivers: { create: { userId: actor!.userId, role: "parent" } },
      },
      select: { id: true },
    });
    return { householdId: household.id };
  } catch (e) {
    // Two tabs creating at once: caregivers.user_id is unique, so one loses here.
    if (isUniqueViolation(e)) throw forbidden("You already belong to a household.");
    throw e;
  }
}
