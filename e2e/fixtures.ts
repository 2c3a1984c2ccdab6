// Playwright fixtures: a household of two, made through the real app once per
// test, and a signed-in page for each partner.
//
//   import { expect, test } from "./fixtures";
//   test.use({ householdName: "Night owls" });
//   test("…", async ({ household, pageA, pageB }) => { … });
//
// Jordan (pageA) signs up, creates the household (Europe/London, 19:00–07:00),
// adds a baby, Pip, and invites Casey as a parent; Casey (pageB) opens the
// link in another browser context, signs up and joins. Each test gets a new
// household (its name made unique), so tests never see each other's nights;
// both contexts are closed after the test. The sign-up and invite journey
// itself is tested, step by step, in partners.spec.ts.
// (A fixture's second argument is named `provide` here, not Playwright's
// usual `use`, which the React hooks lint rule would take for React's.)
import { randomBytes } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { dutyText, newParentWithHousehold, pinClock, settle, signUp, uniqueEmail } from "./helpers";

export { expect };

export type TPartner = { name: "Jordan" | "Casey"; email: string; context: BrowserContext; page: Page };

export type THousehold = {
  /** Unique per test: `${householdName} 1a2b3c`. */
  name: string;
  timeZone: "Europe/London";
  jordan: TPartner;
  casey: TPartner;
  /** Pins "now" for both partners: their browsers' clocks and the server's (a cookie, see lib/clock.ts). */
  pinClock(now: Date): Promise<void>;
};

type TFixtures = {
  /** The readable part of the household's name; set per file or describe with test.use({ householdName }). */
  householdName: string;
  household: THousehold;
  /** Jordan's page, signed in; the household's first parent. */
  pageA: Page;
  /** Casey's page, signed in (another browser context); joined by invite as a parent. */
  pageB: Page;
};

export const test = base.extend<TFixtures>({
  householdName: ["Our house", { option: true }],

  household: [
    async ({ browser, householdName }, provide) => {
      const name = `${householdName} ${randomBytes(3).toString("hex")}`;
      const [a, b] = [await browser.newContext(), await browser.newContext()];
      try {
        const [pageA, pageB] = [await a.newPage(), await b.newPage()];
        const jordanEmail = await newParentWithHousehold(pageA, "Jordan", name);
        await pageA.getByLabel("Baby's name").fill("Pip");
        await pageA.getByLabel("Birth date").fill("2026-09-14");
        await pageA.getByRole("button", { name: "Add baby" }).click();
        await expect(pageA.getByTestId("baby-status")).toContainText("Pip is added");
        await pageA.getByRole("link", { name: "Continue" }).click();
        await pageA.getByRole("button", { name: "Create invite link" }).click();
        const link = await pageA.getByLabel(/Invite link/).inputValue();
        await pageB.goto(link);
        await settle(pageB);
        await pageB.getByRole("link", { name: "Create an account" }).click();
        const caseyEmail = uniqueEmail("casey");
        await signUp(pageB, "Casey", caseyEmail);
        await pageB.getByRole("button", { name: `Join ${name}` }).click();
        await expect(pageB).toHaveURL(/\/household/);
        const jordan: TPartner = { name: "Jordan", email: jordanEmail, context: a, page: pageA };
        const casey: TPartner = { name: "Casey", email: caseyEmail, context: b, page: pageB };
        await provide({
          name,
          timeZone: "Europe/London",
          jordan,
          casey,
          async pinClock(now) {
            await pinClock(a, pageA, now);
            await pinClock(b, pageB, now);
          },
        });
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    },
    // Two sign-ups on a busy machine: its own time, not the test's.
    { timeout: 90_000 },
  ],

  pageA: async ({ household }, provide) => {
    await provide(household.jordan.page);
  },
  pageB: async ({ household }, provide) => {
    await provide(household.casey.page);
  },
});

/**
 * Opens Tonight on both pages and tells who is on duty now (after the rota is
 * filled and the clock pinned inside a night): `on` says "You're on duty".
 * Both pages are left on /tonight.
 */
export async function onAndOffDuty(h: THousehold): Promise<{ on: TPartner; off: TPartner }> {
  for (const p of [h.jordan.page, h.casey.page]) {
    await p.goto("/tonight");
    await settle(p);
  }
  const jordanOn = (await dutyText(h.jordan.page)).startsWith("You're on duty");
  return jordanOn ? { on: h.jordan, off: h.casey } : { on: h.casey, off: h.jordan };
}
