import "server-only";
import { db } from "@/lib/db";
import { householdAction } from "@/lib/context";
import { publishLive } from "@/lib/live/publish";
import { ZHouseholdChange } from "@/lib/household/household-input";

/** Parents change the name, time zone and night window. */
export const updateHousehold = householdAction(ZHouseholdChange, { role: "parent" }, async ({ me, data }) => {
  const { householdId: _id, ...fields } = data;
  await db.$transaction(async (tx) => {
    await tx.household.update({ where: { id: me.householdId }, data: fields });
    await publishLive(tx, me.householdId, "household.changed", [], me.caregiverId);
  });
});
