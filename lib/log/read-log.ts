import "server-only";
import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TActor } from "@/lib/auth/actor";
import { householdQuery, type THouseholdClock, type TMe } from "@/lib/context";
import { ZId } from "@/lib/validation";
import { detailsOf } from "@/lib/household/details";
import { ZLocalDate } from "@/lib/time/schemas";
import { nightOf } from "@/lib/log/night-of";
import { addDays, fromDbDate, toDbDate, type TLocalDate } from "@/lib/time/local-date";
import { CAREGIVER_NAME_SELECT, caregiverName } from "@/lib/household/caregiver-name";

export type TWakingView = {
  id: string;
  babyId: string;
  babyName: string;
  responderId: string;
  responderName: string;
  cryingAt: string | null;
  startedAt: string;
  endedAt: string | null;
  helped: string[];
  note: string | null;
  version: number;
  night: TLocalDate;
};
export type TTapOutView = {
  id: string;
  requesterId: string;
  requesterName: string;
  requestedAt: string;
  answer: "coming" | "cant" | null;
  answeredAt: string | null;
};
export type TSwapView = {
  id: string;
  shiftId: string;
  fromId: string;
  fromName: string;
  toId: string;
  toName: string;
  requestedById: string;
  startsAt: string;
  endsAt: string;
  night: TLocalDate;
  message: string | null;
};
export type TNightLog = {
  night: TLocalDate;
  babies: { id: string; name: string }[];
  open: TWakingView[];
  wakings: TWakingView[];
  tapOuts: TTapOutView[];
  swaps: TSwapView[];
  recent: { night: TLocalDate; wakings: TWakingView[] }[];
};

/** What a waking view reads (one select for every waking list). */
const WAKING_SELECT = {
  id: true,
  babyId: true,
  responderId: true,
  cryingAt: true,
  startedAt: true,
  endedAt: true,
  helped: true,
  note: true,
  version: true,
  nightDate: true,
  baby: { select: { name: true } },
  responder: { select: CAREGIVER_NAME_SELECT },
} as const;

type TWakingRow = Prisma.WakingGetPayload<{ select: typeof WAKING_SELECT }>;

function wakingView(w: TWakingRow): TWakingView {
  return {
    id: w.id,
    babyId: w.babyId,
    babyName: w.baby.name,
    responderId: w.responderId,
    responderName: caregiverName(w.responder),
    cryingAt: w.cryingAt?.toISOString() ?? null,
    startedAt: w.startedAt.toISOString(),
    endedAt: w.endedAt?.toISOString() ?? null,
    helped: w.helped,
    note: w.note,
    version: w.version,
    night: fromDbDate(w.nightDate),
  };
}

/** What a swap view reads (the night log's and the pending swaps' one select). */
const SWAP_SELECT = {
  id: true,
  shiftId: true,
  fromId: true,
  toId: true,
  requestedById: true,
  startsAt: true,
  endsAt: true,
  nightDate: true,
  message: true,
  from: { select: CAREGIVER_NAME_SELECT },
  to: { select: CAREGIVER_NAME_SELECT },
} as const;

function swapView(s: Prisma.SwapGetPayload<{ select: typeof SWAP_SELECT }>): TSwapView {
  return {
    id: s.id,
    shiftId: s.shiftId,
    fromId: s.fromId,
    fromName: caregiverName(s.from),
    toId: s.toId,
    toName: caregiverName(s.to),
    requestedById: s.requestedById,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    night: fromDbDate(s.nightDate),
    message: s.message,
  };
}

/** The wakings of one night, oldest first (a night's page). Any member may read them. */
export const getNightWakings = householdQuery(
  z.object({ householdId: ZId, night: ZLocalDate }),
  {},
  async ({ me, data }): Promise<TWakingView[]> =>
    (
      await db.waking.findMany({
        where: { householdId: me.householdId, nightDate: toDbDate(data.night) },
        orderBy: { startedAt: "asc" },
        take: 200,
        select: WAKING_SELECT,
      })
    ).map(wakingView),
);

const TAPOUT_SHOWN_MS = 60 * 60_000;

/** What the Tonight screen keeps in React Query (logKeys.tonight): the part live events change. */
export type TTonightLog = Pick<TNightLog, "night" | "babies" | "open" | "wakings" | "tapOuts">;

export function tonightPart({ night, babies, open, wakings, tapOuts }: TNightLog): TTonightLog {
  return { night, babies, open, wakings, tapOuts };
}

export const ZNightLogQuery = z.object({ householdId: ZId });

const nightLogQuery = householdQuery(ZNightLogQuery, {}, ({ me, household, now }) => nightLogFor(me, household, now));

/**
 * Everything the night screens show: open wakings, this night's log, tap-outs
 * of the last hour, pending swaps, and the six nights before: one query
 * after the membership (and the cached details), whatever the history. Any member may read it.
 */
export function getNightLog(actor: TActor | null, input: { householdId: unknown }, now?: Date): Promise<TNightLog> {
  return nightLogQuery(actor, input, now);
}

/**
 * The night log for a member whose membership is already checked (a
 * householdQuery body). Tonight's page and its morning summary both show the
 * log: in one render (same household, the render's `now`) it is read once.
 */
export function nightLogFor(me: TMe, household: THouseholdClock, now: Date): Promise<TNightLog> {
  return readThisRender(me.householdId, household.timeZone, household.nightStart, household.nightEnd, now.getTime());
}

// React's cache compares arguments by identity: primitives, so two cards of one render share the read.
const readThisRender = cache(
  (householdId: string, timeZone: string, nightStart: number, nightEnd: number, at: number) =>
    readNightLog(householdId, { timeZone, nightStart, nightEnd }, new Date(at)),
);

async function readNightLog(
  householdId: string,
  h: Pick<THouseholdClock, "timeZone" | "nightStart" | "nightEnd">,
  now: Date,
): Promise<TNightLog> {
  const night = nightOf(now, h.timeZone, h.nightStart, h.nightEnd);
  const since = addDays(night, -7);
  const [babies, rows] = await Promise.all([
    // The babies (cached with the household's details), not a statement per render.
    detailsOf(householdId).then((d) => d.babies.map(({ id, name }) => ({ id, name }))),
    // Wakings, tap-outs and pending swaps in one statement (relation joins).
    db.household.findUnique({
      relationLoadStrategy: "join",
      where: { id: householdId },
      select: {
        wakings: {
          where: { OR: [{ nightDate: { gte: toDbDate(since) } }, { endedAt: null }] },
          orderBy: { startedAt: "desc" },
          take: 500,
          select: WAKING_SELECT,
        },
        tapOuts: {
          where: { requestedAt: { gt: new Date(now.getTime() - TAPOUT_SHOWN_MS) } },
          orderBy: { requestedAt: "desc" },
          select: {
            id: true,
            requesterId: true,
            requestedAt: true,
            answer: true,
            answeredAt: true,
            requester: { select: CAREGIVER_NAME_SELECT },
          },
        },
        swaps: {
          where: { status: "pending", endsAt: { gt: now } },
          orderBy: { startsAt: "asc" },
          select: SWAP_SELECT,
        },
      },
    }),
  ]);
  const wakings = rows?.wakings ?? [];
  const tapOuts = rows?.tapOuts ?? [];
  const swaps = rows?.swaps ?? [];
  const views = wakings.map(wakingView);
  return {
    night,
    babies,
    open: views.filter((w) => !w.endedAt),
    wakings: views.filter((w) => w.night === night).reverse(),
    tapOuts: tapOuts.map((t) => ({
      id: t.id,
      requesterId: t.requesterId,
      requesterName: caregiverName(t.requester),
      requestedAt: t.requestedAt.toISOString(),
      answer: t.answer,
      answeredAt: t.answeredAt?.toISOString() ?? null,
    })),
    swaps: swaps.map(swapView),
    recent: Array.from({ length: 7 }, (_, i) => addDays(night, -1 - i)).map((n) => ({
      night: n,
      wakings: views.filter((w) => w.night === n).reverse(),
    })),
  };
}

/** The pending swaps not yet over, soonest first (one query). */
async function readPendingSwaps(householdId: string, now: Date): Promise<TSwapView[]> {
  const swaps = await db.swap.findMany({
    where: { householdId, status: "pending", endsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: SWAP_SELECT,
  });
  return swaps.map(swapView);
}

/** The pending swaps (a night's page shows the one waiting on each shift). Any member may read them. */
export const getPendingSwaps = householdQuery(z.object({ householdId: ZId }), {}, ({ me, now }) =>
  readPendingSwaps(me.householdId, now),
);
