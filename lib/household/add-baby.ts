import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { parseInput, ZId, ZName } from "@/lib/validation";
import { requireMember } from "@/lib/household/guard";
import { publish } from "@/lib/live/events";

const DAY = 24 * 60 * 60 * 1000;

export const ZBabyFields = z.object({
  name: ZName("the baby's name", 60),
  birthDate: z
    .string({ error: "Enter the birth date." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the birth date as a date, like 2026-09-14.")
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    }, "That date doesn't exist.")
    .transform((s) => new Date(`${s}T00:00:00Z`))
    // A day of slack covers time zones ahead of UTC; due dates are not birth dates yet.
    .refine((d) => d.getTime() <= Date.now() + DAY, "The birth date can't be in the future.")
    .refine(
      (d) => d.getTime() >= Date.now() - 6 * 366 * DAY,
      "Attune is made for babies and small children; check the year.",
    ),
});

export const ZAddBaby = z.object({ householdId: ZId }).and(ZBabyFields);

export async function addBaby(actor: TActor | null, input: unknown): Promise<{ babyId: string }> {
  const { householdId } = parseInput(z.object({ householdId: ZId }), input);
  const me = await requireMember(actor, householdId, { role: "parent" });
  const data = parseInput(ZBabyFields, input);
  return db.$transaction(async (tx) => {
    const baby = await tx.baby.create({ data: { householdId, ...data }, select: { id: true } });
    await publish(tx, { type: "household.changed", householdId, ids: [baby.id], actorCaregiverId: me.caregiverId });
    return { babyId: baby.id };
  });
}
