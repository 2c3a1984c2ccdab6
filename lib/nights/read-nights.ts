import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { TRole } from "@/lib/auth/actor";
import { householdQuery, type THouseholdClock, type TMe } from "@/lib/context";
import { detailsOf, type THouseholdDetails } from "@/lib/household/details";
import { currentOrNextNight, nightWindow } from "@/lib/nights/night-window";
import { addDays, fromDbDate, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { ZLocalDate } from "@/lib/time/schemas";
import { ZId } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

export type TNightCaregiver = { id: string; name: string; role: TRole; colour: number; isMe: boolean };
export type TNightShift = {
  id: string;
  caregiverId: string;
  start: string;
  end: string;
  source: "manual" | "rota";
  reason: string | null;
  version: number;
};
export type TNight = {
  date: TLocalDate;
  start: string;
  end: string;
  shifts: TNightShift[];
  unavailable: { id: string; caregiverId: string; start: string; end: string; note: string | null }[];
  events: { kind: string; summary: string; at: string }[];
  /** Handoff notes written for this night (the night's page shows them). */
  handoffNotes: number;
};
export type TNightsView = {
  household: { id: string; timeZone: string; nightStart: number; nightEnd: number };
  caregivers: TNightCaregiver[];
  /** Those who left (formerCaregivers): names for their past shifts. */
  former: TNightCaregiver[];
  nights: TNight[];
};

export const MAX_NIGHTS_PER_VIEW = 43;

/** The household's caregivers as the screens show them: a colour each, in order of joining (six colours). */
export function nightCaregivers(
  members: Pick<THouseholdDetails["members"][number], "caregiverId" | "name" | "role">[],
  meId: string,
): TNightCaregiver[] {
  return members.map((c, i) => ({
    id: c.caregiverId,
    name: c.name,
    role: c.role,
    colour: i % 6,
    isMe: c.caregiverId === meId,
  }));
}

/** Those who left, named for their past shifts (colours after the members'); never offered as a choice. */
export function formerCaregivers(details: Pick<THouseholdDetails, "members" | "former">): TNightCaregiver[] {
  const n = details.members.length;
  return details.former.map((c, i) => ({
    id: c.caregiverId,
    name: c.name,
    role: c.role,
    colour: (n + i) % 6,
    isMe: false,
  }));
}

const RANGE_UNAVAILABLE = msg("nights.errors.rangeUnavailable");

const ZRange = z.object({
  householdId: ZId,
  from: ZLocalDate,
  count: z
    .number({ error: RANGE_UNAVAILABLE })
    .int(RANGE_UNAVAILABLE)
    .min(1, RANGE_UNAVAILABLE)
    .max(MAX_NIGHTS_PER_VIEW, RANGE_UNAVAILABLE),
});

/**
 * The nights from `from` for `count` nights, with shifts, unavailability and
 * history: one query (and the cached details) whatever the size of the household's history (each
 * part is bounded by an indexed range).
 */
export const getNights = householdQuery(ZRange, {}, ({ me, household, data }) =>
  readNights(me, household, data.from, data.count),
);

/** getNights' body, for a caller whose context is already resolved. */
async function readNights(me: TMe, h: THouseholdClock, from: TLocalDate, count: number): Promise<TNightsView> {
  const last = addDays(from, count - 1);
  const rangeStart = nightWindow(from, h.timeZone, h.nightStart, h.nightEnd).start;
  const rangeEnd = nightWindow(last, h.timeZone, h.nightStart, h.nightEnd).end;
  const dateRange = { gte: toDbDate(from), lte: toDbDate(last) };
  const [details, rows] = await Promise.all([
    // The members (cached with the household's details), not a statement per render.
    detailsOf(h.id),
    // Shifts, unavailability, history and handoff notes in one statement (relation joins), each
    // bounded by an indexed range.
    db.household.findUnique({
      relationLoadStrategy: "join",
      where: { id: h.id },
      select: {
        shifts: {
          where: { nightDate: dateRange },
          orderBy: { startsAt: "asc" },
          select: {
            id: true,
            caregiverId: true,
            nightDate: true,
            startsAt: true,
            endsAt: true,
            source: true,
            reason: true,
            version: true,
          },
        },
        unavailability: {
          where: { startsAt: { lt: rangeEnd }, endsAt: { gt: rangeStart } },
          orderBy: { startsAt: "asc" },
          select: { id: true, caregiverId: true, startsAt: true, endsAt: true, note: true },
        },
        nightEvents: {
          where: { nightDate: dateRange },
          orderBy: { createdAt: "asc" },
          select: { nightDate: true, kind: true, summary: true, createdAt: true },
        },
        notes: { where: { kind: "handoff", nightDate: dateRange }, select: { nightDate: true } },
      },
    }),
  ]);
  const shifts = rows?.shifts ?? [];
  const unavailable = rows?.unavailability ?? [];
  const events = rows?.nightEvents ?? [];
  const handoffsOn = new Map<TLocalDate, number>();
  for (const n of rows?.notes ?? []) {
    if (!n.nightDate) continue;
    const d = fromDbDate(n.nightDate);
    handoffsOn.set(d, (handoffsOn.get(d) ?? 0) + 1);
  }
  const nights: TNight[] = [];
  for (let i = 0; i < count; i++) {
    const date = addDays(from, i);
    const w = nightWindow(date, h.timeZone, h.nightStart, h.nightEnd);
    nights.push({
      date,
      start: w.start.toISOString(),
      end: w.end.toISOString(),
      shifts: shifts
        .filter((s) => fromDbDate(s.nightDate) === date)
        .map((s) => ({
          id: s.id,
          caregiverId: s.caregiverId,
          start: s.startsAt.toISOString(),
          end: s.endsAt.toISOString(),
          source: s.source,
          reason: s.reason,
          version: s.version,
        })),
      unavailable: unavailable
        .filter((u) => u.startsAt < w.end && u.endsAt > w.start)
        .map((u) => ({
          id: u.id,
          caregiverId: u.caregiverId,
          start: u.startsAt.toISOString(),
          end: u.endsAt.toISOString(),
          note: u.note,
        })),
      events: events
        .filter((e) => fromDbDate(e.nightDate) === date)
        .map((e) => ({ kind: e.kind, summary: e.summary, at: e.createdAt.toISOString() })),
      handoffNotes: handoffsOn.get(date) ?? 0,
    });
  }
  return {
    household: { id: h.id, timeZone: h.timeZone, nightStart: h.nightStart, nightEnd: h.nightEnd },
    caregivers: nightCaregivers(details.members, me.caregiverId),
    former: formerCaregivers(details),
    nights,
  };
}

export type TDuty = { onDuty: TNightShift | null; next: TNightShift | null };

/** Who is on duty at `now`, and whose shift starts next (pure). */
function dutyAt(nights: TNight[], now: Date): TDuty {
  const all = nights.flatMap((n) => n.shifts).sort((a, b) => a.start.localeCompare(b.start));
  const t = now.toISOString();
  const onDuty = all.find((s) => s.start <= t && t < s.end) ?? null;
  const next =
    all.find((s) => s.start > t && (!onDuty || s.caregiverId !== onDuty.caregiverId || s.start > onDuty.end)) ?? null;
  return { onDuty, next };
}

/** Tonight (in progress or next) and the six nights after it. */
export const getTonight = householdQuery(z.object({ householdId: ZId }), {}, async ({ me, household: h, now }) => {
  const tonight = currentOrNextNight(now, h.timeZone, h.nightStart, h.nightEnd);
  const view = await readNights(me, h, tonight.date, 7);
  return { ...view, tonight: view.nights[0]!, duty: dutyAt(view.nights, now) };
});
