// Demo for Connect: a shared plan a newcomer recognises at once. Skin-to-skin
// every morning, stories before bed on chosen days, a weekend walk in the
// carrier, play every other day, the household's own "Bath time together",
// one-offs around today, and check-offs by Sam and Alex on most past days
// (a few skipped, with a reason, and some "how it went" lines). Today the
// morning moment is done and the rest waits. With more history
// (ATTUNE_DEMO_HISTORY_NIGHTS=1095 for the bench) come ~50 older recurring
// items that ran for a few months each, with years of check-offs.
// Deterministic, relative to today, and quick (a few createMany calls).
import { randomUUID } from "node:crypto";
import { getDb } from "../../lib/db.ts";
import { BUILTINS } from "../../lib/connect/library.ts";
import { occursOn, type TRule } from "../../lib/connect/recurrence.ts";
import { instantAt } from "../../lib/time/local-time.ts";
import { addDays, datesBetween, localDateOf, toDbDate } from "../../lib/time/local-date.ts";
import { demoWords } from "./words.ts";

const PART_MINUTES = { morning: 9 * 60 + 30, afternoon: 15 * 60, evening: 18 * 60 + 40, any: 11 * 60 } as const;

type TPart = keyof typeof PART_MINUTES;
type TItem = TRule & {
  id: string;
  activityId: string;
  partOfDay: TPart;
  assigneeId: string | null;
  note: string | null;
  origin: string | null;
};

export async function seedConnectDemo(samEmail: string, pastNights: number): Promise<void> {
  const db = getDb();
  // What Sam and Alex wrote, in the demo's language (prisma/demo/words.ts).
  const { t, list } = demoWords();
  const HOW = list("connect.how");
  const SKIP = list("connect.skip");
  const h = await db.household.findFirstOrThrow({
    where: { caregivers: { some: { user: { email: samEmail } } } },
    select: { id: true, timeZone: true, caregivers: { orderBy: { joinedAt: "asc" }, select: { id: true } } },
  });
  const [sam, alex] = h.caregivers;
  if (!sam || !alex) return;
  const householdId = h.id;
  const now = new Date();
  const today = localDateOf(now, h.timeZone);
  const history = Math.max(21, pastNights);

  await db.activity.createMany({
    data: BUILTINS.map((b) => ({ householdId, builtinKey: b.key, suits: b.suits })),
    skipDuplicates: true,
  });
  const bath = randomUUID();
  await db.activity.createMany({
    data: [
      {
        id: bath,
        householdId,
        name: t("connect.bath.name"),
        why: t("connect.bath.why"),
        minutes: 25,
        suits: ["before-bed"],
        createdById: sam.id,
      },
      {
        householdId,
        name: t("connect.duckPond.name"),
        why: t("connect.duckPond.why"),
        minutes: 40,
        suits: ["any"],
        createdById: alex.id,
        archivedAt: now,
      },
    ],
  });
  const acts = new Map(
    (
      await db.activity.findMany({
        where: { householdId, builtinKey: { not: null } },
        select: { id: true, builtinKey: true },
      })
    ).map((a) => [a.builtinKey!, a.id]),
  );
  const act = (key: string) => acts.get(key)!;

  const item = (x: Partial<TItem> & Pick<TItem, "activityId" | "startDate" | "recurrence">): TItem => ({
    id: randomUUID(),
    untilDate: x.recurrence === "once" ? x.startDate : null,
    weekdays: [],
    intervalDays: null,
    partOfDay: "any",
    assigneeId: null,
    note: null,
    origin: null,
    ...x,
  });
  const start = addDays(today, -20);
  const items: TItem[] = [
    item({
      activityId: act("skin-to-skin"),
      startDate: start,
      recurrence: "daily",
      partOfDay: "morning",
      note: t("connect.itemNotes.skinToSkin"),
    }),
    item({
      activityId: act("sing-read"),
      startDate: start,
      recurrence: "days",
      weekdays: [1, 3, 5],
      partOfDay: "evening",
      assigneeId: sam.id,
    }),
    item({
      activityId: bath,
      startDate: start,
      recurrence: "days",
      weekdays: [2, 4, 7],
      partOfDay: "evening",
      assigneeId: alex.id,
    }),
    item({
      activityId: act("babywearing-walk"),
      startDate: addDays(today, -14),
      recurrence: "days",
      weekdays: [6, 7],
      partOfDay: "afternoon",
    }),
    item({
      activityId: act("play"),
      startDate: addDays(today, -13),
      recurrence: "every_n",
      intervalDays: 2,
      partOfDay: "afternoon",
      assigneeId: alex.id,
    }),
    item({
      activityId: act("narrate"),
      startDate: addDays(today, -20),
      untilDate: addDays(today, -8),
      recurrence: "weekdays",
      assigneeId: sam.id,
    }),
    item({
      activityId: act("face-to-face"),
      startDate: today,
      recurrence: "once",
      partOfDay: "afternoon",
      assigneeId: sam.id,
    }),
    item({
      activityId: act("holding"),
      startDate: addDays(today, 1),
      recurrence: "once",
      partOfDay: "morning",
      assigneeId: alex.id,
      note: t("connect.itemNotes.holding"),
    }),
    item({ activityId: act("narrate"), startDate: addDays(today, 2), recurrence: "once", partOfDay: "morning" }),
    item({
      activityId: act("repair"),
      startDate: addDays(today, -5),
      recurrence: "once",
      origin: "after-hard-night",
      note: t("connect.itemNotes.repair"),
    }),
    item({
      activityId: act("take-the-morning"),
      startDate: addDays(today, -5),
      recurrence: "once",
      partOfDay: "morning",
      assigneeId: alex.id,
      origin: "after-hard-night",
      note: t("connect.itemNotes.takeTheMorning"),
    }),
  ];
  // Older history for bigger demos: one recurring item starting every 22 days, each running 2–3 months.
  const keys = BUILTINS.map((b) => b.key).filter((k) => k !== "take-the-morning");
  const recurrences = ["daily", "weekdays", "days", "every_n"] as const;
  for (let k = 0, d = addDays(today, -history); d < addDays(today, -80); k++, d = addDays(d, 22)) {
    const recurrence = recurrences[k % 4]!;
    items.push(
      item({
        activityId: act(keys[k % keys.length]!),
        startDate: d,
        untilDate: addDays(d, 60 + (k % 3) * 15),
        recurrence,
        weekdays:
          recurrence === "days"
            ? [
                [1, 4],
                [2, 5, 7],
                [6, 7],
              ][k % 3]!
            : [],
        intervalDays: recurrence === "every_n" ? 2 + (k % 3) : null,
        partOfDay: (["morning", "afternoon", "evening", "any"] as const)[k % 4],
        assigneeId: [sam.id, alex.id, null][k % 3]!,
      }),
    );
  }
  await db.planItem.createMany({
    data: items.map((i) => ({
      id: i.id,
      householdId,
      activityId: i.activityId,
      startDate: toDbDate(i.startDate),
      untilDate: i.untilDate ? toDbDate(i.untilDate) : null,
      recurrence: i.recurrence,
      weekdays: i.weekdays,
      intervalDays: i.intervalDays,
      partOfDay: i.partOfDay,
      assigneeId: i.assigneeId,
      note: i.note,
      origin: i.origin,
      createdById: i.assigneeId ?? sam.id,
      createdAt: instantAt(i.startDate, 8 * 60, h.timeZone),
    })),
  });
  await db.planSuggestion.createMany({
    data: ["repair", "rest"].map((kind) => ({
      householdId,
      date: toDbDate(addDays(today, -5)),
      kind,
      decision: "accepted",
      byId: alex.id,
    })),
  });

  // Check-offs: most past occurrences done (by the one it was for, or either), a few skipped; today only the morning.
  let seed = 11;
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const checks = [];
  for (const i of items) {
    const last = i.untilDate && i.untilDate < today ? i.untilDate : today;
    for (const d of datesBetween(i.startDate, last)) {
      if (!occursOn(i, d)) continue;
      if (d === today && i.partOfDay !== "morning") continue;
      const r = rand();
      if (r < 0.14) continue; // left open: life happens, nothing is said about it
      const by = i.assigneeId ?? (rand() < 0.5 ? sam.id : alex.id);
      const at = new Date(
        instantAt(d, PART_MINUTES[i.partOfDay], h.timeZone).getTime() + Math.floor(rand() * 40) * 60_000,
      );
      if (at > now) continue;
      const skipped = r > 0.93;
      checks.push({
        householdId,
        planItemId: i.id,
        date: toDbDate(d),
        status: skipped ? ("skipped" as const) : ("done" as const),
        byId: by,
        at,
        note: skipped
          ? SKIP[Math.floor(rand() * SKIP.length)]!
          : rand() < 0.12
            ? HOW[Math.floor(rand() * HOW.length)]!
            : null,
      });
    }
  }
  for (let k = 0; k < checks.length; k += 5000)
    await db.checkOff.createMany({ data: checks.slice(k, k + 5000), skipDuplicates: true });
}
