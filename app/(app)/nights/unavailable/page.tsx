import { requestNow } from "@/lib/clock";
import type { Metadata } from "next";
import Link from "next/link";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getNights, MAX_NIGHTS_PER_VIEW } from "@/lib/nights/read-nights";
import { currentOrNextNight } from "@/lib/nights/night-window";
import { canActForCaregiver, canActForOthers, canChangeUnavailability } from "@/lib/nights/rights";
import { stretchText } from "@/components/nights/format";
import { peopleById } from "@/components/nights/people";
import { PersonTag } from "@/components/nights/shift-chip";
import { RemoveUnavailability, UnavailabilityForm } from "@/components/nights/unavailability-form";
import type { TCaregiverOption } from "@/components/nights/shift-editor";
import { loadHousehold } from "@/lib/household/current";
import styles from "@/components/nights/nights.module.css";

export const metadata: Metadata = { title: "Nights someone can't do" };

export default async function UnavailablePage() {
  await requireMemberOrRedirect("/nights/unavailable");
  const { actor, membership, overview } = await loadHousehold();
  const { timeZone, nightStart, nightEnd } = overview.household;
  const tonight = currentOrNextNight(await requestNow(), timeZone, nightStart, nightEnd).date;
  // The coming six weeks of nights carry every stretch that touches them.
  const view = await getNights(actor, {
    householdId: membership.householdId,
    from: tonight,
    count: MAX_NIGHTS_PER_VIEW,
  });
  const who = peopleById([...view.caregivers, ...view.former]);

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
          <span aria-hidden="true">‹ </span>All nights
        </Link>
      </p>
      <div className="page-header">
        <h1>Nights someone can&apos;t do</h1>
        <p>
          A work trip, an early meeting, a night off that was promised: mark it here. The calendar shows it and the rota
          works around it.
        </p>
      </div>

      <section className="card" aria-labelledby="cant-heading">
        <h2 id="cant-heading">I can&apos;t do these nights</h2>
        {!canActForOthers(membership) ? (
          <p className="muted small">You can mark your own time. A parent can mark it for others.</p>
        ) : null}
        <UnavailabilityForm householdId={view.household.id} options={options} defaultFrom={tonight} />
      </section>

      <section className="card" aria-labelledby="coming-heading">
        <h2 id="coming-heading">Coming up</h2>
        <p className="muted small">The next six weeks.</p>
        {stretches.length ? (
          <ul className="list" data-testid="unavailable-list">
            {stretches.map((u) => {
              const person = who(u.caregiverId);
              const when = stretchText(u.start, u.end, timeZone);
              return (
                <li key={u.id} data-testid="unavailable-item">
                  <div>
                    <PersonTag person={person} showYou /> <span>can&apos;t: {when}</span>
                  </div>
                  {u.note ? <div className="small muted">{u.note}</div> : null}
                  {canChangeUnavailability(membership, u) ? (
                    <RemoveUnavailability
                      householdId={view.household.id}
                      id={u.id}
                      description={`${person.name}, ${when}`}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">No one has marked any time yet.</p>
        )}
      </section>
    </div>
  );
}
