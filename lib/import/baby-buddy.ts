import { z } from "zod";
import { nightWindow, type TNightWindow } from "@/lib/nights/night-window";
import { addDays, localDateOf, type TLocalDate } from "@/lib/time/local-date";
import { ZLocalDate } from "@/lib/time/schemas";
import { ZKeptText, ZName } from "@/lib/validation";
import { msg } from "@/lib/i18n/text";

// Baby Buddy (github.com/babybuddy/babybuddy) logs sleep, not wakings: its REST
// API's `/api/sleep/` lists `{ id, child, start, end, duration, nap, notes, tags }`
// and `/api/children/` `{ id, first_name, last_name, birth_date, slug, picture }`.
// A family that used it brings one file: `{ "children": <the children answer>,
// "sleep": <the sleep answer> }` (docs/import.md). What maps: children → babies,
// and the gaps between night sleeps (naps skipped) → wakings. Nothing else does.

const MAX_ROWS = 200_000;
const ZPage = <T extends z.ZodType>(row: T) =>
  z.object({ results: z.array(row).max(MAX_ROWS, msg("onboarding.import.errors.tooManyRows", { max: MAX_ROWS })) });

const ZChild = z.object({
  id: z.number().int().positive(),
  first_name: ZName(msg("onboarding.import.what.childFirstName"), 60),
  last_name: ZKeptText(msg("onboarding.import.what.childLastName"), 60).nullable().optional(),
  birth_date: ZLocalDate,
});

const ZSleep = z
  .object({
    id: z.number().int().positive(),
    child: z.number().int().positive(),
    start: z.iso.datetime({
      offset: true,
      error: msg("onboarding.import.errors.expectedTime", { example: "2026-11-01T19:00:00+01:00" }),
    }),
    end: z.iso.datetime({
      offset: true,
      error: msg("onboarding.import.errors.expectedTime", { example: "2026-11-02T06:30:00+01:00" }),
    }),
    nap: z.boolean().nullable().optional(),
    notes: ZKeptText(msg("onboarding.import.what.notes"), 10_000).nullable().optional(),
  })
  .refine((s) => Date.parse(s.end) > Date.parse(s.start), {
    path: ["end"],
    message: msg("onboarding.import.errors.endsBeforeStart"),
  });

export const ZBabyBuddyFile = z
  .object({
    children: ZPage(ZChild).shape.results.min(1, msg("onboarding.import.errors.noChild")),
    sleep: z.array(ZSleep),
  })
  .superRefine((f, ctx) => {
    const known = new Set(f.children.map((c) => c.id));
    f.sleep.forEach((s, i) => {
      if (!known.has(s.child))
        ctx.addIssue({
          code: "custom",
          path: ["sleep", i, "child"],
          message: msg("onboarding.import.errors.unknownChild"),
        });
    });
  });

/** The file as a person saves it: the two API answers, each `{ count, next, previous, results }`. */
export const ZBabyBuddyUpload = z
  .object({ children: ZPage(ZChild), sleep: ZPage(ZSleep) })
  .transform((u) => ({ children: u.children.results, sleep: u.sleep.results }))
  .pipe(ZBabyBuddyFile);

export type TBabyBuddyFile = z.infer<typeof ZBabyBuddyFile>;

/** A waking derived from two night sleeps: the baby was awake from one's end to the next's start. */
export type TDerivedWaking = { childId: number; night: TLocalDate; startedAt: Date; endedAt: Date };

type TWindow = { timeZone: string; nightStart: number; nightEnd: number };

/** The night whose window a sleep overlaps (bedtime at 18:45 still belongs to the 19:00 night), or null: a daytime sleep. */
function nightOfSleep(start: Date, end: Date, w: TWindow): TNightWindow | null {
  const date = localDateOf(start, w.timeZone);
  for (const d of [addDays(date, -1), date]) {
    const n = nightWindow(d, w.timeZone, w.nightStart, w.nightEnd);
    if (start < n.end && end > n.start) return n;
  }
  return null;
}

/**
 * The wakings a night's sleeps imply. Naps are skipped. A sleep belongs to the
 * night whose window it overlaps (sleeps wholly outside every night window are
 * daytime and skipped too). Within one night, per child, sorted by start, each
 * gap between one sleep's end and the next one's start is a waking; the gap
 * must lie inside that night's window (a gap that reaches into the day is the
 * morning, not a waking). Overlapping sleeps (logged twice) leave no gap.
 */
export function wakingsFromSleep(file: TBabyBuddyFile, w: TWindow): TDerivedWaking[] {
  const nights = new Map<
    string,
    { childId: number; night: TLocalDate; start: Date; end: Date; sleeps: { start: Date; end: Date }[] }
  >();
  for (const s of file.sleep) {
    if (s.nap) continue;
    const start = new Date(s.start);
    const night = nightOfSleep(start, new Date(s.end), w);
    if (!night) continue;
    const key = `${s.child}:${night.date}`;
    const entry = nights.get(key) ?? {
      childId: s.child,
      night: night.date,
      start: night.start,
      end: night.end,
      sleeps: [],
    };
    entry.sleeps.push({ start, end: new Date(s.end) });
    nights.set(key, entry);
  }
  const out: TDerivedWaking[] = [];
  for (const n of nights.values()) {
    n.sleeps.sort((a, b) => a.start.getTime() - b.start.getTime());
    let awakeFrom = n.sleeps[0]!.end;
    for (const s of n.sleeps.slice(1)) {
      if (s.start > awakeFrom && awakeFrom >= n.start && s.start <= n.end)
        out.push({ childId: n.childId, night: n.night, startedAt: awakeFrom, endedAt: s.start });
      if (s.end > awakeFrom) awakeFrom = s.end;
    }
  }
  return out.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || a.childId - b.childId);
}
