import { requestNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getNights, type TNight } from "@/lib/nights/read-nights";
import { currentOrNextNight } from "@/lib/nights/night-window";
import { stretchText } from "@/components/nights/format";
import { inReaderWords, peopleById } from "@/components/nights/people";
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
import { AskSwap } from "@/components/log/swap-form";
import { canAskSwap, canActForCaregiver, canEditShift, mustAnswerSwap, swapAnswerer } from "@/lib/nights/rights";
import styles from "@/components/nights/nights.module.css";
import { NightHandoff } from "@/components/notes/night-handoff";
import { addDays, toLocalDate } from "@/lib/time/local-date";
import { clockValueIn } from "@/lib/time/local-time";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";

type TParams = { params: Promise<{ date: string }> };

export async function generateMetadata({ params }: TParams): Promise<Metadata> {
  const date = toLocalDate((await params).date);
  const [t, f] = await Promise.all([getTranslations("nights"), getFormat()]);
  return { title: date ? t("night.title", { day: f.longDay(date) }) : t("night.titleNoDate") };
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
  const [t, f, text] = await Promise.all([getTranslations("nights"), getFormat(), getText()]);
  const night = view.nights[0]!;
  const { timeZone, nightStart, nightEnd } = view.household;
  const who = peopleById(inReaderWords([...view.caregivers, ...view.former], text), t("people.someoneWhoLeft"));

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
      ? t("night.swapWaitingForYou")
      : t("night.swapWaitingFor", { name: who(swapAnswerer(sw)).name });
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
      start: clockValueIn(s.start, timeZone),
      end: clockValueIn(s.end, timeZone),
      startText: f.clockIn(s.start, timeZone),
      endText: f.clockIn(s.end, timeZone),
      splitAt: clockValueIn(new Date(mid), timeZone),
      splitTo: other?.id ?? s.caregiverId,
    };
  };

  const open = firstOpenStretch(night);
  const away = night.unavailable;

  return (
    <div className="page">
      <p className={styles.backLink}>
        <Link href={`/nights?from=${date}`}>
          <span aria-hidden="true">‹ </span>
          {t("allNights")}
        </Link>
      </p>
      <div className="page-header">
        {date === tonight ? <span className="eyebrow">{t("night.tonight")}</span> : null}
        <h1>{t("night.title", { day: f.longDay(date, now.getUTCFullYear()) })}</h1>
        <p data-testid="night-window">
          <span className={styles.windowTimes}>
            {f.clockIn(night.start, timeZone)} → {f.clockIn(night.end, timeZone)}
          </span>{" "}
          ({timeZone})
        </p>
      </div>

      {change ? (
        <Notice tone="info" testId="night-length-note">
          <p>
            {t.rich("night.clockChange", {
              forward: change.forward ? "yes" : "no",
              actual: f.durationWords(change.actual),
              usual: f.durationWords(change.usual),
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          <p className="small">{change.forward ? t("night.clocksForwardHint") : t("night.clocksBackHint")}</p>
        </Notice>
      ) : null}

      <section className="card" aria-labelledby="wakings-heading">
        <h2 id="wakings-heading">{t("night.wakings")}</h2>
        {wakings.length ? (
          <p className="small muted" data-testid="night-wakings-count">
            {(await getTranslations("log"))("wakings", { count: wakings.length })}
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
          empty={date > tonight ? t("night.notYet") : t("night.noWakings")}
        />
      </section>

      <section className="card" aria-labelledby="shifts-heading">
        <h2 id="shifts-heading">{t("night.shifts")}</h2>
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
                      {e.startText} → {e.endText}
                    </span>
                    <span className="muted small">{f.durationShort(Date.parse(s.end) - Date.parse(s.start))}</span>
                  </div>
                  <p className="small muted" data-testid="shift-source">
                    {s.source === "rota"
                      ? s.reason
                        ? t("night.plannedByRotaBecause", { reason: text(s.reason) })
                        : t("night.plannedByRota")
                      : t("night.setByHand")}
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
                            day: f.shortDay(date),
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
            {t("night.noShifts")}
          </p>
        )}

        <div className="subsection">
          {open ? <h3>{t("shift.addLabel")}</h3> : null}
          <AddShiftForm
            householdId={view.household.id}
            nightDate={date}
            options={options}
            defaults={
              open
                ? {
                    caregiverId: options.find((o) => o.isMe)?.id ?? options[0]!.id,
                    start: clockValueIn(open.start, timeZone),
                    end: clockValueIn(open.end, timeZone),
                  }
                : null
            }
          />
        </div>
      </section>

      <NightHandoff date={date} now={now} timeZone={timeZone} />

      <section className="card" aria-labelledby="away-heading">
        <h2 id="away-heading">{t("night.away.heading")}</h2>
        {away.length ? (
          <ul className="list" data-testid="night-unavailable">
            {away.map((u) => (
              <li key={u.id}>
                <PersonTag person={who(u.caregiverId)} showYou />{" "}
                <span className="muted">{t("away.when", { when: stretchText(u.start, u.end, timeZone, t, f) })}</span>
                {u.note ? <div className="small">{u.note}</div> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("night.away.none")}</p>
        )}
        <p className="small">
          <Link href="/nights/unavailable" className="button button-secondary">
            {t("night.away.link")}
          </Link>
        </p>
      </section>

      <section className="card" aria-labelledby="history-heading">
        <h2 id="history-heading">{t("night.history")}</h2>
        {night.events.length ? (
          <ol className="list" data-testid="night-history">
            {night.events.map((ev, i) => (
              <li key={`${ev.at}-${i}`} data-testid="history-item">
                <div>{text(ev.summary)}</div>
                <time dateTime={ev.at} className="muted small">
                  {f.dayTimeIn(ev.at, timeZone)}
                </time>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">{t("night.noChanges")}</p>
        )}
      </section>

      <nav aria-label={t("night.otherNights")} className={styles.nightPager}>
        <Link href={`/nights/${addDays(date, -1)}`} className="button button-secondary" rel="prev">
          <span aria-hidden="true">‹</span> {t("night.earlier")}
        </Link>
        <Link href={`/nights/${addDays(date, 1)}`} className="button button-secondary" rel="next">
          {t("night.later")} <span aria-hidden="true">›</span>
        </Link>
      </nav>
    </div>
  );
}
