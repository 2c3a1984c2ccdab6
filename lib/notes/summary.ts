import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { householdAction, householdQuery } from "@/lib/context";
import { ZId } from "@/lib/validation";
import { nightWindow } from "@/lib/nights/night-window";
import { nightOf } from "@/lib/log/night-of";
import { nightLogFor, type TWakingView } from "@/lib/log/read-log";
import { readDayPlan, type TDayPlan } from "@/lib/connect/today";
import { notesAroundNight, noteView, SOMEONE_WHO_LEFT, type TNoteView } from "@/lib/notes/read-notes";
import { localDateOf, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";

// "While you were asleep": built from what was logged, never typed. Shown in
// the day after a night the caregiver was (wholly or partly) off duty, from
// the night's end until the next night starts or they put it away.

export type TSummaryPerson = { id: string; name: string };
export type TMorningSummary = {
  night: TLocalDate;
  /** The viewer ("you got up"). */
  meId: string;
  start: string;
  end: string;
  timeZone: string;
  /** Today's date (the day after the night), for the plan. */
  today: TLocalDate;
  shifts: { caregiverId: string; name: string; start: string; end: string; isMe: boolean }[];
  wakings: TWakingView[];
  tapOuts: {
    id: string;
    requesterName: string;
    requestedAt: string;
    answer: "coming" | "cant" | null;
    answeredByName: string | null;
  }[];
  swaps: { id: string; fromName: string; toName: string; start: string; end: string }[];
  notes: TNoteView[];
  plan: TDayPlan | null;
  /** Who carried (part of) the night, to thank; `thanked` once sent. */
  thank: (TSummaryPerson & { thanked: boolean })[];
};

const ZHouseholdRef = z.object({ householdId: ZId });

/** Milliseconds of [start, end) covered by the given stretches (which may overlap). */
export function coveredMs(stretches: { start: Date; end: Date }[], start: Date, end: Date): number {
  const parts = stretches
    .map((s) => ({ a: Math.max(s.start.getTime(), start.getTime()), b: Math.min(s.end.getTime(), end.getTime()) }))
    .filter((p) => p.b > p.a)
    .sort((x, y) => x.a - y.a);
  let total = 0;
  let cursor = start.getTime();
  for (const p of parts) {
    const a = Math.max(p.a, cursor);
    if (p.b > a) {
      total += p.b - a;
      cursor = p.b;
    }
  }
  return total;
}

/**
 * The card for `now`, or null when there is none to show: during a night,
 * after the caregiver put it away, when they had the whole night themselves,
 * or when nobody else did anything that night. A fixed number of queries:
 * none during the night, one to decide, the log, notes and plan to build it, whatever the history.
 */
export const getMorningSummary = householdQuery(
  ZHouseholdRef,
  {},
  async ({ me, household: h, now }): Promise<TMorningSummary | null> => {
    const night = nightOf(now, h.timeZone, h.nightStart, h.nightEnd);
    const w = nightWindow(night, h.timeZone, h.nightStart, h.nightEnd);
    if (now < w.end) return null; // still the night: nothing to read
    // One statement (relation joins) for what the card is decided and built from: the household's
    // people (names, my summarySeenAt), the night's shifts, tap-outs and accepted swaps, and my thanks.
    const nightDate = toDbDate(night);
    const rows = await db.household.findUnique({
      relationLoadStrategy: "join",
      where: { id: me.householdId },
      select: {
        caregivers: { select: { id: true, summarySeenAt: true, ...CAREGIVER_NAME_SELECT } },
        shifts: {
          where: { nightDate },
          orderBy: { startsAt: "asc" },
          select: { caregiverId: true, startsAt: true, endsAt: true },
        },
        // requestedAt bounds the indexed range; nightDate picks the night.
        tapOuts: {
          where: { nightDate, requestedAt: { gte: new Date(w.start.getTime() - DAY_MS), lt: now } },
          orderBy: { requestedAt: "asc" },
          select: { id: true, requesterId: true, requestedAt: true, answer: true, answeredById: true },
        },
        swaps: {
          where: { status: "accepted", nightDate },
          orderBy: { startsAt: "asc" },
          select: { id: true, fromId: true, toId: true, startsAt: true, endsAt: true },
        },
        appreciations: { where: { fromId: me.caregiverId, nightDate }, select: { toId: true } },
      },
    });
    if (!rows) return null;
    const people = rows.caregivers.map((c) => ({ id: c.id, name: caregiverName(c), summary_seen_at: c.summarySeenAt }));
    const { shifts, tapOuts, swaps, appreciations: sent } = rows;
    const mine = people.find((c) => c.id === me.caregiverId);
    if (mine?.summary_seen_at && mine.summary_seen_at >= w.end) return null;
    const nameOf = (id: string | null) => people.find((c) => c.id === id)?.name ?? SOMEONE_WHO_LEFT;

    const myStretch = shifts
      .filter((s) => s.caregiverId === me.caregiverId)
      .map((s) => ({ start: s.startsAt, end: s.endsAt }));
    const length = w.end.getTime() - w.start.getTime();
    if (coveredMs(myStretch, w.start, w.end) >= length) return null; // their own whole night: they know

    const today = localDateOf(now, h.timeZone); // not night + 1: a night may start after midnight
    const [log, noteRows, plan] = await Promise.all([
      nightLogFor(me, h, now),
      // The night's handoff notes, and notes others wrote while it ran (one read with the handoff card's).
      notesAroundNight(me, night, w),
      // Today's plan: the same read as Tonight's Connect card (once per render).
      readDayPlan(me, today),
    ]);

    const wakings = log.night === night ? log.wakings : (log.recent.find((r) => r.night === night)?.wakings ?? []);
    const notes = noteRows
      .filter(
        (n) =>
          (n.kind === "handoff" && n.night_date?.getTime() === nightDate.getTime()) ||
          (n.created_at >= w.start && n.created_at < w.end && n.author_id !== me.caregiverId),
      )
      .slice(0, 50)
      .map((n) => noteView(n, me));
    const others = new Set<string>();
    for (const s of shifts) if (s.caregiverId !== me.caregiverId) others.add(s.caregiverId);
    for (const wk of wakings) if (wk.responderId !== me.caregiverId) others.add(wk.responderId);
    const byOthers = notes.some((n) => !n.mine);
    if (!others.size && !byOthers) return null; // nothing happened that someone else carried
    const thankedIds = new Set(sent.map((s) => s.toId));

    return {
      night,
      meId: me.caregiverId,
      start: w.start.toISOString(),
      end: w.end.toISOString(),
      timeZone: h.timeZone,
      today,
      shifts: shifts.map((s) => ({
        caregiverId: s.caregiverId,
        name: nameOf(s.caregiverId),
        start: s.startsAt.toISOString(),
        end: s.endsAt.toISOString(),
        isMe: s.caregiverId === me.caregiverId,
      })),
      wakings,
      tapOuts: tapOuts.map((t) => ({
        id: t.id,
        requesterName: nameOf(t.requesterId),
        requestedAt: t.requestedAt.toISOString(),
        answer: t.answer,
        answeredByName: t.answeredById ? nameOf(t.answeredById) : null,
      })),
      swaps: swaps.map((s) => ({
        id: s.id,
        fromName: nameOf(s.fromId),
        toName: nameOf(s.toId),
        start: s.startsAt.toISOString(),
        end: s.endsAt.toISOString(),
      })),
      notes,
      plan,
      thank: [...others]
        .filter((id) => people.some((c) => c.id === id))
        .map((id) => ({ id, name: nameOf(id), thanked: thankedIds.has(id) })),
    };
  },
);

/** "Put it away": the card stays away until after the next night. */
export const dismissSummary = householdAction(ZHouseholdRef, {}, async ({ me, now }): Promise<void> => {
  await db.caregiver.updateMany({
    where: { id: me.caregiverId, householdId: me.householdId },
    data: { summarySeenAt: now },
  });
});

const DAY_MS = 86_400_000;
