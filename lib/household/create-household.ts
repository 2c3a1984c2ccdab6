import "server-only";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { db } from "@/lib/db";
import { accountAction } from "@/lib/context";
import { forbidden } from "@/lib/errors";
import { ZNewHousehold } from "@/lib/household/household-input";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { msg } from "@/lib/i18n/text";

/** Creates a household with the caller as its first parent. */
export const createHousehold = accountAction(ZNewHousehold, async ({ actor, data }) => {
  // One household per account: leave the current one first.
  const existing = await db.caregiver.findFirst({
    where: { userId: actor.userId, removedAt: null },
    select: { id: true },
  });
  if (existing) throw forbidden(msg("household.errors.alreadyInOneCreate"));
  try {
    const household = await db.household.create({
      data: {
        ...data,
        locale: actor.locale ?? DEFAULT_LOCALE,
        caregivers: { create: { userId: actor.userId, role: "parent" } },
      },
      select: { id: true },
    });
    return { householdId: household.id };
  } catch (e) {
    // Two tabs creating at once: an account has one active caregiver row (partial unique index), so one loses here.
    if (isUniqueViolation(e)) throw forbidden(msg("household.errors.alreadyInOne"));
    throw e;
  }
});
