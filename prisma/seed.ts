// Demo data so a newcomer has something to look at: one household, two
// parents and a baby. Runs once (skipped when the demo account exists).
// `npm run seed` runs it against DATABASE_URL; the launcher calls it too.
import { getDb } from "../lib/db.ts";
import { hashPassword } from "../lib/auth/password.ts";
import { currentOrNextNight } from "../lib/nights/night-window.ts";
import { proposeRota } from "../lib/nights/rota.ts";
import { seedNotes } from "./demo/notes.ts";
import { seedBalanceDemo } from "./demo/balance.ts";
import { seedConnectDemo } from "./demo/connect.ts";
import { demoWords } from "./demo/words.ts";
import { addDays } from "../lib/time/local-date.ts";
import { instantAt } from "../lib/time/local-time.ts";

export const DEMO_PASSWORD = "night-owls-unite";
export const DEMO_USERS = [
  { email: "sam@example.com", name: "Sam" },
  { email: "alex@example.com", name: "Alex" },
] as const;

function daysAgo(n: number): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() - n);
  return d;
}

export async function seedDemo(): Promise<{ created: boolean }> {
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: DEMO_USERS[0].email }, select: { id: true } });
  if (existing) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const [sam, alex] = await Promise.all(
      DEMO_USERS.map((u) => tx.user.create({ data: { ...u, passwordHash }, select: { id: true } })),
    );
    await tx.household.create({
      data: {
        name: "Sam & Alex",
        timeZone: DEMO_TZ,
        // The demo's language (ATTUNE_DEMO_LOCALE) sets the household's clock and week too.
        locale: demoWords().locale,
        nightStart: 19 * 60,
        nightEnd: 7 * 60,
        caregivers: {
          create: [
            { userId: sam!.id, role: "parent", joinedAt: daysAgo(120) },
            { userId: alex!.id, role: "parent", joinedAt: daysAgo(119) },
          ],
        },
        babies: { create: [{ name: "Robin", birthDate: daysAgo(112) }] },
        rotaTemplate: { kind: "alternate" },
      },
    });
  });
  await seedNights(Number(process.env.ATTUNE_DEMO_HISTORY_NIGHTS ?? 21));
  await seedNotes(Number(process.env.ATTUNE_DEMO_HISTORY_NIGHTS ?? 21));
  await seedBalanceDemo(DEMO_USERS[0].email, Number(process.env.ATTUNE_DEMO_HISTORY_NIGHTS ?? 21));
  await seedConnectDemo(DEMO_USERS[0].email, Number(process.env.ATTUNE_DEMO_HISTORY_NIGHTS ?? 21));
  return { created: true };
}

const DEMO_TZ = "Europe/London";
const HELPED = [
  ["breast"],
  ["breast", "hold"],
  ["bottle"],
  ["rock"],
  ["hold", "white-noise"],
  ["diaper", "breast"],
  ["skin-to-skin"],
];

/**
 * Nights for the demo household: `pastNights` of history and two weeks ahead,
 * planned by the real rota (taking turns), with a few things people did by
 * hand: a split night, a swapped night, and Alex away for two nights next week.
 */
async function seedNights(pastNights: number) {
  const db = getDb();
  const h = await db.household.findFirstOrThrow({
    where: { name: "Sam & Alex", caregivers: { some: { user: { email: DEMO_USERS[0].email } } } },
    select: {
      id: true,
      nightStart: true,
      nightEnd: true,
      caregivers: {
        orderBy: { joinedAt: "asc" },
        select: { id: true, userId: true, user: { select: { name: true } } },
      },
    },
  });
  const [sam, alex] = h.caregivers;
  const { t, clock } = demoWords();
  const tonight = currentOrNextNight(new Date(), DEMO_TZ, h.nightStart, h.nightEnd).date;
  const from = addDays(tonight, -pastNights);
  // The household has been around as long as its history (no night is listed from before it was made).
  await db.household.update({
    where: { id: h.id },
    data: { createdAt: instantAt(addDays(from, -1), 12 * 60, DEMO_TZ) },
  });
  const away = {
    caregiverId: alex!.id,
    start: instantAt(addDays(tonight, 5), 0, DEMO_TZ),
    end: instantAt(addDays(tonight, 7), 12 * 60, DEMO_TZ),
  };
  await db.unavailability.create({
    data: {
      householdId: h.id,
      caregiverId: away.caregiverId,
      startsAt: away.start,
      endsAt: away.end,
      note: t("nights.away"),
      createdById: alex!.userId!,
    },
  });
  const plan = proposeRota({
    timeZone: DEMO_TZ,
    nightStart: h.nightStart,
    nightEnd: h.nightEnd,
    from,
    nights: pastNights + 14,
    caregivers: h.caregivers.map((c) => ({ id: c.id, name: c.user!.name })),
    template: { kind: "alternate" },
    unavailability: [away],
    history: [],
    existing: [],
  });
  const rows = plan.shifts.map((s) => ({
    householdId: h.id,
    caregiverId: s.caregiverId,
    nightDate: new Date(`${s.date}T00:00:00Z`),
    startsAt: s.start,
    endsAt: s.end,
    source: "rota" as "rota" | "manual",
    reason: s.reason as string | null,
    createdById: sam!.userId,
    updatedById: sam!.userId,
  }));
  // Three nights ago the night was split at 01:00 by hand; yesterday the two swapped.
  const split = rows.find((r) => r.nightDate.toISOString().startsWith(addDays(tonight, -3)));
  if (split) {
    const at = instantAt(addDays(tonight, -2), 60, DEMO_TZ);
    const other = split.caregiverId === sam!.id ? alex! : sam!;
    rows.push({ ...split, caregiverId: other.id, startsAt: at, source: "manual", reason: null });
    Object.assign(split, { endsAt: at, source: "manual", reason: null });
  }
  const swapped = rows.find((r) => r.nightDate.toISOString().startsWith(addDays(tonight, -1)));
  if (swapped)
    Object.assign(swapped, {
      caregiverId: swapped.caregiverId === sam!.id ? alex!.id : sam!.id,
      source: "manual",
      reason: null,
    });
  await db.shift.createMany({ data: rows });
  await seedWakings(h.id, tonight, pastNights, rows);
  await db.nightEvent.createMany({
    data: [
      {
        householdId: h.id,
        nightDate: new Date(`${addDays(tonight, -3)}T00:00:00Z`),
        actorId: sam!.userId,
        kind: "shift_split",
        summary: t("nights.split", { name: sam!.user!.name, time: clock(60) }),
      },
      {
        householdId: h.id,
        nightDate: new Date(`${addDays(tonight, -1)}T00:00:00Z`),
        actorId: alex!.userId,
        kind: "shift_updated",
        summary: t("nights.took", { name: alex!.user!.name }),
      },
    ],
  });
}

export function demoSignInText(): string {
  return DEMO_USERS.map((u) => `    ${u.name.padEnd(5)} ${u.email}  password: ${DEMO_PASSWORD}`).join("\n");
}

/**
 * Two or three wakings a night for the past nights, mostly answered by whoever
 * was on duty (sometimes the other parent got up), a tap-out now and then, and
 * one swap waiting for an answer. Deterministic, so the demo looks the same.
 */
async function seedWakings(
  householdId: string,
  tonight: string,
  pastNights: number,
  shifts: { caregiverId: string; startsAt: Date; endsAt: Date; nightDate: Date }[],
) {
  const db = getDb();
  const baby = await db.baby.findFirstOrThrow({ where: { householdId }, select: { id: true } });
  const caregivers = await db.caregiver.findMany({
    where: { householdId },
    orderBy: { joinedAt: "asc" },
    select: { id: true },
  });
  const { t } = demoWords();
  const wakings = [];
  const tapOuts = [];
  let seed = 7;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let i = pastNights; i >= 1; i--) {
    const night = addDays(tonight, -i);
    const onNight = shifts.filter((s) => s.nightDate.toISOString().startsWith(night));
    if (!onNight.length) continue;
    const count = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < count; k++) {
      const startedAt = instantAt(addDays(night, 1), Math.floor(30 + k * 150 + rand() * 90), DEMO_TZ);
      const onDuty = onNight.find((s) => s.startsAt <= startedAt && startedAt < s.endsAt) ?? onNight[0]!;
      const responderId = rand() < 0.15 ? caregivers.find((c) => c.id !== onDuty.caregiverId)!.id : onDuty.caregiverId;
      const minutes = 8 + Math.floor(rand() * 35);
      wakings.push({
        householdId,
        babyId: baby.id,
        responderId,
        nightDate: new Date(`${night}T00:00:00Z`),
        cryingAt: new Date(startedAt.getTime() - Math.floor(1 + rand() * 5) * 60_000),
        startedAt,
        endedAt: new Date(startedAt.getTime() + minutes * 60_000),
        helped: HELPED[Math.floor(rand() * HELPED.length)]!,
        note: k === 0 && i === 2 ? t("nights.wakingNote") : null,
      });
      if (minutes > 38 && rand() < 0.5) {
        tapOuts.push({
          householdId,
          nightDate: new Date(`${night}T00:00:00Z`),
          requesterId: responderId,
          requestedAt: new Date(startedAt.getTime() + 20 * 60_000),
          answer: "coming" as const,
          answeredById: caregivers.find((c) => c.id !== responderId)!.id,
          answeredAt: new Date(startedAt.getTime() + 22 * 60_000),
        });
      }
    }
  }
  await db.waking.createMany({ data: wakings });
  await db.tapOut.createMany({ data: tapOuts });
  // Sam asks Alex to take the night after next.
  const later = await db.shift.findFirst({
    where: { householdId, nightDate: new Date(`${addDays(tonight, 2)}T00:00:00Z`) },
    orderBy: { startsAt: "asc" },
  });
  if (later) {
    const other = caregivers.find((c) => c.id !== later.caregiverId)!;
    await db.swap.create({
      data: {
        householdId,
        shiftId: later.id,
        shiftVersion: later.version,
        fromId: later.caregiverId,
        toId: other.id,
        startsAt: later.startsAt,
        endsAt: later.endsAt,
        nightDate: later.nightDate,
        requestedById: later.caregiverId,
        message: t("nights.swap"),
      },
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { created } = await seedDemo();
  console.log(created ? "Demo household created." : "Demo household already there.");
  console.log(demoSignInText());
  await getDb().$disconnect();
}
