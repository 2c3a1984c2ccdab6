import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { accountAction } from "@/lib/context";
import { conflict } from "@/lib/errors";
import { checkCurrentPassword, ZCurrentPassword } from "@/lib/account/current-password";
import { endMembership, lockCaregivers } from "@/lib/household/members";
import { whyCantLeave } from "@/lib/household/rights";
import { publishLive } from "@/lib/live/publish";
import { msg } from "@/lib/i18n/text";

const ZDeleteAccount = z.object({ currentPassword: ZCurrentPassword });

export const LAST_PARENT_CANT_DELETE = msg("settings.errors.lastParentCantDelete");

/**
 * Settings' "Delete my account" (docs/decisions/0030). What goes: the account
 * (name, address, password, sessions, links), and what was private to it:
 * private check-ins, push devices, calendar feed, API tokens, note reads, the
 * "while you were asleep" mark, night-log receipts. What stays: what they did
 * in the household (shifts, wakings, tap-outs, swaps, notes, thank-yous,
 * shared check-ins), on their caregiver row, which is marked removed and
 * named by the household's choice (Household.keepFormerNames). The only
 * member's household goes with them. The last parent among others is
 * refused: someone must stay in charge.
 */
export const deleteAccount = accountAction(
  ZDeleteAccount,
  async ({ actor, data, now }): Promise<{ householdDeleted: boolean }> => {
    await checkCurrentPassword(actor, data.currentPassword);
    return db.$transaction(async (tx) => {
      const active = await tx.caregiver.findFirst({
        where: { userId: actor.userId, removedAt: null },
        select: { id: true, householdId: true },
      });
      let householdDeleted = false;
      if (active) {
        const rows = await lockCaregivers(tx, active.householdId);
        const mine = rows.find((r) => r.id === active.id);
        if (mine) {
          const why = whyCantLeave(mine, rows);
          if (why === "last parent") throw conflict(LAST_PARENT_CANT_DELETE);
          if (why === "only member") {
            // Alone in it: the household and its history go too (the confirm says so).
            await tx.household.delete({ where: { id: active.householdId } });
            householdDeleted = true;
          } else {
            await endMembership(tx, active.id, active.householdId, now);
            await publishLive(tx, active.householdId, "household.changed", [active.id]);
          }
        }
      }
      // Every caregiver row the account ever had (households it left before too).
      const mine = await tx.caregiver.findMany({
        where: { userId: actor.userId },
        select: { id: true, household: { select: { keepFormerNames: true } } },
      });
      const ids = mine.map((c) => c.id);
      await tx.checkIn.deleteMany({ where: { caregiverId: { in: ids }, shared: false } });
      await tx.pushSubscription.deleteMany({ where: { caregiverId: { in: ids } } });
      await tx.pushOutbox.deleteMany({ where: { recipientId: { in: ids }, sentAt: null } });
      await tx.calendarFeed.deleteMany({ where: { caregiverId: { in: ids } } });
      await tx.apiToken.deleteMany({ where: { caregiverId: { in: ids } } });
      await tx.noteRead.deleteMany({ where: { caregiverId: { in: ids } } });
      await tx.actionReceipt.deleteMany({ where: { caregiverId: { in: ids } } });
      for (const keep of [true, false]) {
        await tx.caregiver.updateMany({
          where: { id: { in: mine.filter((c) => c.household.keepFormerNames === keep).map((c) => c.id) } },
          data: { formerName: keep ? actor.name : null, summarySeenAt: null },
        });
      }
      // Sessions and account links cascade with the user; the caregiver rows keep their history (user_id → null).
      await tx.user.delete({ where: { id: actor.userId } });
      return { householdDeleted };
    });
  },
);
