import { requestNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getNights, type TNight } from "@/lib/nights/read-nights";
import { currentOrNextNight } from "@/lib/nights/night-window";
import { stretchText } from "@/components/nights/format";
import { peopleById } from "@/components/nights/people";
import { colourClass, PersonTag } from "@/components/nights/shift-chip";
import {
  AddShiftForm,
  EditShiftForm,
  RemoveShift,
  SplitShiftForm,
  type TCaregiverOption,
  type TEditableShift,
} from "@/components/nights/shift-editor";
import { Notice } from "@/components/ui/notice";
import { getNightWakings, getPendingSwaps } from "@/lib/log/read-log";
import { NightLogList } from "@/components/log/night-list";
import { wakingsText } from "@/components/log/format";
import { AskSwap } from "@/components/log/swap-form";
import { canAskSwap, canActForCaregiver, canEditShift, mustAnswerSwap, swapAnswerer } from "@/lib/nights/rights";
import styles from "@/components/nights/nights.module.css";
import { NightHandoff } from "@/components/notes/night-handoff";
import { addDays, toLocalDate } from "@/lib/time/local-date";
import { clockIn, dayTimeIn, durationShort, durationWords, longDay, shortDay } from "@/lib/format";

type TParams = { params: Promise<{ date: string }> };

export async function generateMetadata({ params }: TParams): Promise<Metadata> {
  const date = toLocalDate((await params).date);
  return { title: date ? `Night of ${longDay(date)}` : "Night" };
}

const HALF_HOUR = 30 * 60_000;

/** The first stretch of the night nobody has yet (for "Add a shift"), or null when it is all covered. */
function firstOpenStretch(night: TNight): { start: string; end: string } | null {
  let cursor = night.start;
  for (const s of [...night.shifts].sort((a, b) => a.start.localeCompare(b.start))) {
    if (s.start > cursor) return { start: cursor, end: s.start };
    if (s.end > cursor) cursor = s.end;
  }
  return cursor < night.end ? { start: cursor, end: night.end } : null;
}

/** What the clocks do during this night, if it isn't its usual length. */
function clockChange(night: TNight, nightStart: number, nightEnd: number) {
  const usualMinutes = (nightEnd - nightStart + 1440) % 1440 || 1440;
  const actual = Date.parse(night.end) - Date.parse(night.start);
  const diff = actual - usualMinutes * 60_000;
  if (diff === 0) return null;
  return { forward: diff < 0, actual, usual: usualMinutes * 60_000 };
}

export default async function NightPage({ params }: TParams) {
  const date = toLocalDate((await params).date);
  if (!date) notFound();
  const { actor, membership } = await requireMemberOrRedirect(`/nights/${date}`);
  const view = await getNights(actor, { householdId: membership.householdId, from: date, count: 1 });
  const night = view.nights[0]!;
  const { timeZone, nightStart, nightEnd } = view.household;
  const who = peopleById([...view.caregivers, ...view.former]);

  const now = await requestNow();
  const tonight = currentOrNextNight(now, timeZone, nightStart, nightEnd).date;
  const [swaps, wakings] = await Promise.all([
    getPendingSwaps(actor, { householdId: membership.householdId }, now),
    getNightWakings(actor, { householdId: membership.householdId, night: date }),
  ]);
  const people = view.caregivers.map((c) => ({ id: c.id, name: c.name, isMe: c.isMe, role: c.role }));
  const swapWaiting = (shiftId: string) => {
    const sw = swaps.find((x) => x.shiftId === shiftId);
    if (!sw) return null;
    return mustAnswerSwap(membership, sw)
      ? "Swap waiting for your answer (on Tonight)"
      : `Swap waiting for ${who(swapAnswerer(sw)).name}`;
  };
  const change = clockChange(night, nightStart, nightEnd);

  // Parents may set shifts for anyone; helpers only for themselves (lib/nights/rights.ts; the server checks too).
  const options: TCaregiverOption[] = view.caregivers
    .filter((c) => canActForCaregiver(membership, c.id))
    .map((c) => ({ id: c.id, name: c.name, isMe: c.isMe }));

  const editable = (s: TNight["shifts"][number]): TEditableShift => {
    const mid = Math.round((Date.parse(s.start) + Date.parse(s.end)) / 2 / HALF_HOUR) * HALF_HOUR;
    const other = options.find((o) => o.id !== s.caregiverId) ?? options[0];
    return {
      id: s.id,
      version: s.version,
      caregiverId: s.caregiverId,
      name: who(s.caregiverId).name,
      start: clockIn(s.start, timeZone),
      end: clockIn(s.end, timeZone),
      splitAt: clockIn(new Date(mid), timeZone),
      splitTo: other?.id ?? s.caregiverId,
    };
  };

  const open = firstOpenStretch(night);
  const away = night.unavailable;

  return (
    <div className="page">
      <p className={styles.backLink}>
        <Link href={`/nights?from=${date}`}>
          <span aria-hidden="true">‹ </span>All nights
        </Link>
      </p>
      <div className="page-header">
        {date === tonight ? <span className="eyebrow">Tonight</span> : null}
        <h1>Night of {longDay(date, now.getUTCFullYear())}</h1>
        <p data-testid="night-window">
          <span className={styles.windowTimes}>
            {clockIn(night.start, timeZone)} → {clockIn(night.end, timeZone)}
          </span>{" "}
          ({timeZone})
        </p>
      </div>

      {change ? (
        <Notice tone="info" testId="night-length-note">
          <p>
            <strong>
              {change.forward ? "Clocks go forward tonight" : "Clocks go back tonight"}: this night is{" "}
              {durationWords(change.actual)}
            </strong>
            , not the usual {durationWords(change.usual)}.
          </p>
          <p className="small">
            {change.forward
              ? "A time the clocks skip moves forward by the change: a shift set to start in the missing hour starts just after it."
              : "A time that happens twice means its first occurrence, before the clocks go back."}
          </p>
        </Notice>
      ) : null}

      <section className="card" aria-labelledby="wakings-heading">
        <h2 id="wakings-heading">Wakings</h2>
        {wakings.length ? (
          <p className="small muted" data-testid="night-wakings-count">
            {wakingsText(wakings.length)}
          </p>
        ) : null}
        <NightLogList
          householdId={view.household.id}
          wakings={wakings}
          timeZone={timeZone}
          people={people}
          me={{ caregiverId: membership.caregiverId, role: membership.role }}
          showBaby={new Set(wakings.map((w) => w.babyId)).size > 1}
          testId="night-wakings"
          empty={date > tonight ? "This night hasn't happened yet." : "No wakings logged this night."}
        />
      </section>

      <section className="card" aria-labelledby="shifts-heading">
        <h2 id="shifts-heading">Shifts</h2>
        {night.shifts.length ? (
          <ol className={styles.shiftList}>
            {night.shifts.map((s) => {
              const person = who(s.caregiverId);
              const e = editable(s);
              const canEdit = canEditShift(membership, s);
              const canSwap = canAskSwap(s, now);
              return (
                <li
                  key={s.id}
                  className={`${styles.shiftCard} ${colourClass(person.colour)}`}
                  data-testid="shift-card"
                  data-shift-id={s.id}
                >
                  <div className={styles.shiftHead}>
                    <PersonTag person={person} showYou />
                    <span className={styles.shiftTimes}>
                      {e.start} → {e.end}
                    </span>
                    <span className="muted small">{durationShort(Date.parse(s.end) - Date.parse(s.start))}</span>
                  </div>
                  <p className="small muted" data-testid="shift-source">
                    {s.source === "rota" ? `Planned by the rota${s.reason ? `: ${s.reason}` : ""}` : "Set by hand"}
                  </p>
                  {canEdit || canSwap ? (
                    <div className={styles.shiftActions}>
                      {canEdit ? (
                        <>
                          <EditShiftForm householdId={view.household.id} shift={e} options={options} />
                          <SplitShiftForm householdId={view.household.id} shift={e} options={options} />
                          <RemoveShift householdId={view.household.id} shift={e} />
                        </>
                      ) : null}
                      {canSwap ? (
                        <AskSwap
                          householdId={view.household.id}
                          people={people}
                          shift={{
                            id: s.id,
                            caregiverId: s.caregiverId,
                            day: shortDay(date),
                            start: e.start,
                            end: e.end,
                          }}
                          waiting={swapWaiting(s.id)}
                        />
                      ) : null}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ol>
        ) : (
          <p className="muted" data-testid="no-shifts">
            No one is on duty this night yet.
          </p>
        )}

        <div className="subsection">
          {open ? <h3>Add a shift</h3> : null}
          <AddShiftForm
            householdId={view.household.id}
            nightDate={date}
            options={options}
            defaults={
              open
                ? {
                    caregiverId: options.find((o) => o.isMe)?.id ?? options[0]!.id,
                    start: clockIn(open.start, timeZone),
                    end: clockIn(open.end, timeZone),
                  }
                : null
            }
          />
        </div>
      </section>

      <NightHandoff date={date} now={now} timeZone={timeZone} />

      <section className="card" aria-labelledby="away-heading">
        <h2 id="away-heading">Who can&apos;t do this night</h2>
        {away.length ? (
          <ul className="list" data-testid="night-unavailable">
            {away.map((u) => (
              <li key={u.id}>
                <PersonTag person={who(u.caregiverId)} showYou />{" "}
                <span className="muted">can&apos;t: {stretchText(u.start, u.end, timeZone)}</span>
                {u.note ? <div className="small">{u.note}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Everyone is free, as far as we know.</p>
        )}
        <p className="small">
          <Link href="/nights/unavailable" className="button button-secondary">
            Mark nights someone can&apos;t do
          </Link>
        </p>
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {night.events.length ? (
          <ol className="list" data-testid="night-history">
            {night.events.map((ev, i) => (
              <li key={`${ev.at}-${i}`} data-testid="history-item">
                <div>{ev.summary}</div>
                <time dateTime={ev.at} className="muted small">
                  {dayTimeIn(ev.at, timeZone)}
                </time>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">No changes yet.</p>
        )}
      </section>

      <nav aria-label="Other nights" className={styles.nightPager}>
        <Link href={`/nights/${addDays(date, -1)}`} className="button button-secondary" rel="prev">
          <span aria-hidden="true">‹</span> Earlier
        </Link>
        <Link href={`/nights/${addDays(date, 1)}`} className="button button-secondary" rel="next">
          Later <span aria-hidden="true">›</span>
        </Link>
      </nav>
    </div>
  );
}
