import { requestNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
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
import { getFormat } from "@/lib/i18n/format-server";
import type { TFormat } from "@/lib/format";
import { clockValueMinutes } from "@/components/log/format";
import { clockValueIn } from "@/lib/time/local-time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tonight");
  return { title: t("title") };
}

/** The time of day, for the greeting's select: morning, afternoon, evening, or night. */
function partOfDay(now: Date, timeZone: string): "morning" | "afternoon" | "evening" | "night" {
  const hour = Math.floor((clockValueMinutes(clockValueIn(now.toISOString(), timeZone)) ?? 0) / 60);
  if (hour >= 5 && hour < 12) return "morning";
  if (hour >= 12 && hour < 17) return "afternoon";
  if (hour >= 17 && hour < 22) return "evening";
  return "night";
}

/** How long until the night starts or ends, never "0 min": 12_600_000 → "3 h 30 min". */
const untilText = (f: TFormat, ms: number) => f.durationShort(Math.max(60_000, ms));

export default async function TonightPage() {
  const { actor, membership } = await requireMemberOrRedirect("/tonight");
  const t = await getTranslations("tonight");
  const f = await getFormat();
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
  // "Swap waiting for Alex" (or "for someone", when they are no longer in the household).
  const swapWaitingFor = (id: string) => {
    const name = people.find((p) => p.id === id)?.name;
    return t("upcoming.swapWaitingFor", { known: name ? "yes" : "no", name: name ?? "" });
  };
  const swapOnShift = new Map(log.swaps.map((sw) => [sw.shiftId, sw]));
  const inProgress = now >= night.start;
  const babyNames = f.listNames(babies.map((b) => b.name));
  // The open wakings, tonight's log and tap-outs live in React Query on the client (live events change them).
  const queryClient = getQueryClient();
  queryClient.setQueryData(logKeys.tonight(membership.householdId), tonightPart(log));

  // The night card (who is on duty, "I'm up", the running waking) is in the first flush; the
  // secondary cards that read more (summary, warnings, Connect) stream in behind it.
  return (
    <div className="page tonight-page">
      <div className="page-header tonight-header">
        <h1>{t("heading")}</h1>
        <p>{t("greeting", { part: partOfDay(now, household.timeZone), name: actor.name })}</p>
      </div>

      <QueryProvider>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <div className="tonight-columns">
            <div className="tonight-main">
              <section className="card tonight-duty" aria-labelledby="duty-heading" data-nursery-keep>
                <h2 id="duty-heading">{t("duty")}</h2>
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

              <Suspense fallback={<CardFallback label={t("fallback.lastNight")} />}>
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
                    {t("earlierNights")}
                  </Link>
                </p>
              </section>

              <section className="card" aria-labelledby="night-heading">
                <span className="eyebrow">{inProgress ? t("night.now") : t("night.comingUp")}</span>
                <h2 id="night-heading">{t("night.heading", { day: f.longDay(night.date) })}</h2>
                <p data-testid="night-window">
                  {t.rich("night.runs", {
                    start: f.formatClock(household.nightStart),
                    end: f.formatClock(household.nightEnd),
                    timeZone: household.timeZone,
                    strong: (chunks) => <strong className="tabular">{chunks}</strong>,
                    muted: (chunks) => <span className="muted">{chunks}</span>,
                  })}
                </p>
                <p>
                  <span className="status-pill" data-testid="night-status">
                    <MoonIcon size={18} />
                    {inProgress
                      ? t("night.endsIn", { duration: untilText(f, night.end.getTime() - now.getTime()) })
                      : t("night.startsIn", { duration: untilText(f, night.start.getTime() - now.getTime()) })}
                  </span>
                </p>
                <p>
                  {babies.length
                    ? t.rich("night.lookingAfter", {
                        names: babyNames,
                        strong: (chunks) => <strong data-testid="baby-names">{chunks}</strong>,
                      })
                    : t.rich("night.noBabies", {
                        link: (chunks) => (
                          <Link href="/household" className="button button-secondary">
                            {chunks}
                          </Link>
                        ),
                      })}
                </p>
              </section>

              <section className="card" aria-labelledby="upcoming-heading">
                <h2 id="upcoming-heading">{t("upcoming.heading")}</h2>
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
                          day: f.shortDay(n.date),
                          start: clockValueIn(shift.start, household.timeZone),
                          end: clockValueIn(shift.end, household.timeZone),
                        }}
                        waiting={
                          pending && answerer
                            ? mustAnswerSwap(membership, pending)
                              ? t("upcoming.swapWaitingYou")
                              : swapWaitingFor(answerer)
                            : null
                        }
                      />
                    );
                  }}
                />
                <p className="small">
                  <Link href="/nights" className={logStyles.moreLink}>
                    {t("upcoming.allNights")}
                  </Link>
                </p>
              </section>

              <Suspense fallback={<CardFallback label={t("fallback.together")} />}>
                <ConnectTonightCard actor={actor} householdId={membership.householdId} now={now} meId={meId} />
              </Suspense>

              {members.length === 1 && membership.role === "parent" ? (
                <section className="card" aria-labelledby="partner-heading">
                  <h2 id="partner-heading">{t("partner.heading")}</h2>
                  <p>{t("partner.body", { household: household.name })}</p>
                  <Link href="/household#invite" className="button">
                    {t("partner.invite")}
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
