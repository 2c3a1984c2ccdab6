// Settings → Language (#14): a caregiver's own language, and the household's
// clock and calendar (parents only). Both are public endpoints: signed-out
// visitors and other households are refused, and nothing is written.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { setHouseholdLocaleAction, setLanguageAction, signUpAction } from "@/lib/account/actions";
import { resolveActor } from "@/lib/auth/session";
import { expectEndpointRefused } from "../helpers/refused";
import {
  claimsOf,
  dumpTables,
  makeFamily,
  makeHousehold,
  makeUser,
  PASSWORD,
  signInAs,
  toForm,
} from "../helpers/factories";
import { fakeRequest } from "../helpers/request";
import { describeAction } from "../helpers/describe-endpoint";

describeAction("setLanguageAction", () => {
  it("refuses a signed-out visitor and writes nothing", async () => {
    await expectEndpointRefused(null, () => setLanguageAction(null, toForm({ locale: "de" })), "unauthenticated");
  });

  it("sets only the caller's own language, and the session reads it back", async () => {
    const a = await makeFamily("A");
    await signInAs(a.partner);
    expect(await setLanguageAction(null, toForm({ locale: "de" }))).toMatchObject({ ok: true });
    const rows = await getDb().user.findMany({ where: { id: { in: [a.parent.id, a.partner.id] } } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.locale]))).toEqual({
      [a.parent.id]: "en-GB",
      [a.partner.id]: "de",
    });
    expect((await resolveActor(await claimsOf(a.partner)))?.locale).toBe("de");
    // "Follow this browser" clears it.
    expect(await setLanguageAction(null, toForm({ locale: "" }))).toMatchObject({ ok: true });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: a.partner.id } })).locale).toBeNull();
  });

  it("refuses a language we don't have, or hostile values, with a field message and no write", async () => {
    const u = await makeUser("Lena");
    for (const locale of ["fr", "EN-GB", "de'; DROP TABLE users; --", "x".repeat(5000), "\u0000"])
      await expectEndpointRefused(u, () => setLanguageAction(null, toForm({ locale })), "invalid");
    await signInAs(u);
    const before = await dumpTables();
    const result = await setLanguageAction(null, toForm({}));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { locale: [expect.any(String)] } });
    expect(await dumpTables()).toEqual(before);
  });
});

describeAction("setHouseholdLocaleAction", () => {
  it("refuses a signed-out visitor, another household's parent and a helper, writing nothing", async () => {
    const a = await makeFamily("A");
    const b = await makeFamily("B");
    const form = () => toForm({ householdId: a.householdId, locale: "en-US" });
    await expectEndpointRefused(null, () => setHouseholdLocaleAction(null, form()), "unauthenticated");
    await expectEndpointRefused(b.parent, () => setHouseholdLocaleAction(null, form()), "forbidden");
    await expectEndpointRefused(a.helper, () => setHouseholdLocaleAction(null, form()), "forbidden");
  });

  it("lets a parent set the clock for both partners; both sessions see it", async () => {
    const a = await makeFamily("A");
    await signInAs(a.partner);
    expect(await setHouseholdLocaleAction(null, toForm({ householdId: a.householdId, locale: "en-US" }))).toMatchObject(
      { ok: true },
    );
    expect((await getDb().household.findUniqueOrThrow({ where: { id: a.householdId } })).locale).toBe("en-US");
    for (const who of [a.parent, a.partner, a.helper])
      expect((await resolveActor(await claimsOf(who)))?.householdLocale).toBe("en-US");
  });

  it("refuses an unknown or empty locale with a field message and no write", async () => {
    const a = await makeFamily("A");
    for (const locale of ["", "fr", "en_US", "<script>"])
      await expectEndpointRefused(
        a.parent,
        () => setHouseholdLocaleAction(null, toForm({ householdId: a.householdId, locale })),
        "invalid",
      );
  });
});

describe("sign-up and a new household take the browser's language", () => {
  it("stores Accept-Language's best match at sign-up, and the household starts with the creator's conventions", async () => {
    fakeRequest.headers["accept-language"] = "fr-CH, de-AT;q=0.8, en;q=0.5";
    await signUpAction(null, toForm({ name: "Jonas", email: "jonas@example.com", password: PASSWORD })).catch(
      () => null, // it redirects to sign-in
    );
    const user = await getDb().user.findUniqueOrThrow({ where: { email: "jonas@example.com" } });
    expect(user.locale).toBe("de");
    const tester = { id: user.id, email: user.email, password: PASSWORD, name: user.name };
    const householdId = await makeHousehold(tester, "Haushalt");
    expect((await getDb().household.findUniqueOrThrow({ where: { id: householdId } })).locale).toBe("de");
  });
});
