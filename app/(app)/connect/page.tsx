import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getConnectDay, getConnectWeek } from "@/lib/connect/views";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";
import { addDays, daysBetween } from "@/lib/time/local-date";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { AddToPlan, DayPlan, SuggestionCard } from "@/components/connect/day-lazy";
import { WeekView } from "@/components/connect/week-view";
import { ConnectTabs, StepNav } from "@/components/connect/nav";
import { MomentsSummary } from "@/components/connect/moments";
import styles from "@/components/connect/connect.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("connect.page");
  return { title: t("title") };
}

export default async function ConnectPage({ searchParams }: { searchParams: TSearchParams }) {
  const { actor, membership } = await requireMemberOrRedirect("/connect");
  const [t, f] = await Promise.all([getTranslations("connect.page"), getFormat()]);
  const sp = await searchParams;
  const meId = membership.caregiverId;
  const householdId = membership.householdId;

  if (firstParam(sp.view) === "week") {
    const week = await getConnectWeek(actor, { householdId, date: firstParam(sp.date) });
    const last = addDays(week.weekStart, 6);
    const thisWeek = week.plan.today >= week.weekStart && week.plan.today <= last;
    return (
      <div className="page">
        <div className="page-header">
          <h1>{t("title")}</h1>
          <p>{t("weekIntro")}</p>
        </div>
        <ConnectTabs current="week" />
        <section aria-labelledby="week-heading" className="stack">
          <StepNav
            prev={`/connect?view=week&date=${addDays(week.weekStart, -7)}`}
            next={`/connect?view=week&date=${addDays(week.weekStart, 7)}`}
            today={thisWeek ? null : "/connect?view=week"}
            prevLabel={t("earlier")}
            nextLabel={t("later")}
            todayLabel={t("thisWeek")}
          />
          <h2 id="week-heading" data-testid="week-heading">
            {t("weekRange", { from: f.shortDay(week.weekStart), to: f.shortDay(last) })}
          </h2>
          <WeekView days={week.plan.days} today={week.plan.today} meId={meId} />
        </section>
      </div>
    );
  }

  const day = await getConnectDay(actor, { householdId, date: firstParam(sp.date) });
  const today = day.plan.today;
  const items = day.plan.days[0]?.items ?? [];
  const isToday = day.date === today;
  const people = day.plan.caregivers.map((c) => ({ id: c.id, name: c.name, isMe: c.isMe }));
  const text = await getText();
  const options = day.library
    .filter((a) => !a.archived)
    .map((a) => ({ ref: a.ref, name: text(a.name), builtin: a.builtin }));
  // "Today", "Yesterday", "Tomorrow" say the day in words: then the date follows.
  const nearToday = Math.abs(daysBetween(today, day.date)) <= 1;

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("title")}</h1>
        <p>{t("dayIntro")}</p>
      </div>
      <ConnectTabs current="day" />
      {isToday ? <MomentsSummary moments={day.moments} /> : null}
      {day.suggestion ? <SuggestionCard householdId={householdId} suggestion={day.suggestion} meId={meId} /> : null}

      <section className="card stack" aria-labelledby="day-heading">
        <StepNav
          prev={`/connect?date=${addDays(day.date, -1)}`}
          next={`/connect?date=${addDays(day.date, 1)}`}
          today={isToday ? null : "/connect"}
          prevLabel={t("earlier")}
          nextLabel={t("later")}
          todayLabel={t("today")}
        />
        <h2 id="day-heading" className={styles.dayHeading} data-testid="day-heading">
          {f.relativeDay(day.date, today)}
          {nearToday ? <span className="muted small"> · {f.longDay(day.date)}</span> : null}
        </h2>
        <DayPlan
          householdId={householdId}
          meId={meId}
          timeZone={day.plan.timeZone}
          today={today}
          date={day.date}
          items={items}
        />
      </section>

      <section className="card" aria-labelledby="add-heading">
        <h2 id="add-heading">{t("addHeading")}</h2>
        <AddToPlan householdId={householdId} date={day.date} activities={options} people={people} />
      </section>
    </div>
  );
}
