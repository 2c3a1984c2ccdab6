// A time of day posts as two selects (components/ui/clock-field.tsx): `name.h`
// and `name.m`. formToObject joins them before any schema reads the form;
// hostile parts are refused with the field's message and write nothing.
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { createHouseholdAction } from "@/lib/household/actions";
import { joinClockParts } from "@/lib/time/clock-parts";
import { formToObject } from "@/lib/validation";
import { makeUser, signInAs } from "../helpers/factories";

vi.mock("@/lib/auth/config", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));

function form(fields: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

describe("joining a clock's parts", () => {
  it.each([
    [{ "at.h": "19", "at.m": "5" }, { at: "19:05" }],
    [{ "at.h": "0", "at.m": "0" }, { at: "00:00" }],
    [{ "at.h": "7", "at.m": "" }, { at: "07:00" }],
    [{ "at.h": "", "at.m": "" }, { at: "" }],
    [{ "at.h": "", "at.m": "30" }, { at: ":30" }],
    [{ "at.h": "abc", "at.m": "1" }, { at: "abc:01" }],
    [{ "at.h": "19" }, { at: "19:00" }],
    [{ at: "06:15", "at.h": "19", "at.m": "0" }, { at: "06:15" }],
    [{ "at.m": "30" }, { "at.m": "30" }],
  ])("%j → %j", (input, expected) => {
    const out: Record<string, string | string[]> = { ...input };
    joinClockParts(out);
    expect(out).toEqual(expected);
  });

  it("leaves a repeated part to the schema (no time), never a TypeError", () => {
    const f = form({ "at.h": "1", "at.m": "2" });
    f.append("at.h", "3");
    expect(formToObject(f)).toEqual({});
  });
});

describe("a household's night window from the two selects", () => {
  const base = { name: "Ada's", timeZone: "Europe/London" };

  it("stores the times the selects chose", async () => {
    const u = await makeUser("Ada");
    await signInAs(u);
    const res = await createHouseholdAction(
      null,
      form({ ...base, "nightStart.h": "20", "nightStart.m": "30", "nightEnd.h": "6", "nightEnd.m": "15" }),
    );
    expect(res).toMatchObject({ ok: true });
    const h = await getDb().household.findFirstOrThrow({ where: { caregivers: { some: { userId: u.id } } } });
    expect(h).toMatchObject({ nightStart: 20 * 60 + 30, nightEnd: 6 * 60 + 15 });
  });

  it.each([
    [{ "nightStart.h": "24", "nightStart.m": "0" }],
    [{ "nightStart.h": "", "nightStart.m": "30" }],
    [{ "nightStart.h": "7", "nightStart.m": "60" }],
    [{ "nightStart.h": "-1", "nightStart.m": "0" }],
    [{ "nightStart.h": "x".repeat(10_000), "nightStart.m": "0" }],
    [{ "nightStart.h": "7\u0000", "nightStart.m": "0" }],
    [{ "nightStart.h": "7", "nightStart.m": "1e1" }],
  ])("refuses %j with the field's message and writes nothing", async (parts) => {
    const u = await makeUser("Bo");
    await signInAs(u);
    const res = await createHouseholdAction(null, form({ ...base, ...parts, "nightEnd.h": "7", "nightEnd.m": "0" }));
    expect(res).toMatchObject({ ok: false, fieldErrors: { nightStart: [expect.stringContaining("HH:MM")] } });
    expect(await getDb().caregiver.count({ where: { userId: u.id } })).toBe(0);
  });

  it("asks for a time when neither part nor the whole value came, and writes nothing", async () => {
    const u = await makeUser("Cy");
    await signInAs(u);
    const res = await createHouseholdAction(null, form({ ...base, "nightEnd.h": "7", "nightEnd.m": "0" }));
    expect(res).toMatchObject({ ok: false, fieldErrors: { nightStart: [expect.any(String)] } });
    expect(await getDb().caregiver.count({ where: { userId: u.id } })).toBe(0);
  });
});
