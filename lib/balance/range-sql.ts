import "server-only";
import { db } from "@/lib/db";
import type { TMe } from "@/lib/context";
import type { TCaregiverIn, TNightFigure, TNightIn } from "@/lib/balance/metrics";
import { presentAt, TAPOUT_ASKED_MINUTES, TAPOUT_CAME_MINUTES } from "@/lib/balance/metrics";
import { fromDbDate } from "@/lib/time/local-date";

type TRow = {
  night: Date;
  cg: string;
  duty_minutes: number;
  on_duty: boolean;
  wakings: number;
  awake_minutes: number;
  tapouts_asked: number;
  tapouts_answered: number;
  protected_minutes: number | null;
};

/**
 * nightFigures (lib/balance/metrics.ts) computed by Postgres, for long ranges
 * (a chosen range of up to a year): one statement over the indexed ranges of
 * shifts, wakings (household, night_date) and tap-outs (household,
 * requested_at), returning one row per caregiver and night instead of every
 * shift, waking and tap-out. Unions of intervals are multiranges. The night
 * windows come from Node (night-window.ts), so the DST rule is the same one.
 */
// `me` comes from the request context (the caller's own membership, read from the database).
export async function rangeFigures(
  me: TMe,
  nights: TNightIn[],
  caregivers: TCaregiverIn[],
  now: Date,
): Promise<TNightFigure[]> {
  const householdId = me.householdId;
  if (!nights.length) return [];
  const dates = nights.map((n) => n.date);
  const starts = nights.map((n) => n.start);
  const ends = nights.map((n) => n.end);
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const from = nights[0]!.start;
  const to = nights[nights.length - 1]!.end;
  const rows = await db.$queryRaw<TRow[]>`
    WITH n AS (
      SELECT * FROM unnest(${dates}::date[], ${starts}::timestamptz[], ${ends}::timestamptz[]) AS t(night, s, e)
    ),
    c AS (SELECT id, role::text AS role, removed_at FROM caregivers WHERE household_id = ${householdId}::uuid),
    sh AS (
      SELECT caregiver_id AS cg, night_date AS night, tstzrange(starts_at, GREATEST(starts_at, ends_at)) AS r
      FROM shifts WHERE household_id = ${householdId}::uuid AND night_date BETWEEN ${first}::date AND ${last}::date
    ),
    wk AS (
      SELECT w.responder_id AS cg, w.night_date AS night,
        tstzrange(w.started_at, GREATEST(w.started_at, COALESCE(w.ended_at, LEAST(${now}::timestamptz, n.e)))) AS r
      FROM wakings w JOIN n ON n.night = w.night_date
      WHERE w.household_id = ${householdId}::uuid AND w.night_date BETWEEN ${first}::date AND ${last}::date
    ),
    tp AS (
      SELECT t.requester_id, t.night_date AS night, t.requested_at, t.answer::text AS answer, t.answered_by_id
      FROM tap_outs t JOIN n ON n.night = t.night_date
      WHERE t.household_id = ${householdId}::uuid AND t.requested_at >= ${from}::timestamptz - interval '1 day' AND t.requested_at < ${to}::timestamptz + interval '1 day'
    ),
    tb AS (
      SELECT answered_by_id AS cg, night, tstzrange(requested_at, requested_at + make_interval(mins => ${TAPOUT_CAME_MINUTES}::int)) AS r
      FROM tp WHERE answer = 'coming' AND answered_by_id IS NOT NULL
      UNION ALL
      SELECT answered_by_id, night, tstzrange(requested_at, requested_at + make_interval(mins => ${TAPOUT_ASKED_MINUTES}::int))
      FROM tp WHERE answer IS DISTINCT FROM 'coming' AND answered_by_id IS NOT NULL
      UNION ALL
      SELECT c.id, tp.night, tstzrange(tp.requested_at, tp.requested_at + make_interval(mins => ${TAPOUT_ASKED_MINUTES}::int))
      FROM tp JOIN c ON c.role = 'parent' AND c.id <> tp.requester_id
        AND (c.removed_at IS NULL OR c.removed_at > tp.requested_at)
      WHERE tp.answered_by_id IS NULL
    ),
    duty AS (SELECT night, cg, sum(extract(epoch FROM upper(r) - lower(r)))::float8 / 60 AS minutes, range_agg(r) AS mr FROM sh GROUP BY 1, 2),
    night_duty AS (SELECT night, sum(minutes) AS minutes FROM duty GROUP BY 1),
    awake AS (SELECT night, cg, count(*)::int AS n, range_agg(r) AS mr FROM wk GROUP BY 1, 2),
    taps AS (SELECT night, cg, range_agg(r) AS mr FROM tb GROUP BY 1, 2),
    asked AS (SELECT night, requester_id AS cg, count(*)::int AS n FROM tp GROUP BY 1, 2),
    came AS (SELECT night, answered_by_id AS cg, count(*)::int AS n FROM tp WHERE answer = 'coming' GROUP BY 1, 2)
    SELECT n.night, c.id AS cg,
      COALESCE(d.minutes, 0)::float8 AS duty_minutes,
      (COALESCE(d.minutes, 0) > 0 AND COALESCE(d.minutes, 0) * 2 >= COALESCE(nd.minutes, 0)) AS on_duty,
      COALESCE(a.n, 0) AS wakings,
      COALESCE((SELECT sum(extract(epoch FROM upper(x) - lower(x))) FROM unnest(a.mr) x), 0)::float8 / 60 AS awake_minutes,
      COALESCE(ak.n, 0) AS tapouts_asked,
      COALESCE(cm.n, 0) AS tapouts_answered,
      CASE WHEN nd.night IS NULL THEN NULL ELSE COALESCE((
        SELECT max(extract(epoch FROM upper(x) - lower(x)))
        FROM unnest(tstzmultirange(tstzrange(n.s, n.e)) - (COALESCE(d.mr, '{}') + COALESCE(a.mr, '{}') + COALESCE(t.mr, '{}'))) x
      ), 0)::float8 / 60 END AS protected_minutes
    FROM n CROSS JOIN c
    LEFT JOIN duty d ON d.night = n.night AND d.cg = c.id
    LEFT JOIN night_duty nd ON nd.night = n.night
    LEFT JOIN awake a ON a.night = n.night AND a.cg = c.id
    LEFT JOIN taps t ON t.night = n.night AND t.cg = c.id
    LEFT JOIN asked ak ON ak.night = n.night AND ak.cg = c.id
    LEFT JOIN came cm ON cm.night = n.night AND cm.cg = c.id
    WHERE c.removed_at IS NULL OR c.removed_at > n.s`;
  const byKey = new Map(rows.map((r) => [`${fromDbDate(r.night)} ${r.cg}`, r]));
  const out: TNightFigure[] = [];
  for (const n of nights) {
    for (const c of caregivers) {
      if (!presentAt(c, n.start)) continue;
      const r = byKey.get(`${n.date} ${c.id}`);
      out.push({
        night: n.date,
        caregiverId: c.id,
        dutyMinutes: Number(r?.duty_minutes ?? 0),
        onDuty: Boolean(r?.on_duty),
        wakings: Number(r?.wakings ?? 0),
        awakeMinutes: Number(r?.awake_minutes ?? 0),
        tapOutsAsked: Number(r?.tapouts_asked ?? 0),
        tapOutsAnswered: Number(r?.tapouts_answered ?? 0),
        // A night with no shift at all has no protected-sleep figure (as in nightFigures).
        protectedMinutes: r?.protected_minutes === null || r === undefined ? null : Number(r.protected_minutes),
      });
    }
  }
  return out;
}
