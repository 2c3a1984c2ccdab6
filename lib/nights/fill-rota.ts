import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction } from "@/lib/context";
import { conflict, invalid } from "@/lib/errors";
import { isExclusionViolation } from "@/lib/prisma-errors";
import { ZClock } from "@/lib/time/zone";
import { ZId } from "@/lib/validation";
import { currentOrNextNight } from "@/lib/nights/night-window";
import {
  proposeRota,
  rotaSpan,
  validateRotaInput,
  type TTemplate,
  type TWeekday,
  type TWeeklyNight,
} from "@/lib/nights/rota";
import { ROTA_KINDS, templateCaregiverIds } from "@/lib/nights/rota-templates";
import { publishLive } from "@/lib/live/publish";
import { addDays, fromDbDate, toDbDate } from "@/lib/time/local-date";
import { ZLocalDate } from "@/lib/time/schemas";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";
import { createFormat } from "@/lib/format";
import { msg, type TTextValues } from "@/lib/i18n/text";

/** A refusal or field message (a reference, lib/i18n/text.ts) under "nights.errors". */
const E = (key: string, values?: TTextValues) => msg(`nights.errors.${key}`, values);

// Only parents fill the rota or change its template (docs/decisions/0008,
// canFillRota in lib/nights/rights.ts: the builder's role rule enforces it).

const ZOptionalId = z.union([z.literal(""), ZId]).optional();
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
/** One night of a weekly pattern: "" (taking turns), a caregiver id, or "first/second" split at `splitAt`. */
const ZWeeklyNight = z
  .union([z.literal(""), ZId, z.string().regex(new RegExp(`^${UUID}/${UUID}$`, "i"), E("chooseFromList"))])
  .optional();

const ZFillRota = z.object({
  householdId: ZId,
  kind: z.enum(ROTA_KINDS, { error: E("chooseKind") }),
  from: ZLocalDate,
  weeks: z.coerce
    .number({ error: E("weeksRequired") })
    .int(E("weeksWhole"))
    .min(1, E("weeksMin"))
    .max(12, E("weeksMax")),
  splitAt: z.union([z.literal(""), ZClock(msg("nights.what.splitTime"))]).optional(),
  firstHalf: z.union([z.literal("rotate"), z.literal(""), ZId]).optional(),
  feederId: ZOptionalId,
  feedUntil: z.union([z.literal(""), ZClock(msg("nights.what.feedEnds"))]).optional(),
  day0: ZWeeklyNight,
  day1: ZWeeklyNight,
  day2: ZWeeklyNight,
  day3: ZWeeklyNight,
  day4: ZWeeklyNight,
  day5: ZWeeklyNight,
  day6: ZWeeklyNight,
  maxConsecutive: z.coerce.number().int().min(1, E("maxConsecutiveMin")).max(7, E("maxConsecutiveMax")).default(2),
  fairnessWindow: z.coerce.number().int().min(7, E("fairnessWindowMin")).max(90, E("fairnessWindowMax")).default(30),
});
type TFillRota = z.infer<typeof ZFillRota>;

function templateOf(d: TFillRota): TTemplate {
  switch (d.kind) {
    case "alternate":
      return { kind: "alternate" };
    case "split":
      if (typeof d.splitAt !== "number") throw invalid(E("chooseSplit"), { splitAt: [E("chooseSplit")] });
      return { kind: "split", splitAt: d.splitAt, firstHalf: d.firstHalf || "rotate" };
    case "feed-then-handover":
      if (!d.feederId) throw invalid(E("chooseFeeder"), { feederId: [E("chooseFeeder")] });
      if (typeof d.feedUntil !== "number") throw invalid(E("chooseFeedEnd"), { feedUntil: [E("chooseFeedEnd")] });
      return { kind: "feed-then-handover", feederId: d.feederId, feedUntil: d.feedUntil };
    case "weekly": {
      const pattern: Partial<Record<TWeekday, TWeeklyNight>> = {};
      const days = [d.day0, d.day1, d.day2, d.day3, d.day4, d.day5, d.day6];
      days.forEach((value, i) => {
        if (!value) return;
        const [first, second] = value.toLowerCase().split("/");
        if (!second) return void (pattern[i as TWeekday] = { caregiverId: first! });
        if (typeof d.splitAt !== "number") throw invalid(E("chooseWeeklySplit"), { splitAt: [E("chooseWeeklySplit")] });
        pattern[i as TWeekday] = { split: d.splitAt, first: first!, second };
      });
      return { kind: "weekly", pattern };
    }
  }
}

export type TFillRotaResult = { created: number; kept: number; replaced: number; unfilled: number };

/**
 * Fills `weeks` of nights from a template. Shifts the rota made before in that
 * range are replaced; shifts a person made or changed by hand are kept. Every
 * generated shift stores why it went to that caregiver.
 */
export const fillRota = householdAction(
  ZFillRota,
  { role: "parent" },
  async ({ me, household: h, data, now }): Promise<TFillRotaResult> => {
    const householdId = me.householdId;
    const template = templateOf(data);

    const members = await db.caregiver.findMany({
      where: { householdId, removedAt: null },
      orderBy: { joinedAt: "asc" },
      select: { id: true, role: true, ...CAREGIVER_NAME_SELECT },
    });
    const tonight = currentOrNextNight(now, h.timeZone, h.nightStart, h.nightEnd).date;
    if (data.from < tonight) throw invalid(E("fillFromTonight"), { from: [E("chooseTonightOrLater")] });

    // Parents take part; a helper only when the template names them (a night nanny on Fridays).
    const named = new Set(templateCaregiverIds(template));
    for (const id of named) {
      if (!members.some((c) => c.id === id)) throw invalid(E("choosePeople"), { _form: [E("choosePeople")] });
    }
    const caregivers = members
      .filter((c) => c.role === "parent" || named.has(c.id))
      .map((c) => ({ id: c.id, name: caregiverName(c) }));
    const nights = data.weeks * 7;
    const span = rotaSpan({ ...h, from: data.from, nights })!;
    const historyFrom = addDays(data.from, -data.fairnessWindow);

    const [unavailability, historyShifts, existing] = await Promise.all([
      db.unavailability.findMany({
        where: { householdId, startsAt: { lt: span.end }, endsAt: { gt: span.start } },
        select: { caregiverId: true, startsAt: true, endsAt: true },
      }),
      db.shift.findMany({
        where: {
          householdId,
          nightDate: { gte: toDbDate(historyFrom), lt: toDbDate(data.from) },
        },
        select: { nightDate: true, caregiverId: true },
      }),
      db.shift.findMany({
        where: { householdId, startsAt: { lt: span.end }, endsAt: { gt: span.start } },
        select: { id: true, caregiverId: true, startsAt: true, endsAt: true, source: true },
      }),
    ]);
    const history = new Map<string, Set<string>>();
    for (const s of historyShifts) {
      const date = fromDbDate(s.nightDate);
      (history.get(date) ?? history.set(date, new Set()).get(date)!).add(s.caregiverId);
    }
    const rotaInput = {
      timeZone: h.timeZone,
      nightStart: h.nightStart,
      nightEnd: h.nightEnd,
      from: data.from,
      nights,
      caregivers,
      template,
      unavailability: unavailability.map((u) => ({ caregiverId: u.caregiverId, start: u.startsAt, end: u.endsAt })),
      history: [...history].map(([date, ids]) => ({ date, caregiverIds: [...ids] })),
      existing: existing.map((s) => ({
        caregiverId: s.caregiverId,
        start: s.startsAt,
        end: s.endsAt,
        manual: s.source === "manual",
      })),
      maxConsecutive: data.maxConsecutive,
      fixedOnly: members.filter((c) => c.role === "helper" && named.has(c.id)).map((c) => c.id),
      // Reasons that name a time ("feeds until 23:00") use the household's clock.
      clock: createFormat({ locale: h.locale, householdLocale: h.locale }).formatClock,
    };
    const problems = validateRotaInput(rotaInput);
    if (problems.length) throw invalid(problems[0]!, { _form: problems });
    if (caregivers.length === 0) throw invalid(E("nobodyCanTake"));
    const plan = proposeRota(rotaInput);
    const names = new Map(caregivers.map((c) => [c.id, c.name]));

    try {
      await db.$transaction(async (tx) => {
        // Replace only what the rota made; the ids were read above, and a shift
        // changed by hand since then is "manual" now and so not matched.
        await tx.shift.deleteMany({
          where: {
            householdId,
            source: "rota",
            id: { in: existing.filter((s) => s.source === "rota").map((s) => s.id) },
          },
        });
        await tx.shift.createMany({
          data: plan.shifts.map((s) => ({
            householdId,
            caregiverId: s.caregiverId,
            nightDate: toDbDate(s.date),
            startsAt: s.start,
            endsAt: s.end,
            source: "rota" as const,
            reason: s.reason,
            createdById: me.userId,
            updatedById: me.userId,
          })),
        });
        await tx.household.update({
          where: { id: householdId },
          data: {
            rotaTemplate: template,
            rotaMaxConsecutive: data.maxConsecutive,
            rotaFairnessWindow: data.fairnessWindow,
          },
        });
        const byNight = new Map<string, string[]>();
        for (const s of plan.shifts)
          (byNight.get(s.date) ?? byNight.set(s.date, []).get(s.date)!).push(
            msg("nights.events.rotaPart", { name: names.get(s.caregiverId) ?? "", reason: s.reason }),
          );
        await publishLive(tx, householdId, "shift.changed", []);
        await tx.nightEvent.createMany({
          data: [...byNight].map(([date, parts]) => ({
            householdId,
            nightDate: toDbDate(date),
            actorId: me.userId,
            kind: "rota_filled",
            summary: msg("nights.events.rotaFilled", {
              name: me.name,
              parts: parts.reduceRight((rest, first) => msg("nights.rota.reason.both", { first, rest })),
            }),
          })),
        });
      });
    } catch (e) {
      if (isExclusionViolation(e)) throw conflict(E("rotaChangedMeanwhile"));
      throw e;
    }
    return {
      created: plan.shifts.length,
      kept: plan.kept.length,
      replaced: plan.replaced,
      unfilled: plan.unfilled.length,
    };
  },
);
