// axe on every page, in both themes, at phone size; nothing serious or
// critical may be found. Here: the public pages (sign-in, sign-up, about, an
// invite), a newcomer's onboarding, the night pages of the demo household (the
// richest data there is) and the "More" sheet open. The other signed-in pages
// are checked in both themes by the spec about them, each once:
//   /tonight, /household, /settings (demo)   night-mode.spec.ts
//   /connect, its week, library, history     connect.spec.ts
//   /notes                                   notes.spec.ts
//   /balance                                 balance.spec.ts
//   Tonight at 3 a.m. with a waking open     night-log.spec.ts
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./csp-guard";
import { DEMO, seriousAxeViolations, setTheme, settle, signInByRequest, signUp, uniqueEmail } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";

const THEMES = ["day", "night"] as const;
const PHONE = { width: 390, height: 844 };
const lastNight = addDays(localDateOf(new Date(), "Europe/London"), -1);

const SIGNED_IN = ["/tonight/log", "/nights", "/nights?view=month", `/nights/${lastNight}`, "/nights/unavailable"];

async function expectNoSeriousViolations(page: Page, path: string, label: string) {
  const res = await page.goto(path);
  expect(res?.status(), `${label} ${path}`).toBe(200);
  await settle(page);
  expect(await seriousAxeViolations(page), `${label} ${path}`).toEqual([]);
}

async function themedContext(browser: Browser, theme: (typeof THEMES)[number]): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: PHONE, hasTouch: true });
  await setTheme(ctx, theme);
  return ctx;
}

/** An invite link of the demo household, made the way a parent makes one. */
async function demoInvite(browser: Browser): Promise<string> {
  const ctx = await browser.newContext();
  await signInByRequest(ctx, DEMO.email, DEMO.password);
  const page = await ctx.newPage();
  await page.goto("/household#invite");
  await settle(page);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel(/Invite link/).inputValue();
  await ctx.close();
  return new URL(link).pathname;
}

test.describe.configure({ timeout: 300_000 });

for (const theme of THEMES) {
  test(`axe: public pages and onboarding (${theme})`, async ({ browser }) => {
    const invite = await demoInvite(browser);
    const ctx = await themedContext(browser, theme);
    const page = await ctx.newPage();
    for (const path of ["/sign-in", "/sign-up", "/about", invite]) {
      await expectNoSeriousViolations(page, path, `${theme}, signed out`);
    }
    // A newcomer: onboarding, then the invite as someone who could join.
    await page.goto("/sign-up");
    await settle(page);
    await signUp(page, "Robin", uniqueEmail("robin"));
    await expect(page.getByRole("heading", { name: "Set up your household" })).toBeVisible();
    expect(await seriousAxeViolations(page), `${theme} /onboarding`).toEqual([]);
    await expectNoSeriousViolations(page, invite, `${theme}, no household yet`);
    await ctx.close();
  });

  test(`axe: the night pages and the More sheet, signed in (${theme})`, async ({ browser }) => {
    const ctx = await themedContext(browser, theme);
    await signInByRequest(ctx, DEMO.email, DEMO.password);
    const page = await ctx.newPage();
    for (const path of SIGNED_IN) await expectNoSeriousViolations(page, path, theme);
    // The phone's "More" sheet, open.
    await page.goto("/tonight");
    await settle(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "More" }).click();
    await expect(page.getByRole("dialog", { name: "More" })).toBeVisible();
    expect(await seriousAxeViolations(page), `${theme} More sheet`).toEqual([]);
    await ctx.close();
  });
}
