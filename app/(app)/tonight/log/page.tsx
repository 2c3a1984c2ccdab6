import { requestNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getNightLog, type TWakingView } from "@/lib/log/read-log";
import { currentOrNextNight } from "@/lib/nights/night-window";
import { NightLogList } from "@/components/log/night-list";
import { loadHousehold } from "@/lib/household/current";
import { detailsOf } from "@/lib/household/details";
import nightStyles from "@/components/nights/nights.module.css";
import styles from "@/components/log/log.module.css";
import { minutesBetween } from "@/lib/format";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tonight.recent");
  return { title: t("title") };
}

/** Minutes awake: each waking from "I'm up" to "back to sleep" (one still open counts until now). */
function minutesAwake(wakings: TWakingView[], now: Date): number {
  return wakings.reduce((sum, w) => sum + minutesBetween(w.startedAt, w.endedAt ?? now), 0);
}

/** "Sam 2 (35 min), Alex 1 (12 min)": who got up, in the order of how much. */
function byResponder(wakings: TWakingView[], now: Date, meId: string, text: (s: string) => string) {
  const map = new Map<string, { id: string; name: string; isMe: boolean; count: number; minutes: number }>();
  for (const w of wakings) {
    const r = map.get(w.responderId) ?? {
      id: w.responderId,
      // A name, or "a former caregiver" as a message reference (lib/household/caregiver-name.ts).
      name: text(w.responderName),
      isMe: w.responderId === meId,
      count: 0,
      minutes: 0,
    };
    r.count += 1;
    r.minutes += minutesBetween(w.startedAt, w.endedAt ?? now);
    map.set(w.responderId, r);
  }
  return [...map.values()].sort((a, b) => b.minutes - a.minutes);
}

export default async function RecentNightsPage() {
  await requireMemberOrRedirect("/tonight/log");
  const t = await getTranslations("tonight.recent");
  const [f, text] = await Promise.all([getFormat(), getText()]);
  const { actor, membership, overview } = await loadHousehold();
  const now = await requestNow();
  const log = await getNightLog(actor, { householdId: membership.householdId }, now);
  const { timeZone, nightStart, nightEnd } = overview.household;
  // In the daytime the night that ended this morning is "last night" (the read
  // model files it as the current night); during a night, the one before it is.
  const inProgress = currentOrNextNight(now, timeZone, nightStart, nightEnd).date === log.night;
  // No night from before the household existed (one read of the cached details).
  const { firstNight } = await detailsOf(membership.householdId);
  const nights = (inProgress ? log.recent : [{ night: log.night, wakings: log.wakings }, ...log.recent]).filter(
    (n) => n.night >= firstNight,
  );
  const lastNight = nights[0]?.night;
  const showBaby = log.babies.length > 1;
  const caregivers = overview.members.map((m) => ({
    id: m.caregiverId,
    name: m.name,
    isMe: m.caregiverId === membership.caregiverId,
  }));

  return (
    <div className="page">
      <p className={nightStyles.backLink}>
        <Link href="/tonight">
          <span aria-hidden="true">‹ </span>
          {t("back")}
        </Link>
      </p>
      <div className="page-header">
        <h1>{t("heading")}</h1>
        <p>{t("intro")}</p>
      </div>

      {nights.every((n) => n.wakings.length === 0) ? (
        <p className="card" data-testid="recent-nights-empty">
          {t("empty")}
        </p>
      ) : (
        <ol className={styles.nights} aria-label={t("listLabel")}>
          {nights.map(({ night, wakings }) => {
            const minutes = minutesAwake(wakings, now);
            const people = byResponder(wakings, now, membership.caregiverId, text);
            const headingId = `night-${night}`;
            return (
              <li key={night}>
                <section className="card" aria-labelledby={headingId} data-testid="recent-night" data-night={night}>
                  {night === lastNight ? <span className="eyebrow">{t("lastNight")}</span> : null}
                  <div className={styles.nightHead}>
                    <h2 id={headingId}>{t("nightOf", { day: f.longDay(night, now.getUTCFullYear()) })}</h2>
                    <p className={styles.totals} data-testid="night-totals">
                      {wakings.length
                        ? t("totals", { count: wakings.length, duration: f.minutesText(minutes) })
                        : t("noWakings")}
                    </p>
                  </div>
                  {people.length > 1 ? (
                    <p className={`small muted ${styles.perPerson}`}>
                      {people.map((p, i) => (
                        <span key={p.id}>
                          {i ? " · " : ""}
                          {t("perPerson", {
                            isMe: p.isMe ? "yes" : "no",
                            name: p.name,
                            count: p.count,
                            duration: f.minutesText(p.minutes),
                          })}
                        </span>
                      ))}
                    </p>
                  ) : null}
                  <NightLogList
                    householdId={membership.householdId}
                    wakings={wakings}
                    timeZone={timeZone}
                    people={caregivers}
                    me={membership}
                    showBaby={showBaby}
                    testId="recent-night-list"
                    empty={t("quietNight")}
                  />
                </section>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
