import { requestNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getNights, MAX_NIGHTS_PER_VIEW } from "@/lib/nights/read-nights";
import { currentOrNextNight } from "@/lib/nights/night-window";
import { canActForCaregiver, canActForOthers, canChangeUnavailability } from "@/lib/nights/rights";
import { stretchText } from "@/components/nights/format";
import { inReaderWords, peopleById } from "@/components/nights/people";
import { PersonTag } from "@/components/nights/shift-chip";
import { RemoveUnavailability, UnavailabilityForm } from "@/components/nights/unavailability-form";
import type { TCaregiverOption } from "@/components/nights/shift-editor";
import { loadHousehold } from "@/lib/household/current";
import styles from "@/components/nights/nights.module.css";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nights");
  return { title: t("unavailable.title") };
}

export default async function UnavailablePage() {
  await requireMemberOrRedirect("/nights/unavailable");
  const [t, f, text] = await Promise.all([getTranslations("nights"), getFormat(), getText()]);
  const { actor, membership, overview } = await loadHousehold();
  const { timeZone, nightStart, nightEnd } = overview.household;
  const tonight = currentOrNextNight(await requestNow(), timeZone, nightStart, nightEnd).date;
  // The coming six weeks of nights carry every stretch that touches them.
  const view = await getNights(actor, {
    householdId: membership.householdId,
    from: tonight,
    count: MAX_NIGHTS_PER_VIEW,
  });
  const who = peopleById(inReaderWords([...view.caregivers, ...view.former], text), t("people.someoneWhoLeft"));

  const seen = new Set<string>();
  const stretches = view.nights
    .flatMap((n) => n.unavailable)
    .filter((u) => (seen.has(u.id) ? false : (seen.add(u.id), true)))
    .sort((a, b) => a.start.localeCompare(b.start));

  const options: TCaregiverOption[] = view.caregivers
    .filter((c) => canActForCaregiver(membership, c.id))
    .map((c) => ({ id: c.id, name: c.name, isMe: c.isMe }));

  return (
    <div className="page">
      <p className={styles.backLink}>
        <Link href="/nights">
          <span aria-hidden="true">‹ </span>
          {t("allNights")}
        </Link>
      </p>
      <div className="page-header">
        <h1>{t("unavailable.title")}</h1>
        <p>{t("unavailable.intro")}</p>
      </div>

      <section className="card" aria-labelledby="cant-heading">
        <h2 id="cant-heading">{t("unavailable.formLabel")}</h2>
        {!canActForOthers(membership) ? <p className="muted small">{t("unavailable.ownOnly")}</p> : null}
        <UnavailabilityForm householdId={view.household.id} options={options} defaultFrom={tonight} />
      </section>

      <section className="card" aria-labelledby="coming-heading">
        <h2 id="coming-heading">{t("unavailable.comingUp")}</h2>
        <p className="muted small">{t("unavailable.comingUpHint")}</p>
        {stretches.length ? (
          <ul className="list" data-testid="unavailable-list">
            {stretches.map((u) => {
              const person = who(u.caregiverId);
              const when = stretchText(u.start, u.end, timeZone, t, f);
              return (
                <li key={u.id} data-testid="unavailable-item">
                  <div>
                    <PersonTag person={person} showYou /> <span>{t("away.when", { when })}</span>
                  </div>
                  {u.note ? <div className="small muted">{u.note}</div> : null}
                  {canChangeUnavailability(membership, u) ? (
                    <RemoveUnavailability
                      householdId={view.household.id}
                      id={u.id}
                      description={t("unavailable.description", { name: person.name, when })}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t("unavailable.none")}</p>
        )}
      </section>
    </div>
  );
}
