import { requestNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getNights } from "@/lib/nights/read-nights";
import { currentOrNextNight } from "@/lib/nights/night-window";
import { canFillRota } from "@/lib/nights/rights";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { calendarRange, type TCalendarView } from "@/components/nights/calendar";
import { CalendarNav } from "@/components/nights/calendar-nav";
import { MonthGrid, WeekGrid } from "@/components/nights/night-grid";
import { RotaPanel } from "@/components/nights/rota-panel";
import { CaregiverLegend } from "@/components/nights/shift-chip";
import type { TCaregiverOption } from "@/components/nights/shift-editor";
import { CalendarIcon } from "@/components/ui/icons";
import { loadHousehold } from "@/lib/household/current";
import styles from "@/components/nights/nights.module.css";
import { addDays, toLocalDate } from "@/lib/time/local-date";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";
import { inReaderWords } from "@/components/nights/people";
import { localeConventions } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nights");
  return { title: t("calendar.title") };
}

export default async function NightsPage({ searchParams }: { searchParams: TSearchParams }) {
  await requireMemberOrRedirect("/nights");
  const [t, f, text] = await Promise.all([getTranslations("nights"), getFormat(), getText()]);
  const { firstDay } = localeConventions(f.householdLocale);
  const { actor, membership, overview } = await loadHousehold();
  const sp = await searchParams;
  const view: TCalendarView = firstParam(sp.view) === "month" ? "month" : "week";
  const { timeZone, nightStart, nightEnd } = overview.household;
  const today = currentOrNextNight(await requestNow(), timeZone, nightStart, nightEnd).date;
  const range = calendarRange(view, toLocalDate(firstParam(sp.from)) ?? today, firstDay);
  const data = await getNights(actor, {
    householdId: membership.householdId,
    from: range.first,
    count: range.count,
  });
  const canFill = canFillRota(membership);
  const anyShifts = data.nights.some((n) => n.shifts.length);
  const options: TCaregiverOption[] = data.caregivers.map((c) => ({ id: c.id, name: c.name, isMe: c.isMe }));
  // The grids name past shifts of someone who left; the legend and the choices are members only.
  // Someone whose account was deleted may be named by a message reference ("a former caregiver").
  const named = inReaderWords([...data.caregivers, ...data.former], text);

  return (
    <div className="page page-wide">
      <div className="page-header">
        <h1>{t("calendar.title")}</h1>
        <p>{t("calendar.intro")}</p>
      </div>

      <section aria-labelledby="range-heading" className={styles.calendar}>
        <CalendarNav range={range} today={today} />
        <h2 id="range-heading" data-testid="range-heading" className={styles.rangeHeading}>
          {view === "week" ? f.rangeLabel(range.first, range.last) : f.monthName(range.anchor)}
        </h2>
        {view === "week" ? (
          <WeekGrid nights={data.nights} caregivers={named} timeZone={timeZone} today={today} />
        ) : (
          <MonthGrid
            nights={data.nights}
            caregivers={named}
            timeZone={timeZone}
            today={today}
            month={range.anchor}
            firstDay={firstDay}
          />
        )}
        <CaregiverLegend people={data.caregivers} />
        {!anyShifts ? (
          <div className="empty-state" data-testid="empty-state">
            <CalendarIcon size={32} />
            <strong>{t("calendar.empty")}</strong>
            <p>{t("calendar.emptyHint", { canFill: canFill ? "yes" : "no" })}</p>
          </div>
        ) : null}
      </section>

      {/* ---- Rota: "Fill the coming weeks from a rota" (components/nights/rota-panel.tsx, fillRotaAction) ---- */}
      {/* Side by side on a wide screen, under the full-width calendar. */}
      <div className="columns">
        <RotaPanel
          householdId={data.household.id}
          options={options}
          canFill={canFill}
          defaultFrom={addDays(today, 1)}
        />

        <section className="card" aria-labelledby="away-heading">
          <h2 id="away-heading">{t("calendar.away.heading")}</h2>
          <p>{t("calendar.away.intro")}</p>
          <Link href="/nights/unavailable" className="button button-secondary">
            {t("calendar.away.link")}
          </Link>
        </section>
      </div>
    </div>
  );
}
