import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { TActor } from "@/lib/auth/actor";
import { requireMember } from "@/lib/household/guard";
import { nightOf } from "@/lib/log/night-of";
import { addDays, type TLocalDate } from "@/lib/time/local-date";

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

const TAPOUT_SHOWN_MS = 60 * 60_000;

/**
 * Everything the night screens show: open wakings, this night's log, tap-outs
 * of the last hour, pending swaps, and the six nights before: six queries,
 * whatever the history.
 */
export const getNightLog = cache(readNightLog);

/**
 * getNightLog without the per-render memo. Tonight's page and its morning
 * summary both show the log; in one render (same actor, household and the
 * render's `now` from requestNow) it is read once.
 */
async function readNightLog(actor: TActor | null, householdId: unknown, now = new Date()): Promise<TNightLog> {
  const me = await requireMember(actor, householdId);
  const h = await db.household.findUniqueOrThrow({
    where: { id: me.householdId },
    select: {
      timeZone: true,
      nightStart: true,
      nightEnd: true,
      babies: { orderBy: { birthDate: "asc" }, select: { id: true, name: true } },
    },
  });
  const night = nightOf(now, h.timeZone, h.nightStart, h.nightEnd);
  const since = addDays(night, -7);
  const [wakings, tapOuts, swaps] = await Promise.all([
    db.waking.findMany({
      where: {
        householdId: me.householdId,
        OR: [{ nightDate: { gte: new Date(`${since}T00:00:00Z`) } }, { endedAt: null }],
      },
      orderBy: { startedAt: "desc" },
      take: 500,
      select: {
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
        responder: { select: { user: { select: { name: true } } } },
      },
    }),
    db.tapOut.findMany({
      where: { householdId: me.householdId, requestedAt: { gt: new Date(now.getTime() - TAPOUT_SHOWN_MS) } },
      orderBy: { requestedAt: "desc" },
      select: {
        id: true,
        requesterId: true,
        requestedAt: true,
        answer: true,
        answeredAt: true,
        requester: { select: { user: { select: { name: true } } } },
      },
    }),
    db.swap.findMany({
      where: { householdId: me.householdId, status: "pending", endsAt: { gt: now } },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        shiftId: true,
        fromId: true,
        toId: true,
        requestedById: true,
        startsAt: true,
        endsAt: true,
        nightDate: true,
        message: true,
        from: { select: { user: { select: { name: true } } } },
        to: { select: { user: { select: { name: true } } } },
      },
    }),
  ]);
  const views: TWakingView[] = wakings.map((w) => ({
    id: w.id,
    babyId: w.babyId,
    babyName: w.baby.name,
    responderId: w.responderId,
    responderName: w.responder.user.name,
    cryingAt: w.cryingAt?.toISOString() ?? null,
    startedAt: w.startedAt.toISOString(),
    endedAt: w.endedAt?.toISOString() ?? null,
    helped: w.helped,
    note: w.note,
    version: w.version,
    night: w.nightDate.toISOString().slice(0, 10),
  }));
  return {
    night,
    babies: h.babies,
    open: views.filter((w) => !w.endedAt),
    wakings: views.filter((w) => w.night === night).reverse(),
    tapOuts: tapOuts.map((t) => ({
      id: t.id,
      requesterId: t.requesterId,
      requesterName: t.requester.user.name,
      requestedAt: t.requestedAt.toISOString(),
      answer: t.answer,
      answeredAt: t.answeredAt?.toISOString() ?? null,
    })),
    swaps: swaps.map((s) => ({
      id: s.id,
      shiftId: s.shiftId,
      fromId: s.fromId,
      fromName: s.from.user.name,
      toId: s.toId,
      toName: s.to.user.name,
      requestedById: s.requestedById,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      night: s.nightDate.toISOString().slice(0, 10),
      message: s.message,
    })),
    recent: Array.from({ length: 7 }, (_, i) => addDays(night, -1 - i)).map((n) => ({
      night: n,
      wakings: views.filter((w) => w.night === n).reverse(),
    })),
  };
}
