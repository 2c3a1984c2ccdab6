/**
 * The rota: proposes shifts for a range of nights, each with a short human
 * reason. Pure: no database, no clock; everything comes in as plain data.
 *
 * Local times across DST (docs/decisions/0007-local-times-across-dst.md):
 * every boundary is a local wall-clock time on the night's dates, resolved by
 * lib/time/local-time.ts. A time that does not exist (spring forward) moves
 * forward by the gap: 02:30 → 03:30. A time that exists twice (fall back)
 * takes its first occurrence, the earlier instant. So a 19:00–07:00 night
 * lasts what the clock says (11 or 13 hours in Europe/London) and a split at
 * 01:00 splits at the (first) local 01:00.
 *
 * Who takes a slot that the template leaves open (or whose usual caregiver is
 * unavailable), in this order:
 * 1. unavailability: anyone whose unavailability overlaps the slot is out;
 *    nobody left → the slot stays unfilled, with a reason;
 * 2. someone not yet on duty that night (a part kept by hand, the other half);
 * 3. the consecutive-nights limit: nobody gets more than `maxConsecutive`
 *    nights in a row unless everyone else is out. It is a limit, not a
 *    preference, so it is applied before the gap: otherwise a large gap in
 *    nights carried would hand one caregiver a long run of nights;
 * 4. the gap in nights carried (history + kept manual shifts + this run):
 *    fewest first;
 * 5. taking turns: whoever was on duty (in this role) longest ago; then the
 *    order of `caregivers`.
 * When everyone in the rota is needed every night (two caregivers and a split
 * template), 3 and 4 are skipped: they cannot change who is on duty, only who
 * takes which half, and that should simply rotate.
 *
 * The reason names each rule that changed the outcome: the rule is cited when
 * leaving it out would have picked someone else ("Sam was unavailable", "Alex
 * had carried 3 more nights"); when none did, the template's own words
 * ("Taking turns"). Reasons and input problems are message references
 * (lib/i18n/text.ts, keys under "nights.rota"): they are stored with the shift
 * and read in each reader's language.
 */
import { isValidTimeZone } from "@/lib/time/zone";
import { nightWindow, type TNightWindow } from "./night-window";
import {
  isInsideNight,
  templateCaregiverIds,
  templateSlots,
  templateTimes,
  type TSlot,
  type TSlotRole,
  type TTemplate,
} from "./rota-templates";
import { addDays, isRealDate, type TLocalDate } from "@/lib/time/local-date";
import { capitalise } from "@/lib/format";
import { isMsg, msg, parseMsg, type TTextValues } from "@/lib/i18n/text";
import { NAME_KEYS } from "./rota-templates";

export type { TTemplate, TWeekday, TWeeklyNight } from "./rota-templates";

const DEFAULT_MAX_CONSECUTIVE = 2;
const MAX_ROTA_NIGHTS = 3660;

export type TCaregiverRef = { id: string; name: string };
/** Instants; half-open [start, end). */
export type TUnavailability = { caregiverId: string; start: Date; end: Date };
/** Who was on duty (any part) on a night before the range. */
export type THistoryNight = { date: TLocalDate; caregiverIds: readonly string[] };
export type TExistingShift = { start: Date; end: Date; caregiverId: string; manual: boolean };

export type TRotaInput = {
  timeZone: string;
  /** Minutes after local midnight. */
  nightStart: number;
  nightEnd: number;
  /** The first night's local date, and how many nights. */
  from: TLocalDate;
  nights: number;
  /** In a stable order: the order breaks the last ties. */
  caregivers: readonly TCaregiverRef[];
  template: TTemplate;
  unavailability: readonly TUnavailability[];
  /** Nights before `from`: the fairness window (usually the last 30 nights). */
  history: readonly THistoryNight[];
  /** Shifts already in the range: manual ones are kept, generated ones replaced. */
  existing: readonly TExistingShift[];
  /** Default 2. */
  maxConsecutive?: number;
  /** Caregivers who take only the slots the template names for them (a helper on Fridays), never open ones. */
  fixedOnly?: readonly string[];
  /** A wall-clock time as the household's clock shows it, for reasons that name one; default 24 hours. */
  clock?: (minutes: number) => string;
};

export type TProposedShift = { date: TLocalDate; start: Date; end: Date; caregiverId: string; reason: string };
export type TKeptShift = { date: TLocalDate; start: Date; end: Date; caregiverId: string };
export type TUnfilled = { date: TLocalDate; start: Date; end: Date; reason: string };
export type TRotaResult = {
  shifts: TProposedShift[];
  /** Manual shifts left alone. */
  kept: TKeptShift[];
  /** Generated (non-manual) existing shifts overlapping the range, which the new plan replaces. */
  replaced: number;
  unfilled: TUnfilled[];
};

export class RotaInputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join(" "));
    this.name = "RotaInputError";
  }
}

const isMinutes = (n: number) => Number.isInteger(n) && n >= 0 && n < 24 * 60;
const isInstant = (d: unknown) => d instanceof Date && !Number.isNaN(d.getTime());

const P = (key: string, values?: TTextValues) => msg(`nights.rota.problem.${key}`, values);

/** What is wrong with an input, as sentences (references) for the person who set the rota up; empty when it is fine. */
export function validateRotaInput(input: TRotaInput): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(input.timeZone)) problems.push(P("timeZone", { zone: input.timeZone }));
  if (!isMinutes(input.nightStart) || !isMinutes(input.nightEnd)) problems.push(P("nightTimes"));
  if (!isRealDate(input.from)) problems.push(P("date", { date: input.from }));
  if (!Number.isInteger(input.nights) || input.nights < 0 || input.nights > MAX_ROTA_NIGHTS)
    problems.push(P("nights", { max: String(MAX_ROTA_NIGHTS) }));
  const max = input.maxConsecutive ?? DEFAULT_MAX_CONSECUTIVE;
  if (!Number.isInteger(max) || max < 1) problems.push(P("maxConsecutive"));
  const ids = new Set(input.caregivers.map((c) => c.id));
  if (ids.size !== input.caregivers.length) problems.push(P("listedTwice"));
  for (const id of templateCaregiverIds(input.template)) if (!ids.has(id)) problems.push(P("notInRota"));
  for (const { label, minutes } of templateTimes(input.template))
    if (!isMinutes(minutes) || !isInsideNight(minutes, input.nightStart, input.nightEnd))
      problems.push(P("timeInsideNight", { label }));
  for (const u of input.unavailability)
    if (!isInstant(u.start) || !isInstant(u.end) || u.end <= u.start) problems.push(P("unavailabilityOrder"));
  for (const s of input.existing)
    if (!isInstant(s.start) || !isInstant(s.end) || s.end <= s.start) problems.push(P("shiftOrder"));
  for (const h of input.history) if (!isRealDate(h.date)) problems.push(P("historyDate", { date: h.date }));
  return [...new Set(problems)];
}

/** The nights a rota covers, in order (with the DST rule of local-time.ts). */
function rotaNights(
  input: Pick<TRotaInput, "timeZone" | "nightStart" | "nightEnd" | "from" | "nights">,
): TNightWindow[] {
  return Array.from({ length: input.nights }, (_, i) =>
    nightWindow(addDays(input.from, i), input.timeZone, input.nightStart, input.nightEnd),
  );
}

/** From the first night's start to the last night's end: existing generated shifts overlapping it are the ones to replace. */
export function rotaSpan(
  input: Pick<TRotaInput, "timeZone" | "nightStart" | "nightEnd" | "from" | "nights">,
): { start: Date; end: Date } | null {
  const nights = rotaNights(input);
  const first = nights[0];
  const last = nights[nights.length - 1];
  return first && last ? { start: first.start, end: last.end } : null;
}

type TSpan = { start: number; end: number };

const overlaps = (a: TSpan, b: TSpan) => a.start < b.end && b.start < a.end;

/** `span` minus the (sorted, non-overlapping) `holes`. */
function subtract(span: TSpan, holes: TSpan[]): TSpan[] {
  const parts: TSpan[] = [];
  let cursor = span.start;
  for (const h of holes) {
    if (h.end <= cursor || h.start >= span.end) continue;
    if (h.start > cursor) parts.push({ start: cursor, end: h.start });
    cursor = Math.max(cursor, h.end);
  }
  if (cursor < span.end) parts.push({ start: cursor, end: span.end });
  return parts;
}

const R = (key: string, values?: TTextValues) => msg(`nights.rota.reason.${key}`, values);

/** What the rules know about one caregiver for one slot. */
type TCandidate = {
  id: string;
  name: string;
  order: number;
  available: boolean;
  onTonight: boolean;
  /** Nights in a row if they take this one (counting kept manual nights just after). */
  run: number;
  overLimit: boolean;
  carried: number;
  /** Last night in this role ("" = never): taking turns. */
  lastTurn: string;
};

type TRule = "available" | "tonight" | "limit" | "gap";

/** Each filter keeps the candidates it prefers; only "available" may leave nobody. */
const FILTERS: Record<TRule, (cs: TCandidate[]) => TCandidate[]> = {
  available: (cs) => cs.filter((c) => c.available),
  tonight: (cs) => softly(cs, (c) => !c.onTonight),
  limit: (cs) => softly(cs, (c) => !c.overLimit),
  gap: (cs) => {
    const fewest = Math.min(...cs.map((c) => c.carried));
    return cs.filter((c) => c.carried === fewest);
  },
};

function softly(cs: TCandidate[], keep: (c: TCandidate) => boolean): TCandidate[] {
  const kept = cs.filter(keep);
  return kept.length ? kept : cs;
}

function pick(cs: TCandidate[], rules: TRule[]): TCandidate | undefined {
  let left = cs;
  for (const rule of rules) {
    left = FILTERS[rule](left);
    if (!left.length) return undefined;
  }
  // Taking turns: longest since their last turn, then the caregivers' order.
  return [...left].sort((a, b) => (a.lastTurn < b.lastTurn ? -1 : a.lastTurn > b.lastTurn ? 1 : a.order - b.order))[0];
}

/** A rule's citation; `first`: it opens the reason, so it starts with a capital. */
function citation(rule: TRule, other: TCandidate, chosen: TCandidate, first: boolean): string {
  switch (rule) {
    case "available":
      return R("unavailable", { name: other.name });
    case "tonight":
      return R("alreadyTonight", { name: other.name });
    case "limit":
      return R(first ? "limitStart" : "limit", { name: other.name, run: other.run });
    case "gap":
      return R("carriedMore", { name: other.name, count: other.carried - chosen.carried });
  }
}

/** Reasons for one shift as one reference: "A; B; C". */
function joinReasons(reasons: readonly string[]): string {
  return reasons.reduceRight((rest, first) => R("both", { first, rest }));
}

/** A reference with each name value (at any depth) that `as` knows replaced by what that person is. */
function replaceNames(ref: string, as: ReadonlyMap<string, string>): string {
  const parsed = parseMsg(ref);
  if (!parsed?.values) return ref;
  const values = Object.fromEntries(
    Object.entries(parsed.values).map(([k, v]) => [
      k,
      typeof v !== "string" ? v : isMsg(v) ? replaceNames(v, as) : NAME_KEYS.has(k) ? (as.get(v) ?? v) : v,
    ]),
  );
  return msg(parsed.key, values);
}

/**
 * A stored reason worded for a reader who should not see the other
 * caregivers' names (a calendar feed without the partner's nights), with each
 * name in `others` replaced by what that person is to the reader ("Alex was
 * unavailable" → "Your partner was unavailable"); a name the household no
 * longer has (someone who left, or an old name) isn't in `others` and stays.
 * A reason is a message reference (its names are values, replaced by `as`,
 * itself usually a reference); an older reason stored as English words has its
 * names replaced in the text. `resolve` puts a reference into words (the
 * reader's language), so the result can start with a capital.
 */
export function reasonWithoutNames(
  reason: string,
  others: readonly { name: string; as: string }[],
  resolve: (s: string) => string = (s) => s,
): string {
  const as = new Map(others.filter((o) => o.name.trim()).map((o) => [o.name, o.as]));
  // (parseMsg, not isMsg: its type guard would leave a plain string typed as never below.)
  if (parseMsg(reason)) {
    const replaced = as.size ? replaceNames(reason, as) : reason;
    return replaced === reason ? resolve(reason) : capitalise(resolve(replaced));
  }
  if (!as.size) return reason;
  // One pass, longest name first ("Anna Maria" before "Anna"), so a replacement is never replaced again;
  // a name counts only whole, between non-letters ("Sam" isn't in "Samir").
  const names = [...as.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const whole = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const out = reason.replace(whole, (name) => resolve(as.get(name)!));
  return out === reason ? reason : capitalise(out);
}

export function proposeRota(input: TRotaInput): TRotaResult {
  const problems = validateRotaInput(input);
  if (problems.length) throw new RotaInputError(problems);

  const { timeZone, nightStart, nightEnd, caregivers, template } = input;
  const maxConsecutive = input.maxConsecutive ?? DEFAULT_MAX_CONSECUTIVE;
  const nights = rotaNights(input);
  const span = rotaSpan(input);
  const result: TRotaResult = { shifts: [], kept: [], replaced: 0, unfilled: [] };
  if (!span) return result;
  const spanMs = { start: span.start.getTime(), end: span.end.getTime() };
  const nightsMs = nights.map((n) => ({ date: n.date, start: n.start.getTime(), end: n.end.getTime() }));

  const ids = caregivers.map((c) => c.id);
  const fixedOnly = new Set(input.fixedOnly ?? []);
  const nameOf = (id: string) => caregivers.find((c) => c.id === id)?.name ?? msg("nights.rota.someone");
  const unavailable = new Map<string, TSpan[]>();
  for (const u of input.unavailability)
    unavailable.set(u.caregiverId, [
      ...(unavailable.get(u.caregiverId) ?? []),
      { start: u.start.getTime(), end: u.end.getTime() },
    ]);
  const isFree = (id: string, parts: TSpan[]) =>
    !(unavailable.get(id) ?? []).some((u) => parts.some((p) => overlaps(u, p)));

  // Manual shifts are kept as they are; the parts inside each night are holes the plan goes around.
  const manual = input.existing
    .filter((s) => s.manual)
    .map((s) => ({ caregiverId: s.caregiverId, start: s.start.getTime(), end: s.end.getTime() }))
    .filter((s) => overlaps(s, spanMs))
    .sort((a, b) => a.start - b.start);
  const manualOn: Set<string>[] = nightsMs.map(() => new Set());
  const holes: TSpan[][] = nightsMs.map(() => []);
  for (const s of manual) {
    let date: TLocalDate | undefined;
    nightsMs.forEach((n, i) => {
      if (!overlaps(s, n)) return;
      date ??= n.date;
      manualOn[i]!.add(s.caregiverId);
      holes[i]!.push({ start: Math.max(s.start, n.start), end: Math.min(s.end, n.end) });
    });
    // Between nights (in the day): name it after the night before.
    date ??= [...nightsMs].reverse().find((n) => n.start <= s.start)?.date ?? nightsMs[0]!.date;
    result.kept.push({ date, start: new Date(s.start), end: new Date(s.end), caregiverId: s.caregiverId });
  }
  result.replaced = input.existing.filter(
    (s) => !s.manual && overlaps({ start: s.start.getTime(), end: s.end.getTime() }, spanMs),
  ).length;

  // Fairness state before the current night: nights carried, current run, last night on duty, last night per half.
  const carried = new Map(ids.map((id) => [id, 0]));
  const run = new Map(ids.map((id) => [id, 0]));
  const lastTurn: Record<TSlotRole, Map<string, string>> = { whole: new Map(), first: new Map(), second: new Map() };
  const past = new Map<TLocalDate, Set<string>>();
  for (const h of input.history) {
    if (h.date >= input.from) continue; // only nights before the range count as history
    past.set(h.date, new Set([...(past.get(h.date) ?? []), ...h.caregiverIds]));
  }
  for (const [date, on] of [...past].sort(([a], [b]) => (a < b ? -1 : 1)))
    for (const id of on) {
      if (!carried.has(id)) continue;
      carried.set(id, carried.get(id)! + 1);
      lastTurn.whole.set(id, date);
    }
  for (const id of ids) {
    let n = 0;
    while (past.get(addDays(input.from, -1 - n))?.has(id)) n++;
    run.set(id, n);
  }

  nightsMs.forEach((night, i) => {
    const tonight = new Set(manualOn[i]);
    const slots = templateSlots(template, { ...night, timeZone, nightStart, nightEnd, nameOf, clock: input.clock });
    // Two caregivers and a split night: both are on duty anyway, so only the turns decide the halves.
    const openIds = ids.filter((id) => !fixedOnly.has(id));
    const everyoneNeeded = openIds.length > 1 && openIds.length <= slots.length;
    const manualRunAfter = (id: string) => {
      let n = 0;
      while (manualOn[i + 1 + n]?.has(id)) n++;
      return n;
    };

    const candidates = (slot: TSlot, parts: TSpan[]): TCandidate[] =>
      caregivers
        .filter((c) => !fixedOnly.has(c.id))
        .map((c, order) => {
          const onTonight = tonight.has(c.id);
          const runIfTakes = run.get(c.id)! + 1 + manualRunAfter(c.id);
          return {
            id: c.id,
            name: c.name,
            order,
            available: isFree(c.id, parts),
            onTonight,
            run: runIfTakes,
            overLimit: !onTonight && runIfTakes > maxConsecutive,
            carried: carried.get(c.id)!,
            lastTurn: lastTurn[slot.role].get(c.id) ?? "",
          };
        });

    const assign = (slot: TSlot, parts: TSpan[], caregiverId: string, reason: string) => {
      for (const p of parts)
        result.shifts.push({ date: night.date, start: new Date(p.start), end: new Date(p.end), caregiverId, reason });
      tonight.add(caregiverId);
      if (slot.role !== "whole") lastTurn[slot.role].set(caregiverId, night.date);
    };

    /** Fills the slot's parts with one caregiver, or each part on its own when nobody can take them all. */
    const fill = (slot: TSlot, parts: TSpan[]) => {
      const want = slot.want;
      if (want.kind === "fixed" && isFree(want.caregiverId, parts))
        return assign(slot, parts, want.caregiverId, want.because);
      const fallback = want.kind === "fixed" ? want : undefined;
      const cs = candidates(slot, parts);
      const rules: TRule[] = everyoneNeeded ? ["available", "tonight"] : ["available", "tonight", "limit", "gap"];
      const chosen = pick(cs, rules);
      if (!chosen) {
        if (parts.length > 1) return parts.forEach((p) => fill(slot, [p]));
        const reason = fallback
          ? R("nobodyElse", { usual: fallback.fallback })
          : cs.length
            ? R("nobodyAvailable")
            : R("nobodyInRota");
        const [p] = parts;
        result.unfilled.push({ date: night.date, start: new Date(p!.start), end: new Date(p!.end), reason });
        return;
      }
      const cited: { rule: TRule; instead: TCandidate }[] = [];
      for (const rule of rules) {
        if (rule === "tonight" && want.kind === "choose" && !want.citeTonight) continue;
        const instead = pick(
          cs,
          rules.filter((r) => r !== rule),
        );
        // The usual caregiver's unavailability is already said by the fallback.
        if (!instead || instead.id === chosen.id || (rule === "available" && instead.id === fallback?.caregiverId))
          continue;
        cited.push({ rule, instead });
      }
      const reasons: string[] = fallback ? [fallback.fallback] : [];
      const cite = (list: typeof cited) =>
        list.map((c, i) => citation(c.rule, c.instead, chosen, !reasons.length && i === 0));
      if (!everyoneNeeded && chosen.overLimit) {
        // The limit gave way: say why, instead of listing who was unavailable.
        const why = cs.some((c) => c.id !== chosen.id && !c.available)
          ? "nobodyAvailable"
          : cs.length === 1
            ? "nobodyInRota"
            : "asManyInARow";
        reasons.push(
          ...cite(cited.filter((c) => c.rule !== "available")),
          R("tookRun", { name: chosen.name, run: chosen.run, why }),
        );
      } else reasons.push(...cite(cited));
      // No rule had to step in (a fallback always has its reason): the template's own words.
      if (!reasons.length && want.kind === "choose")
        reasons.push(want.turns([...tonight].filter((id) => id !== chosen.id).map(nameOf)));
      assign(slot, parts, chosen.id, joinReasons(reasons));
    };

    for (const slot of slots) {
      const parts = subtract(slot, holes[i]!); // in order: manual shifts were sorted by start
      if (parts.length) fill(slot, parts);
    }

    // Move the fairness state past this night.
    for (const id of ids) {
      if (tonight.has(id)) {
        carried.set(id, carried.get(id)! + 1);
        run.set(id, run.get(id)! + 1);
        lastTurn.whole.set(id, night.date);
      } else run.set(id, 0);
    }
  });

  result.shifts.sort((a, b) => a.start.getTime() - b.start.getTime());
  result.unfilled.sort((a, b) => a.start.getTime() - b.start.getTime());
  return result;
}
