import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { signUp } from "@/lib/account/sign-up";
import { resolveActor } from "@/lib/auth/session";
import type { TActor } from "@/lib/auth/actor";
import { createHousehold } from "@/lib/household/create-household";
import { acceptInvite, createInvite } from "@/lib/household/invites";
import { fakeRequest } from "./request";
import { recordDump } from "./describe-endpoint";

export type TTestUser = { id: string; email: string; password: string; name: string };

export const PASSWORD = "correct horse battery staple";

export async function makeUser(name = "Sam", password = PASSWORD): Promise<TTestUser> {
  const email = `${name.toLowerCase()}-${randomBytes(4).toString("hex")}@example.com`;
  const { id } = await signUp({ name, email, password });
  return { id, email, password, name };
}

export async function actorOf(user: TTestUser): Promise<TActor> {
  const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  const actor = await resolveActor({ userId: user.id, sessionVersion: row.sessionVersion });
  if (!actor) throw new Error("test user has no actor");
  return actor;
}

/** Makes the next server action calls come from this user's (current) session; null = signed out. */
export async function signInAs(user: TTestUser | null): Promise<void> {
  if (!user) {
    fakeRequest.claims = null;
    return;
  }
  const row = await getDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { sessionVersion: true } });
  fakeRequest.claims = { userId: user.id, sessionVersion: row.sessionVersion };
}

export const HOUSEHOLD_INPUT = {
  name: "Test household",
  timeZone: "Europe/Berlin",
  nightStart: "19:00",
  nightEnd: "07:00",
};

export async function makeHousehold(parent: TTestUser, name = "Test household"): Promise<string> {
  const { householdId } = await createHousehold(await actorOf(parent), { ...HOUSEHOLD_INPUT, name });
  return householdId;
}

export function tokenOf(path: string): string {
  return path.split("/").pop()!;
}

export async function join(householdId: string, inviter: TTestUser, who: TTestUser, role: "parent" | "helper") {
  const invite = await createInvite(await actorOf(inviter), { householdId, role });
  await acceptInvite(await actorOf(who), { token: tokenOf(invite.path) });
}

/** Two parents and a helper in one household. */
export async function makeFamily(label = "A") {
  const parent = await makeUser(`Parent${label}`);
  const partner = await makeUser(`Partner${label}`);
  const helper = await makeUser(`Helper${label}`);
  const householdId = await makeHousehold(parent, `Household ${label}`);
  await join(householdId, parent, partner, "parent");
  await join(householdId, parent, helper, "helper");
  return { parent, partner, helper, householdId };
}

export async function caregiverIdOf(user: TTestUser): Promise<string> {
  const c = await getDb().caregiver.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } });
  return c.id;
}

/**
 * Every row of every application table (new tables included automatically),
 * for "nothing was written" assertions. The throttle's counters are left out.
 */
export async function dumpTables(): Promise<Record<string, unknown[]>> {
  const tables = await getDb().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('_prisma_migrations', 'rate_limits') ORDER BY 1`;
  const out: Record<string, unknown[]> = {};
  for (const { tablename } of tables) {
    const rows = await getDb().$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${tablename}" ORDER BY 1`);
    // bigint columns (live_events.id) as strings, so the dump can be JSON.stringified.
    out[tablename] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : v])),
    );
  }
  recordDump(out);
  return out;
}

export function toForm(values: Record<string, string | undefined>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) f.set(k, v);
  return f;
}
