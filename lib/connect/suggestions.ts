import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, type THouseholdContext, type TMe } from "@/lib/context";
import { forbidden, invalid } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { publishLive } from "@/lib/live/publish";
import { isUniqueViolation } from "@/lib/prisma-errors";
import { addDays, localDateOf, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { ZId } from "@/lib/validation";
import { resolveActivity } from "./activities";
import { describeHardNight, hardNightNote, judgeNight, type THardNight } from "./hard-night";
import { canTendPlan } from "./rights";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";
import { msg } from "@/lib/i18n/text";

// After a hard night (lib/connect/hard-night.ts) today's plan offers two
// things, each taken into the plan with one tap or put away: a repair moment
// with the baby, and a morning of rest for whoever carried the night. The
// decision is one row per (household, date, kind): a double tap, or both
// partners tapping, adds one plan item.

export const SUGGESTION_KINDS = ["repair", "rest"] as const;
export type TSuggestionKind = (typeof SUGGESTION_KINDS)[number];
export const HARD_NIGHT_ORIGIN = "after-hard-night";

export type TSuggestion = {
  date: TLocalDate;
  night: TLocalDate;
  /** Why the card is there: a message reference (describeHardNight). */
  summary: string;
  tiredId: string | null;
  tiredName: string | null;
  offers: {
    kind: TSuggestionKind;
    decision: "accepted" | "dismissed" | null;
    helperId: string | null;
    helperName: string | null;
  }[];
};

type TCaregiver = { id: string; name: string; role: Role };

/** Who takes the morning: another member than the tired one, parents first. */
function restHelper(caregivers: TCaregiver[], tiredId: string | null): TCaregiver | null {
  const others = caregivers.filter((c) => c.id !== tiredId);
  return others.find((c) => c.role === "parent") ?? others[0] ?? null;
}

/**
 * The suggestion for `date` (only for today: yesterday's card is no use
 * tomorrow), or null when last night was not hard. One query.
 */
export async function readSuggestion(
  me: TMe,
  date: TLocalDate,
  today: TLocalDate,
  caregivers: TCaregiver[],
  now: Date,
): Promise<TSuggestion | null> {
  if (date !== today) return null;
  const night = toDbDate(addDays(date, -1));
  // Last night's wakings and tap-outs and today's decisions in one statement (relation joins).
  const {
    wakings,
    tapOuts,
    planSuggestions: decisions,
  } = await db.household.findUniqueOrThrow({
    relationLoadStrategy: "join",
    where: { id: me.householdId },
    select: {
      wakings: {
        where: { nightDate: night },
        select: { responderId: true, startedAt: true, endedAt: true },
        take: 200,
      },
      tapOuts: { where: { nightDate: night }, select: { requesterId: true }, take: 50 },
      planSuggestions: { where: { date: toDbDate(date) }, select: { kind: true, decision: true } },
    },
  });
  const judged = judgeNight({ wakings, tapOuts }, now);
  if (!judged.hard) return null;
  return build(judged, date, caregivers, decisions);
}

function build(
  judged: THardNight,
  date: TLocalDate,
  caregivers: TCaregiver[],
  decisions: { kind: string; decision: string }[],
): TSuggestion {
  const tired = caregivers.find((c) => c.id === judged.tiredId) ?? null;
  const helper = restHelper(caregivers, judged.tiredId);
  const decided = (kind: string) =>
    (decisions.find((d) => d.kind === kind)?.decision as "accepted" | "dismissed" | undefined) ?? null;
  const offers: TSuggestion["offers"] = [
    { kind: "repair", decision: decided("repair"), helperId: null, helperName: null },
  ];
  if (tired && helper)
    offers.push({ kind: "rest", decision: decided("rest"), helperId: helper.id, helperName: helper.name });
  return {
    date,
    night: addDays(date, -1),
    summary: describeHardNight(judged),
    tiredId: tired?.id ?? null,
    tiredName: tired?.name ?? null,
    offers,
  };
}

export const ZDecideSuggestion = z.object({
  householdId: ZId,
  date: z.string({ error: msg("connect.errors.chooseDay") }),
  kind: z.enum(SUGGESTION_KINDS, { error: msg("connect.errors.chooseSuggestion") }),
});

/** The offer the caller is deciding on, as it stands now (the household's today, its caregivers). */
async function currentOffer({ me, household, data, now }: THouseholdContext<z.infer<typeof ZDecideSuggestion>>) {
  if (!canTendPlan(me)) throw forbidden(msg("connect.errors.cantChangePlan"));
  const rows = await db.caregiver.findMany({
    where: { householdId: me.householdId, removedAt: null },
    orderBy: { joinedAt: "asc" },
    select: { id: true, role: true, ...CAREGIVER_NAME_SELECT },
  });
  const today = localDateOf(now, household.timeZone);
  const caregivers = rows.map((c) => ({ id: c.id, role: c.role, name: caregiverName(c) }));
  const suggestion = await readSuggestion(me, data.date, today, caregivers, now);
  const offer = suggestion?.offers.find((o) => o.kind === data.kind);
  if (!suggestion || !offer) throw invalid(msg("connect.errors.noSuggestion"));
  return { suggestion, offer };
}

/** Takes a suggestion into today's plan, once (both partners tapping add one item). */
export const acceptSuggestion = householdAction(
  ZDecideSuggestion,
  {},
  async (ctx): Promise<{ planItemId: string | null }> => {
    const { me, data } = ctx;
    const householdId = me.householdId;
    const { suggestion, offer } = await currentOffer(ctx);
    if (offer.decision) return { planItemId: null };
    try {
      return await db.$transaction(async (tx) => {
        await tx.planSuggestion.create({
          data: { householdId, date: toDbDate(data.date), kind: data.kind, decision: "accepted", byId: me.caregiverId },
        });
        const activity = await resolveActivity(tx, householdId, data.kind === "repair" ? "repair" : "take-the-morning");
        const item = await tx.planItem.create({
          data: {
            householdId,
            activityId: activity.id,
            startDate: toDbDate(data.date),
            untilDate: toDbDate(data.date),
            recurrence: "once",
            partOfDay: data.kind === "rest" ? "morning" : "any",
            assigneeId: offer.helperId,
            origin: HARD_NIGHT_ORIGIN,
            createdById: me.caregiverId,
            note: hardNightNote(data.kind, suggestion.tiredName),
          },
          select: { id: true },
        });
        await publishLive(tx, householdId, "plan.changed", [item.id], me.caregiverId);
        return { planItemId: item.id };
      });
    } catch (e) {
      // The partner decided a moment earlier: theirs stands.
      if (isUniqueViolation(e)) return { planItemId: null };
      throw e;
    }
  },
);

/** Puts a suggestion away for the day. */
export const dismissSuggestion = householdAction(ZDecideSuggestion, {}, async (ctx): Promise<void> => {
  const { me, data } = ctx;
  const householdId = me.householdId;
  const { offer } = await currentOffer(ctx);
  if (offer.decision) return;
  try {
    await db.$transaction(async (tx) => {
      await tx.planSuggestion.create({
        data: { householdId, date: toDbDate(data.date), kind: data.kind, decision: "dismissed", byId: me.caregiverId },
      });
      await publishLive(tx, householdId, "plan.changed", [], me.caregiverId);
    });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
  }
});
