import Link from "next/link";
import { Fragment } from "react";
import { useTranslations } from "next-intl";
import type { TNight } from "@/lib/nights/read-nights";
import { awayOn, peopleById, type TPerson } from "@/components/nights/people";
import { awayPart, ShiftChip, UnavailableMarker } from "@/components/nights/shift-chip";
import { NoteIcon } from "@/components/ui/icons";
import styles from "@/components/nights/nights.module.css";
import { firstOfMonth } from "@/lib/time/local-date";
import { useFormat } from "@/components/format-provider";
import { weekdayOrder, type TFirstDay } from "@/components/nights/calendar";

type TGridProps = { nights: TNight[]; caregivers: TPerson[]; timeZone: string; today: string };

/** Message keys under nights.weekdays, by ISO weekday (index 0 = Monday). */
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** What one night holds: its shifts as chips, then who can't do it. */
function NightContents({ night, who, timeZone }: { night: TNight; who: (id: string) => TPerson; timeZone: string }) {
  const t = useTranslations("nights");
  const f = useFormat();
  const away = awayOn(night);
  // The sr-only commas make the link's name read as a list: "Thu 26 Nov, Tonight, Sam 19–02, Alex 02–07".
  const comma = <span className="sr-only">, </span>;
  return (
    <>
      {night.shifts.map((s) => (
        <Fragment key={s.id}>
          {comma}
          <ShiftChip shift={s} person={who(s.caregiverId)} timeZone={timeZone} />
        </Fragment>
      ))}
      {away.map((a) => (
        <Fragment key={a.caregiverId}>
          {comma}
          <UnavailableMarker person={who(a.caregiverId)} part={awayPart(a, night, timeZone, f)} />
        </Fragment>
      ))}
      {!night.shifts.length ? (
        <>
          {comma}
          <span className={styles.open}>{t("grid.noOneYet")}</span>
        </>
      ) : null}
      {night.handoffNotes ? (
        <>
          {comma}
          <span className={styles.handoffMark} data-testid="handoff-marker">
            <NoteIcon size={14} />
            <span>{night.handoffNotes}</span>
            <span className="sr-only">{t("grid.handoffNotes", { count: night.handoffNotes })}</span>
          </span>
        </>
      ) : null}
    </>
  );
}

/**
 * Seven nights: rows on a phone, columns when there is room. Each night opens its page.
 * The night links are not prefetched: a month is 35 of them, and prefetching every one
 * (a server render each) cost a cheap phone 55 requests and about 300 ms of blocked main
 * thread on opening the calendar (Lighthouse, #11); a night's page loads when tapped.
 */
export function WeekGrid({ nights, caregivers, timeZone, today }: TGridProps) {
  const t = useTranslations("nights");
  const f = useFormat();
  const who = peopleById(caregivers, t("people.someoneWhoLeft"));
  return (
    <ol className={styles.week} data-testid="nights-calendar" data-view="week">
      {nights.map((n) => {
        const isToday = n.date === today;
        return (
          <li key={n.date}>
            <Link
              href={`/nights/${n.date}`}
              prefetch={false}
              className={`${styles.weekNight}${isToday ? ` ${styles.today}` : ""}`}
              aria-current={isToday ? "date" : undefined}
              data-testid="calendar-night"
              data-date={n.date}
            >
              <span className={styles.weekDay}>
                <span>{f.shortDay(n.date)}</span>
                {isToday ? (
                  <span className={styles.todayBadge}>
                    <span className="sr-only">, </span>
                    {t("grid.tonight")}
                  </span>
                ) : null}
              </span>
              <span className={styles.weekChips}>
                <NightContents night={n} who={who} timeZone={timeZone} />
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A month in whole weeks from the household's first day of the week (`firstDay`,
 * as calendarRange was given), compact: the nights of other months are dimmed.
 */
export function MonthGrid({
  nights,
  caregivers,
  timeZone,
  today,
  month,
  firstDay,
}: TGridProps & { month: string; firstDay: TFirstDay }) {
  const t = useTranslations("nights");
  const f = useFormat();
  const who = peopleById(caregivers, t("people.someoneWhoLeft"));
  const weeks: TNight[][] = [];
  for (let i = 0; i < nights.length; i += 7) weeks.push(nights.slice(i, i + 7));
  return (
    <table className={styles.month} data-testid="nights-calendar" data-view="month">
      <thead>
        <tr>
          {weekdayOrder(firstDay)
            .map((iso) => WEEKDAYS[iso - 1]!)
            .map((day) => (
              <th key={day} scope="col">
                <abbr title={t(`weekdays.${day}.long`)}>{t(`weekdays.${day}.short`)}</abbr>
              </th>
            ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]!.date}>
            {week.map((n) => {
              const isToday = n.date === today;
              const inMonth = firstOfMonth(n.date) === month;
              return (
                <td key={n.date} className={inMonth ? undefined : styles.otherMonth}>
                  <Link
                    href={`/nights/${n.date}`}
                    prefetch={false}
                    className={`${styles.monthNight}${isToday ? ` ${styles.today}` : ""}`}
                    aria-current={isToday ? "date" : undefined}
                    data-testid="calendar-night"
                    data-date={n.date}
                  >
                    <span className={styles.monthDay}>
                      <span aria-hidden="true">{Number(n.date.slice(8, 10))}</span>
                      <span className="sr-only">
                        {f.shortDay(n.date)}
                        {isToday ? t("grid.tonightSr") : ""}
                      </span>
                    </span>
                    <span className={styles.monthChips}>
                      <NightContents night={n} who={who} timeZone={timeZone} />
                    </span>
                  </Link>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
