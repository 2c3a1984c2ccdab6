import type { Metadata } from "next";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { connectKeys } from "@/lib/connect/query-keys";
import { getConnectDay, getConnectWeek } from "@/lib/connect/views";
import { getQueryClient } from "@/lib/query-client";
import { longDay, relativeDay, shortDay } from "@/lib/format";
import { addDays } from "@/lib/time/local-date";
import { firstParam, type TSearchParams } from "@/app/_lib/params";
import { AddToPlan } from "@/components/connect/add-to-plan";
import { DayItems } from "@/components/connect/day-items";
import { SuggestionCard } from "@/components/connect/suggestion-card";
import { WeekView } from "@/components/connect/week-view";
import { ConnectTabs, StepNav } from "@/components/connect/nav";
import { MomentsSummary } from "@/components/connect/moments";
import { QueryProvider } from "@/components/query-provider";
import styles from "@/components/connect/connect.module.css";

export const metadata: Metadata = { title: "Connect" };

export default async function ConnectPage({ searchParams }: { searchParams: TSearchParams }) {
  const { actor, membership } = await requireMemberOrRedirect("/connect");
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
          <h1>Connect</h1>
          <p>Small moments with your baby, planned together.</p>
        </div>
        <ConnectTabs current="week" />
        <section aria-labelledby="week-heading" className="stack">
          <StepNav
            prev={`/connect?view=week&date=${addDays(week.weekStart, -7)}`}
            next={`/connect?view=week&date=${addDays(week.weekStart, 7)}`}
            today={thisWeek ? null : "/connect?view=week"}
            prevLabel="Earlier"
            nextLabel="Later"
            todayLabel="This week"
          />
          <h2 id="week-heading" data-testid="week-heading">
            {shortDay(week.weekStart)} – {shortDay(last)}
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
  // Today's items live in React Query (ticked off at once, kept fresh by the live channel).
  const queryClient = getQueryClient();
  if (isToday) queryClient.setQueryData(connectKeys.today(householdId), { date: day.date, items });
  const people = day.plan.caregivers.map((c) => ({ id: c.id, name: c.name, isMe: c.isMe }));
  const options = day.library.filter((a) => !a.archived).map((a) => ({ ref: a.ref, name: a.name, builtin: a.builtin }));

  return (
    <div className="page">
      <div className="page-header">
        <h1>Connect</h1>
        <p>Small moments with your baby, planned together and ticked off by whoever does them.</p>
      </div>
      <ConnectTabs current="day" />
      {isToday ? <MomentsSummary moments={day.moments} /> : null}
      {day.suggestion ? <SuggestionCard householdId={householdId} suggestion={day.suggestion} meId={meId} /> : null}

      <section className="card stack" aria-labelledby="day-heading">
        <StepNav
          prev={`/connect?date=${addDays(day.date, -1)}`}
          next={`/connect?date=${addDays(day.date, 1)}`}
          today={isToday ? null : "/connect"}
          prevLabel="Earlier"
          nextLabel="Later"
          todayLabel="Today"
        />
        <h2 id="day-heading" className={styles.dayHeading} data-testid="day-heading">
          {relativeDay(day.date, today)}
          {relativeDay(day.date, today) !== longDay(day.date) ? (
            <span className="muted small"> · {longDay(day.date)}</span>
          ) : null}
        </h2>
        <QueryProvider>
          <HydrationBoundary state={dehydrate(queryClient)}>
            <DayItems
              householdId={householdId}
              meId={meId}
              timeZone={day.plan.timeZone}
              today={today}
              date={day.date}
              items={items}
            />
          </HydrationBoundary>
        </QueryProvider>
      </section>

      <section className="card" aria-labelledby="add-heading">
        <h2 id="add-heading">Add to the plan</h2>
        <AddToPlan householdId={householdId} date={day.date} activities={options} people={people} />
      </section>
    </div>
  );
}
