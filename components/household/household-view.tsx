"use client";

import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  leaveHouseholdAction,
  removeMemberAction,
  revokeInviteAction,
  updateHouseholdAction,
} from "@/lib/household/actions";
import type { TResult } from "@/lib/errors";
import type { THouseholdOverview } from "@/lib/household/members";
import { AddBabyForm } from "@/components/household/add-baby-form";
import { BabyList } from "@/components/household/baby-list";
import { ROLE_LABELS } from "@/components/household/format";
import { HOUSEHOLD_FIELDS, HouseholdFields } from "@/components/household/household-fields";
import { InviteForm } from "@/components/household/invite-form";
import { fetchHouseholdOverview, householdOverviewKey } from "@/components/household/queries";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormError } from "@/components/ui/form-error";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { formError } from "@/components/ui/use-action-form";
import { formatClock, shortDateIn } from "@/lib/format";

type TAction<T> = (prev: null, form: FormData) => Promise<TResult<T> | null>;

const UNEXPECTED = "Something went wrong on our side. Please try again.";

function toFormData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
}

/**
 * A server action as a React Query mutation: the result comes back as a value
 * (shown beside the control), and the household query is refreshed after a
 * success so both this page and the other caregiver's view catch up.
 */
function useActionMutation<T>(householdId: string, action: TAction<T>, opts: { invalidate?: boolean } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (form: FormData): Promise<TResult<T>> => {
      const result = await action(null, form);
      return result ?? { ok: false, code: "invalid", message: UNEXPECTED };
    },
    onSuccess: async (result) => {
      if (result.ok && opts.invalidate !== false) {
        await queryClient.invalidateQueries({ queryKey: householdOverviewKey(householdId) });
      }
    },
  });
}

function mutationMessage(m: { data?: TResult<unknown>; error: Error | null }): string | undefined {
  if (m.error) return UNEXPECTED;
  if (m.data && !m.data.ok) return m.data.message;
  return undefined;
}

export function HouseholdView({ householdId, zones }: { householdId: string; zones: string[] }) {
  const query = useQuery({
    queryKey: householdOverviewKey(householdId),
    queryFn: () => fetchHouseholdOverview(householdId),
  });

  if (query.isPending) {
    return (
      <div role="status" aria-live="polite" className="stack">
        <span className="sr-only">Loading your household…</span>
        <div className="skeleton" style={{ height: "9rem" }} />
        <div className="skeleton" style={{ height: "6rem" }} />
      </div>
    );
  }

  if (query.isError) {
    return (
      <Notice tone="error" role="alert" testId="household-error">
        <p>{query.error.message}</p>
        <button type="button" className="button button-secondary" onClick={() => query.refetch()}>
          Try again
        </button>
      </Notice>
    );
  }

  const data = query.data;
  const isParent = data.me.role === "parent";

  return (
    <>
      <MembersSection data={data} isParent={isParent} />
      <BabiesSection data={data} isParent={isParent} />
      <InviteSection data={data} isParent={isParent} />
      <SettingsSection data={data} isParent={isParent} zones={zones} />
    </>
  );
}

type TSectionProps = { data: THouseholdOverview; isParent: boolean };

/* ---------- members ---------- */

function MembersSection({ data, isParent }: TSectionProps) {
  return (
    <section className="card" aria-labelledby="members-heading">
      <h2 id="members-heading">Members</h2>
      <ul className="list" data-testid="members">
        {data.members.map((m) => (
          <li key={m.caregiverId} data-testid="member">
            <div className="list-row">
              <div className="who">
                <strong>{m.name}</strong>
                {m.isMe ? <span> (you)</span> : null}{" "}
                <span className={`badge${m.role === "parent" ? " badge-parent" : ""}`}>{ROLE_LABELS[m.role]}</span>
                <div className="muted small">{m.email}</div>
              </div>
            </div>
            {m.isMe && data.members.length === 1 ? (
              <p className="small muted">You&apos;re the only member, so you can&apos;t leave yet.</p>
            ) : m.isMe ? (
              <LeaveHousehold householdId={data.household.id} householdName={data.household.name} />
            ) : isParent ? (
              <RemoveMember householdId={data.household.id} householdName={data.household.name} member={m} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A hard-to-undo household action behind a confirm step: the confirm button
 * runs the mutation and shows its pending label meanwhile, and the error (if
 * any) appears under it. The question closes when the action settles, unless
 * it succeeded and `onSuccess` takes the reader elsewhere.
 */
function ConfirmMutation<T>({
  householdId,
  action,
  invalidate,
  fields,
  trigger,
  question,
  detail,
  confirmLabel,
  pendingLabel,
  onSuccess,
}: {
  householdId: string;
  action: TAction<T>;
  invalidate?: boolean;
  fields: Record<string, string>;
  trigger: ReactNode;
  question: string;
  detail: string;
  confirmLabel: string;
  pendingLabel: string;
  onSuccess?: () => void;
}) {
  const [open, setOpen] = useState(false);
  const mutation = useActionMutation(householdId, action, { invalidate });
  return (
    <div className="member-actions">
      <ConfirmAction
        open={open}
        onOpenChange={setOpen}
        trigger={trigger}
        question={question}
        detail={detail}
        confirm={
          <button
            type="button"
            className="button button-danger"
            aria-disabled={mutation.isPending || undefined}
            onClick={() => {
              if (mutation.isPending) return;
              mutation.mutate(toFormData(fields), {
                onSuccess: (result) => {
                  if (result.ok) onSuccess?.();
                },
                onSettled: (result) => {
                  if (!result?.ok || !onSuccess) setOpen(false);
                },
              });
            }}
          >
            {mutation.isPending ? pendingLabel : confirmLabel}
          </button>
        }
      />
      <FormError message={mutationMessage(mutation)} />
    </div>
  );
}

function RemoveMember({
  householdId,
  householdName,
  member,
}: {
  householdId: string;
  householdName: string;
  member: THouseholdOverview["members"][number];
}) {
  return (
    <ConfirmMutation
      householdId={householdId}
      action={removeMemberAction}
      fields={{ householdId, caregiverId: member.caregiverId }}
      trigger={
        <>
          Remove<span className="sr-only"> {member.name}</span>
        </>
      }
      question={`Remove ${member.name} from ${householdName}?`}
      detail="They'll lose access straight away. You can invite them again later."
      confirmLabel="Yes, remove"
      pendingLabel="Removing…"
    />
  );
}

function LeaveHousehold({ householdId, householdName }: { householdId: string; householdName: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  return (
    <ConfirmMutation
      householdId={householdId}
      action={leaveHouseholdAction}
      invalidate={false}
      fields={{ householdId }}
      trigger="Leave household"
      question={`Leave ${householdName}?`}
      detail="You'll stop seeing its nights and notes. To come back, you'll need a new invite."
      confirmLabel="Yes, leave"
      pendingLabel="Leaving…"
      onSuccess={() => {
        queryClient.removeQueries({ queryKey: ["household", householdId] });
        router.replace("/onboarding");
      }}
    />
  );
}

/* ---------- babies ---------- */

function BabiesSection({ data, isParent }: TSectionProps) {
  const queryClient = useQueryClient();
  return (
    <section className="card" aria-labelledby="babies-heading">
      <h2 id="babies-heading">Babies</h2>
      <BabyList babies={data.babies} testId="babies" />
      {isParent ? (
        <div className="subsection">
          <h3>Add a baby</h3>
          <AddBabyForm
            householdId={data.household.id}
            onAdded={() => queryClient.invalidateQueries({ queryKey: householdOverviewKey(data.household.id) })}
          />
        </div>
      ) : null}
    </section>
  );
}

/* ---------- invites ---------- */

function InviteSection({ data, isParent }: TSectionProps) {
  const queryClient = useQueryClient();
  const tz = data.household.timeZone;
  return (
    <section className="card" id="invite" aria-labelledby="invite-heading" tabIndex={-1}>
      <h2 id="invite-heading">Invite someone</h2>
      {isParent ? (
        <>
          <p className="muted">Send your partner or a helper a link to join. Each link works once and lasts a week.</p>
          <InviteForm
            householdId={data.household.id}
            onCreated={() => queryClient.invalidateQueries({ queryKey: householdOverviewKey(data.household.id) })}
          />
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

function RevokeInvite({
  householdId,
  inviteId,
  description,
}: {
  householdId: string;
  inviteId: string;
  description: string;
}) {
  return (
    <ConfirmMutation
      householdId={householdId}
      action={revokeInviteAction}
      fields={{ householdId, inviteId }}
      trigger={
        <>
          Revoke<span className="sr-only"> {description}</span>
        </>
      }
      question="Revoke this invite?"
      detail="The link will stop working. You can always create a new one."
      confirmLabel="Yes, revoke"
      pendingLabel="Revoking…"
    />
  );
}

/* ---------- settings ---------- */

function SettingsSection({ data, isParent, zones }: TSectionProps & { zones: string[] }) {
  const { household } = data;
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Household settings</h2>
      {isParent ? (
        <HouseholdSettingsForm data={data} zones={zones} />
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

function HouseholdSettingsForm({ data, zones }: { data: THouseholdOverview; zones: string[] }) {
  const { household } = data;
  const formRef = useRef<HTMLFormElement>(null);
  const update = useActionMutation(household.id, updateHouseholdAction);
  const result = update.data ?? null;

  useEffect(() => {
    if (result && !result.ok) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [result]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    update.mutate(new FormData(event.currentTarget));
  }

  return (
    <form ref={formRef} onSubmit={onSubmit} className="form" noValidate aria-label="Household settings">
      <FormError message={update.error ? UNEXPECTED : formError(result, HOUSEHOLD_FIELDS)} />
      <input type="hidden" name="householdId" value={household.id} />
      <HouseholdFields
        defaults={{
          name: household.name,
          timeZone: household.timeZone,
          nightStart: formatClock(household.nightStart),
          nightEnd: formatClock(household.nightEnd),
        }}
        zones={zones}
        state={result}
      />
      <SubmitButton pending={update.isPending} pendingLabel="Saving…">
        Save changes
      </SubmitButton>
      <p role="status" className="small" data-testid="settings-status">
        {result?.ok && !update.isPending ? "Saved." : ""}
      </p>
    </form>
  );
}
