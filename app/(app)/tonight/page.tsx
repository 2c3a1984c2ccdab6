import { requestNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/query-client";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { currentOrNextNight } from "@/lib/nights/night-window";
import { getTonight } from "@/lib/nights/read-nights";
import { getNightLog, tonightPart } from "@/lib/log/read-log";
import { logKeys } from "@/lib/log/query-keys";
import { MoonIcon } from "@/components/ui/icons";
import { TonightDuty, UpcomingNights } from "@/components/nights/tonight-duty";
import { NightLog } from "@/components/log/night-log";
import { TonightLogList } from "@/components/log/tonight-list";
import { AskSwap } from "@/components/log/swap-form";
import { SwapsWaiting } from "@/components/log/swaps-waiting";
import { mustAnswerSwap, swapAnswerer } from "@/lib/nights/rights";
import logStyles from "@/components/log/log.module.css";
import { TonightWarnings } from "@/components/balance/tonight-warnings";
import { detailsOf } from "@/lib/household/details";
import { ConnectTonightCard } from "@/components/connect/tonight-card";
import { MorningSummary } from "@/components/notes/morning-summary";
import { TonightHandoff } from "@/components/notes/handoff-card";
import { NurseryMode } from "@/components/nursery/nursery-mode";
import { QueryProvider } from "@/components/query-provider";
import { InstallHint } from "@/components/install/install-hint";
import { ThemeQuickSwitch } from "@/components/theme-quick-switch";
import { readThemeForRequest } from "@/lib/theme/server";
import { clockIn, durationShort, formatClock, listNames, longDay, shortDay } from "@/lib/format";

export const metadata: Metadata = { title: "Tonight" };

function greetingFor(now: Date, timeZone: string, name: string): string {
  const hour = Number(clockIn(now, timeZone).slice(0, 2));
  if (hour >= 5 && hour < 12) return `Good morning, ${name}.`;
  if (hour >= 12 && hour < 17) return `Good afternoon, ${name}.`;
  if (hour >= 17 && hour < 22) return `Good evening, ${name}.`;
  return `Hello, ${name}. Go gently tonight.`;
}

/** How long until the night starts or ends, never "0 min": 12_600_000 → "3 h 30 min". */
const untilText = (ms: number) => durationShort(Math.max(60_000, ms));

export default async function TonightPage() {
  const { actor, membership } = await requireMemberOrRedirect("/tonight");
  // The household's clock, names and babies from its cached details (no statement while cached);
  // Tonight shows no invites, so it does not read the household overview.
  const { household, babies, members } = await detailsOf(membership.householdId);

  const now = await requestNow();
  const { theme, palette } = await readThemeForRequest();
  const night = currentOrNextNight(now, household.timeZone, household.nightStart, household.nightEnd);
  const [nights, log] = await Promise.all([
    getTonight(actor, { householdId: membership.householdId }, now),
    getNightLog(actor, { householdId: membership.householdId }, now),
  ]);
  const meId = membership.caregiverId;
  const people = nights.caregivers.map((c) => ({ id: c.id, name: c.name, isMe: c.isMe, role: c.role }));
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? "someone";
  const swapOnShift = new Map(log.swaps.map((sw) => [sw.shiftId, sw]));
  const inProgress = now >= night.start;
  const babyNames = listNames(babies.map((b) => b.name));
  // The open wakings, tonight's log and tap-outs live in React Query on the client (live events change them).
  const queryClient = getQueryClient();
  queryClient.setQueryData(logKeys.tonight(membership.householdId), tonightPart(log));

  // The night card (who is on duty, "I'm up", the running waking) is in the first flush; the
  // secondary cards that read more (summary, warnings, Connect) stream in behind it.
  return (
    <div className="page tonight-page">
      <div className="page-header tonight-header">
        <h1>Tonight</h1>
        <p>{greetingFor(now, household.timeZone, actor.name)}</p>
      </div>

      <QueryProvider>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <div className="tonight-columns">
            <div className="tonight-main">
              <section className="card tonight-duty" aria-labelledby="duty-heading" data-nursery-keep>
                <h2 id="duty-heading">Who&apos;s on duty</h2>
                <TonightDuty
                  caregivers={nights.caregivers}
                  nights={nights.nights}
                  tonight={nights.tonight}
                  duty={nights.duty}
                  timeZone={household.timeZone}
                  now={now}
                />
              </section>

              <div data-nursery-keep>
                <NightLog
                  householdId={membership.householdId}
                  now={now.toISOString()}
                  timeZone={household.timeZone}
                  people={people}
                  onDutyNow={nights.duty.onDuty?.caregiverId === meId}
                />
              </div>

              <SwapsWaiting
                householdId={membership.householdId}
                swaps={log.swaps}
                meId={meId}
                timeZone={household.timeZone}
              />
            </div>

            <div className="tonight-more">
              {/* Nursery mode, the one-tap palette switch and the install hint (issue #9). */}
              <div className="nursery-tools" data-nursery-keep>
                <NurseryMode />
                <span className="nursery-tools" data-nursery-hide>
                  <ThemeQuickSwitch theme={theme} palette={palette} clock={household} />
                </span>
              </div>
              <InstallHint dismissible />

              <Suspense fallback={<CardFallback label="Last night" />}>
                <MorningSummary />
              </Suspense>

              <Suspense fallback={null}>
                <TonightHandoff tonight={nights.tonight} now={now} />
              </Suspense>

              <Suspense fallback={null}>
                <TonightWarnings actor={actor} householdId={membership.householdId} now={now} />
              </Suspense>

              <section className="card" aria-labelledby="log-list-heading">
                <TonightLogList
                  householdId={membership.householdId}
                  tonight={night.date}
                  timeZone={household.timeZone}
                  people={people}
                  me={{ caregiverId: meId, role: membership.role }}
                />
                <p className="small">
                  <Link href="/tonight/log" className={logStyles.moreLink}>
                    Earlier nights
                  </Link>
                </p>
              </section>

              <section className="card" aria-labelledby="night-heading">
                <span className="eyebrow">{inProgress ? "Tonight, now" : "Coming up"}</span>
                <h2 id="night-heading">Night of {longDay(night.date)}</h2>
                <p data-testid="night-window">
                  Tonight runs{" "}
                  <strong className="tabular">
                    {formatClock(household.nightStart)} → {formatClock(household.nightEnd)}
                  </strong>{" "}
                  <span className="muted">({household.timeZone})</span>
                </p>
                <p>
                  <span className="status-pill" data-testid="night-status">
                    <MoonIcon size={18} />
                    {inProgress
                      ? `In progress, ends in ${untilText(night.end.getTime() - now.getTime())}`
                      : `Starts in ${untilText(night.start.getTime() - now.getTime())}`}
                  </span>
                </p>
                <p>
                  {babies.length ? (
                    <>
                      Looking after <strong data-testid="baby-names">{babyNames}</strong>.
                    </>
                  ) : (
                    <>
                      No babies added yet.{" "}
                      <Link href="/household" className="button button-secondary">
                        Add your baby
                      </Link>
                    </>
                  )}
                </p>
              </section>

              <section className="card" aria-labelledby="upcoming-heading">
                <h2 id="upcoming-heading">The next few nights</h2>
                <UpcomingNights
                  caregivers={nights.caregivers}
                  nights={nights.nights.slice(1)}
                  timeZone={household.timeZone}
                  shiftExtra={(shift, n) => {
                    const pending = swapOnShift.get(shift.id);
                    const answerer = pending ? swapAnswerer(pending) : null;
                    return (
                      <AskSwap
                        quiet
                        householdId={membership.householdId}
                        people={people}
                        shift={{
                          id: shift.id,
                          caregiverId: shift.caregiverId,
                          day: shortDay(n.date),
                          start: clockIn(shift.start, household.timeZone),
                          end: clockIn(shift.end, household.timeZone),
                        }}
                        waiting={
                          pending && answerer
                            ? mustAnswerSwap(membership, pending)
                              ? "Swap waiting for your answer"
                              : `Swap waiting for ${nameOf(answerer)}`
                            : null
                        }
                      />
                    );
                  }}
                />
                <p className="small">
                  <Link href="/nights" className={logStyles.moreLink}>
                    All nights
                  </Link>
                </p>
              </section>

              <Suspense fallback={<CardFallback label="Together today" />}>
                <ConnectTonightCard actor={actor} householdId={membership.householdId} now={now} meId={meId} />
              </Suspense>

              {members.length === 1 && membership.role === "parent" ? (
                <section className="card" aria-labelledby="partner-heading">
                  <h2 id="partner-heading">Share the nights</h2>
                  <p>Right now it&apos;s just you in {household.name}. Invite your partner so you can take turns.</p>
                  <Link href="/household#invite" className="button">
                    Invite your partner
                  </Link>
                </section>
              ) : null}
            </div>
          </div>
        </HydrationBoundary>
      </QueryProvider>
    </div>
  );
}

/** A quiet placeholder while a secondary card streams in (no spinner, no layout jump to speak of). */
function CardFallback({ label }: { label: string }) {
  return (
    <div className="card card-fallback" aria-busy="true">
      <span className="eyebrow">{label}</span>
    </div>
  );
}
