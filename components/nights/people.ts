import type { TNightCaregiver } from "@/lib/nights/read-nights";

export type TPerson = Pick<TNightCaregiver, "id" | "name" | "colour" | "isMe" | "role">;

const SOMEONE: Omit<TPerson, "id" | "name"> = { colour: 0, isMe: false, role: "helper" };

/**
 * Caregivers by id; a shift of someone who has since left still gets a name:
 * `leftName`, the reader's words for it (t("nights.people.someoneWhoLeft")).
 */
export function peopleById(caregivers: TPerson[], leftName: string) {
  const map = new Map(caregivers.map((c) => [c.id, c]));
  return (id: string): TPerson => map.get(id) ?? { ...SOMEONE, id, name: leftName };
}

/**
 * The people with their names in the reader's words (`text`: getText/useText):
 * someone whose account was deleted is named by a message reference, "a former
 * caregiver" (lib/household/caregiver-name.ts); other names pass through.
 */
export function inReaderWords<P extends { name: string }>(people: readonly P[], text: (s: string) => string): P[] {
  return people.map((p) => ({ ...p, name: text(p.name) }));
}

type TAwayInput = { start: string; end: string; unavailable: { caregiverId: string; start: string; end: string }[] };

/**
 * Who can't do (part of) a night, once per person: "whole" when their time
 * covers the whole night; otherwise the part, clipped to the night.
 */
export function awayOn(night: TAwayInput): { caregiverId: string; whole: boolean; start: string; end: string }[] {
  const byPerson = new Map<string, { start: string; end: string }>();
  for (const u of night.unavailable) {
    const start = u.start > night.start ? u.start : night.start;
    const end = u.end < night.end ? u.end : night.end;
    const seen = byPerson.get(u.caregiverId);
    byPerson.set(
      u.caregiverId,
      seen ? { start: seen.start < start ? seen.start : start, end: seen.end > end ? seen.end : end } : { start, end },
    );
  }
  return [...byPerson.entries()].map(([caregiverId, r]) => ({
    caregiverId,
    whole: r.start <= night.start && r.end >= night.end,
    ...r,
  }));
}
