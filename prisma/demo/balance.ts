// Demo for Balance: morning check-ins for every past day (Sam shares them,
// Alex mostly keeps them private), and the last week's wakings mostly Sam's
// (Robin is breastfed and Sam has been getting up), so a newcomer sees the
// share warning, the charts and the check-in trend at once; Sam's last
// three mornings were very sleepy, so Sam also sees the rest suggestion.
// Deterministic and quick (createMany), relative to today; scales with the
// nights of history the demo plans (ATTUNE_DEMO_HISTORY_NIGHTS).
import { getDb } from "../../lib/db.ts";
import { currentOrNextNight } from "../../lib/nights/night-window.ts";
import { addDays, localDateOf, toDbDate } from "../../lib/time/local-date.ts";
import { MOODS } from "../../lib/balance/check-in-words.ts";
import { demoWords } from "./words.ts";

export async function seedBalanceDemo(samEmail: string, pastNights: number): Promise<void> {
  const db = getDb();
  // What Sam and Alex wrote, in the demo's language (prisma/demo/words.ts).
  const { t, list } = demoWords();
  const NOTES = list("balance.notes");
  const h = await db.household.findFirstOrThrow({
    where: { caregivers: { some: { user: { email: samEmail } } } },
    select: {
      id: true,
      timeZone: true,
      nightStart: true,
      nightEnd: true,
      caregivers: { orderBy: { joinedAt: "asc" }, select: { id: true } },
    },
  });
  const householdId = h.id;
  const [sam, alex] = h.caregivers;
  if (!sam || !alex) return;
  const now = new Date();
  const today = localDateOf(now, h.timeZone);
  const tonight = currentOrNextNight(now, h.timeZone, h.nightStart, h.nightEnd).date;

  // The last 7 nights: Sam got up for most wakings.
  const recent = await db.waking.findMany({
    where: { householdId, nightDate: { gte: toDbDate(addDays(tonight, -7)) } },
    orderBy: { startedAt: "asc" },
    select: { id: true },
  });
  const toSam = recent.filter((_, i) => i % 6 !== 5).map((w) => w.id);
  await db.waking.updateMany({ where: { id: { in: toSam } }, data: { responderId: sam.id, helped: ["breast"] } });

  let seed = 3;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const rows = [];
  for (let i = pastNights - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    // Sam: tired lately (7, 8, 7 these three mornings), always shared.
    const samSleepy = i < 3 ? [7, 8, 7][2 - i]! : 3 + Math.floor(rand() * 4);
    if (i < 3 || rand() < 0.8) {
      rows.push({
        householdId,
        caregiverId: sam.id,
        date: toDbDate(date),
        sleepiness: samSleepy,
        mood: i < 3 ? ("flat" as const) : MOODS[1 + Math.floor(rand() * 4)]!,
        note: i === 0 ? t("balance.roughNights") : rand() < 0.2 ? NOTES[Math.floor(rand() * NOTES.length)]! : null,
        shared: true,
      });
    }
    // Alex: most mornings, private; now and then shared.
    if (i > 0 && rand() < 0.7) {
      rows.push({
        householdId,
        caregiverId: alex.id,
        date: toDbDate(date),
        sleepiness: 2 + Math.floor(rand() * 5),
        mood: MOODS[Math.floor(rand() * 5)]!,
        note: rand() < 0.2 ? t("balance.worried") : null,
        shared: rand() < 0.3,
      });
    }
  }
  await db.checkIn.createMany({ data: rows });
}
