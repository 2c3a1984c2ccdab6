import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { parseInput, ZId } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { publish } from "@/lib/live/events";
import { ZHouseholdFields } from "@/lib/household/household-input";

export const ZUpdateHousehold = z.intersection(z.object({ householdId: ZId }), ZHouseholdFields);

/** Parents change the name, time zone and night window. */
export async function updateHousehold(actor: TActor | null, input: unknown): Promise<void> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId, { role: "parent" });
  const { householdId: _id, ...data } = parseInput(ZUpdateHousehold, input);
  await db.$transaction(async (tx) => {
    await tx.household.update({ where: { id: householdId }, data });
    await publish(tx, { type: "household.changed", householdId, actorCaregiverId: me.caregiverId });
  });
}
