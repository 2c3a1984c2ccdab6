import { removeMemberAction } from "@/lib/household/actions";
import { formatClock, longDayTimeIn, shortDateIn } from "@/lib/format";
import type { TDeletionShown } from "@/lib/household/current";
import { DELETION_GRACE_DAYS } from "@/lib/household/deletion";
import type { THouseholdOverview } from "@/lib/household/members";
import { canDeleteHousehold, canManageHousehold, canRemoveMember, whyCantLeave } from "@/lib/household/rights";
import { AddBabyForm } from "@/components/household/add-baby-form";
import { BabyList } from "@/components/household/baby-list";
import { LeaveHousehold, RevokeInvite } from "@/components/household/confirm-step";
import { CancelDeletionButton, DeleteHouseholdForm } from "@/components/household/deletion";
import { ROLE_LABELS } from "@/components/household/format";
import { InviteForm } from "@/components/household/invite-form";
import { HouseholdSettingsForm } from "@/components/household/settings-form";
import { ConfirmRemove } from "@/components/ui/confirm-remove";

type TProps = { data: THouseholdOverview };

/**
 * The household page, rendered on the server: members, babies, invites and
 * settings. What each person may change comes from lib/household/rights; the
 * forms are small client islands, and every change revalidates the page.
 */
export function HouseholdView({
  data,
  zones,
  deletion,
}: TProps & { zones: string[]; deletion: TDeletionShown | null }) {
  return (
    <>
      <MembersSection data={data} />
      <BabiesSection data={data} />
      <InviteSection data={data} />
      <SettingsSection data={data} zones={zones} />
      <LeaveSection data={data} />
      <DeleteSection data={data} deletion={deletion} />
    </>
  );
}

/* ---------- members ---------- */

function MembersSection({ data }: TProps) {
  const { household, me, members } = data;
  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <ul className="list" data-testid="members">
        {members.map((m) => (
          <li key={m.caregiverId} data-testid="member">
            <div className="list-row">
              <div className="who">
                <strong>{m.name}</strong>
                {m.isMe ? <span> (you)</span> : null}{" "}
                <span className={`badge${m.role === "parent" ? " badge-parent" : ""}`}>{ROLE_LABELS[m.role]}</span>
                <div className="muted small">{m.email}</div>
              </div>
            </div>
            {!m.isMe && canRemoveMember(me, m) ? (
              <div className="member-actions">
                <ConfirmRemove
                  action={removeMemberAction}
                  what={m.name}
                  question={`Remove ${m.name} from ${household.name}?`}
                  detail="They'll lose access straight away. You can invite them again later."
                  fields={{ householdId: household.id, caregiverId: m.caregiverId }}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/* ---------- babies ---------- */

function BabiesSection({ data }: TProps) {
  return (
    <section className="card" aria-labelledby="babies-heading">
      <h2 id="babies-heading">Babies</h2>
      <BabyList babies={data.babies} testId="babies" />
      {canManageHousehold(data.me) ? (
        <div className="subsection">
          <h3>Add a baby</h3>
          <AddBabyForm householdId={data.household.id} />
        </div>
      ) : null}
    </section>
  );
}

/* ---------- invites ---------- */

function InviteSection({ data }: TProps) {
  const tz = data.household.timeZone;
  return (
    <section className="card" id="invite" aria-labelledby="invite-heading" tabIndex={-1}>
      <h2 id="invite-heading">Invite someone</h2>
      {canManageHousehold(data.me) ? (
        <>
          <p className="muted">Send your partner or a helper a link to join. Each link works once and lasts a week.</p>
          <InviteForm householdId={data.household.id} timeZone={tz} />
          <div className="subsection">
            <h3>Pending invites</h3>
            {data.pendingInvites.length ? (
              <ul className="list" data-testid="pending-invites">
                {data.pendingInvites.map((i) => (
                  <li key={i.id}>
                    <div className="list-row">
                      <span className="who">
                        <strong>{ROLE_LABELS[i.role]} invite</strong>
                        <span className="muted small">
                          {" "}
                          from {i.createdBy}, expires {shortDateIn(i.expiresAt, tz)}
                        </span>
                      </span>
                    </div>
                    <RevokeInvite
                      householdId={data.household.id}
                      inviteId={i.id}
                      description={`${ROLE_LABELS[i.role].toLowerCase()} invite from ${i.createdBy}, expires ${shortDateIn(i.expiresAt, tz)}`}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No pending invites.</p>
            )}
          </div>
        </>
      ) : (
        <p className="muted">
          Only parents can invite people. Ask a parent in your household if someone else should join.
        </p>
      )}
    </section>
  );
}

/* ---------- settings ---------- */

function SettingsSection({ data, zones }: TProps & { zones: string[] }) {
  const { household } = data;
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Household settings</h2>
      {canManageHousehold(data.me) ? (
        <HouseholdSettingsForm household={household} zones={zones} />
      ) : (
        <dl className="details">
          <div>
            <dt>Name</dt>
            <dd>{household.name}</dd>
          </div>
          <div>
            <dt>Nights</dt>
            <dd>
              {formatClock(household.nightStart)} → {formatClock(household.nightEnd)} ({household.timeZone})
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

/* ---------- leaving ---------- */

/**
 * Last on the page and quiet (a red text button that asks first), not the
 * first button under your own name.
 */
function LeaveSection({ data }: TProps) {
  const { household, me, members } = data;
  return (
    <section className="leave-section" aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leaving {household.name}</h2>
      {whyCantLeave(me, members) === "only member" ? (
        <p className="small muted">
          You&apos;re the only member, so you can&apos;t leave. To close the household, delete it below.
        </p>
      ) : (
        // The last parent among several sees the button; the server says why not.
        <LeaveHousehold householdId={household.id} householdName={household.name} />
      )}
    </section>
  );
}

/* ---------- deleting ---------- */

/**
 * The last thing on the page, for parents: what deleting does, the export to
 * take first, and the name to type. While a deletion is scheduled it says
 * when, with the way back (the banner above every page says it too).
 */
function DeleteSection({ data, deletion }: TProps & { deletion: TDeletionShown | null }) {
  const { household, me } = data;
  if (!canDeleteHousehold(me)) return null;
  return (
    <section className="leave-section delete-section stack" id="delete" aria-labelledby="delete-heading" tabIndex={-1}>
      <h2 id="delete-heading">Delete household</h2>
      {deletion ? (
        <>
          <p data-testid="deletion-scheduled">
            {deletion.requestedBy} asked to delete {household.name}. It will be deleted on{" "}
            {longDayTimeIn(deletion.dueAt, household.timeZone)}, unless a parent cancels.
          </p>
          <CancelDeletionButton householdId={household.id} />
        </>
      ) : (
        <>
          <p className="small">
            Deleting {household.name} removes its nights, wakings, notes, check-ins and plans for everyone in it. It
            happens {DELETION_GRACE_DAYS} days after you ask: until then every member sees when, the others get an
            email, and any parent can cancel. Everyone keeps their account and can start or join another household.
          </p>
          <p className="small">
            <a className="icon-link" href="/api/export?format=json" download>
              Download our data
            </a>{" "}
            first if you&apos;d like to keep a copy.
          </p>
          <DeleteHouseholdForm householdId={household.id} householdName={household.name} />
        </>
      )}
    </section>
  );
}
