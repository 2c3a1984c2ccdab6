import { useTranslations } from "next-intl";
import { removeMemberAction } from "@/lib/household/actions";
import { useServerFormat } from "@/components/format-provider";
import type { TDeletionShown } from "@/lib/household/current";
import { DELETION_GRACE_DAYS } from "@/lib/household/deletion";
import type { THouseholdOverview } from "@/lib/household/members";
import { canDeleteHousehold, canManageHousehold, canRemoveMember, whyCantLeave } from "@/lib/household/rights";
import { AddBabyForm } from "@/components/household/add-baby-form";
import { BabyList } from "@/components/household/baby-list";
import { LeaveHousehold, RevokeInvite } from "@/components/household/confirm-step";
import { CancelDeletionButton, DeleteHouseholdForm } from "@/components/household/deletion";
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
  const t = useTranslations("household");
  const { household, me, members } = data;
  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">{t("members.heading")}</h2>
      <ul className="list" data-testid="members">
        {members.map((m) => (
          <li key={m.caregiverId} data-testid="member">
            <div className="list-row">
              <div className="who">
                <strong>{m.name}</strong>
                {m.isMe ? <span> {t("members.you")}</span> : null}{" "}
                <span className={`badge${m.role === "parent" ? " badge-parent" : ""}`}>
                  {t("role", { role: m.role })}
                </span>
                <div className="muted small">{m.email}</div>
              </div>
            </div>
            {!m.isMe && canRemoveMember(me, m) ? (
              <div className="member-actions">
                <ConfirmRemove
                  action={removeMemberAction}
                  what={m.name}
                  question={t("members.removeQuestion", { name: m.name, household: household.name })}
                  detail={t("members.removeDetail")}
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
  const t = useTranslations("household.babies");
  return (
    <section className="card" aria-labelledby="babies-heading">
      <h2 id="babies-heading">{t("heading")}</h2>
      <BabyList babies={data.babies} testId="babies" />
      {canManageHousehold(data.me) ? (
        <div className="subsection">
          <h3>{t("addHeading")}</h3>
          <AddBabyForm householdId={data.household.id} />
        </div>
      ) : null}
    </section>
  );
}

/* ---------- invites ---------- */

function InviteSection({ data }: TProps) {
  const t = useTranslations("household.invites");
  const f = useServerFormat();
  const tz = data.household.timeZone;
  return (
    <section className="card" id="invite" aria-labelledby="invite-heading" tabIndex={-1}>
      <h2 id="invite-heading">{t("heading")}</h2>
      {canManageHousehold(data.me) ? (
        <>
          <p className="muted">{t("intro")}</p>
          <InviteForm householdId={data.household.id} timeZone={tz} />
          <div className="subsection">
            <h3>{t("pendingHeading")}</h3>
            {data.pendingInvites.length ? (
              <ul className="list" data-testid="pending-invites">
                {data.pendingInvites.map((i) => (
                  <li key={i.id}>
                    <div className="list-row">
                      <span className="who">
                        <strong>{t("inviteRole", { role: i.role })}</strong>
                        <span className="muted small">
                          {" "}
                          {t("fromExpires", { name: i.createdBy, date: f.shortDateIn(i.expiresAt, tz) })}
                        </span>
                      </span>
                    </div>
                    <RevokeInvite
                      householdId={data.household.id}
                      inviteId={i.id}
                      description={t("description", {
                        role: i.role,
                        name: i.createdBy,
                        date: f.shortDateIn(i.expiresAt, tz),
                      })}
                    />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("none")}</p>
            )}
          </div>
        </>
      ) : (
        <p className="muted">{t("parentsOnly")}</p>
      )}
    </section>
  );
}

/* ---------- settings ---------- */

function SettingsSection({ data, zones }: TProps & { zones: string[] }) {
  const t = useTranslations("household.settings");
  const f = useServerFormat();
  const { household } = data;
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t("heading")}</h2>
      {canManageHousehold(data.me) ? (
        <HouseholdSettingsForm household={household} zones={zones} />
      ) : (
        <dl className="details">
          <div>
            <dt>{t("name")}</dt>
            <dd>{household.name}</dd>
          </div>
          <div>
            <dt>{t("nights")}</dt>
            <dd>
              {t("nightsValue", {
                start: f.formatClock(household.nightStart),
                end: f.formatClock(household.nightEnd),
                timeZone: household.timeZone,
              })}
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
  const t = useTranslations("household.leave");
  const { household, me, members } = data;
  return (
    <section className="leave-section" aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t("heading", { name: household.name })}</h2>
      {whyCantLeave(me, members) === "only member" ? (
        <p className="small muted">{t("onlyMember")}</p>
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
  const t = useTranslations("household.delete");
  const f = useServerFormat();
  const { household, me } = data;
  if (!canDeleteHousehold(me)) return null;
  return (
    <section className="leave-section delete-section stack" id="delete" aria-labelledby="delete-heading" tabIndex={-1}>
      <h2 id="delete-heading">{t("heading")}</h2>
      {deletion ? (
        <>
          <p data-testid="deletion-scheduled">
            {t("scheduled", {
              name: deletion.requestedBy,
              household: household.name,
              date: f.longDayTimeIn(deletion.dueAt, household.timeZone),
            })}
          </p>
          <CancelDeletionButton householdId={household.id} />
        </>
      ) : (
        <>
          <p className="small">{t("explain", { household: household.name, days: DELETION_GRACE_DAYS })}</p>
          <p className="small">
            {t.rich("download", {
              link: (chunks) => (
                <a className="icon-link" href="/api/export?format=json" download>
                  {chunks}
                </a>
              ),
            })}
          </p>
          <DeleteHouseholdForm householdId={household.id} householdName={household.name} />
        </>
      )}
    </section>
  );
}
