// #14: the family's own language. A German night at 3 a.m.; a household's
// clock and calendar (en-US: 12 hours, Sunday first; en-GB: 24 hours, Monday
// first); and the pseudo-locale (en-XA: accented, 40 % longer) at 390 × 844 in
// night mode, where any plain-ASCII word on a page is a string that skipped the
// catalogue, and any box past the screen's edge is a layout that won't hold a
// longer language.
import type { Page } from "@playwright/test";
import { expect, test, type THousehold } from "./fixtures";
import { seriousAxeViolations, setTheme, settle } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

const TZ = "Europe/London";
const night = addDays(localDateOf(new Date(), TZ), 10);
const threeAm = instantAt(addDays(night, 1), 3 * 60, TZ);

test.use({ householdName: "Languages" });

/** Each partner's language and the household's conventions, as Settings → Language saves them. */
async function speak(
  household: THousehold,
  db: { query: (sql: string, values: unknown[]) => Promise<unknown> },
  language: string | null,
  conventions = "en-GB",
) {
  await db.query("UPDATE users SET locale = $1 WHERE email = ANY($2)", [
    language,
    [household.jordan.email, household.casey.email],
  ]);
  await db.query("UPDATE households SET locale = $1 WHERE name = $2", [conventions, household.name]);
}

test("the 3 a.m. journey in German: German buttons, and the night log works", async ({ household, serverDatabase }) => {
  await household.pinClock(threeAm);
  await household.fillRota(night); // taking turns from Jordan: Jordan is on tonight
  await speak(household, serverDatabase, "de", "de");
  const on = household.jordan.page;
  const off = household.casey.page;
  for (const p of [on, off]) {
    await p.goto("/tonight");
    await settle(p);
  }
  await expect(on.locator("html")).toHaveAttribute("lang", "de");
  const imUp = on.getByTestId("im-up");
  await expect(imUp).not.toContainText(/I'm up/i);
  await expect(imUp).toContainText(/ich|kümmer/i);
  await imUp.click();
  await expect(on.getByTestId("waking-open")).toBeVisible();
  await expect(on.getByTestId("back-to-sleep")).toHaveText(/eingeschlafen/i);
  await on.getByTestId("back-to-sleep").click();
  await on.getByTestId("after-done").click();
  await expect(on.getByTestId("waking-open")).toHaveCount(0);
  await expect(off.getByTestId("night-log-list").locator("li")).toHaveCount(1, { timeout: 10_000 });
  for (const p of [on, off]) {
    const words = await p.locator("main").innerText();
    expect(words).not.toMatch(/\b(Tonight|Back to sleep|I'm up|on duty|Night log)\b/);
    expect(await seriousAxeViolations(p)).toEqual([]);
  }
});

/** The night window's times as Tonight and Household show them, and the Nights week's first day. */
async function clockAndWeek(page: Page) {
  await page.goto("/household");
  await settle(page);
  const household = await page.locator("main").innerText();
  // The time fields show the household's clock too, not the browser's (a native time input would).
  const nightStarts = page.getByRole("group", { name: "Night starts" }).getByLabel("Hour");
  const field = await nightStarts.locator("option:checked").innerText();
  await page.goto(`/nights?from=${night}`);
  await settle(page);
  const firstDay = await page.getByTestId("calendar-night").first().getAttribute("data-date");
  return { household, firstDay, field };
}

test("en-US shows a 12-hour clock and Sunday-first weeks; en-GB 24 hours and Monday first", async ({
  household,
  serverDatabase,
}) => {
  await speak(household, serverDatabase, "en-US", "en-US");
  const us = await clockAndWeek(household.jordan.page);
  expect(us.household).toMatch(/7:00\sPM/);
  expect(us.household).not.toMatch(/19:00/);
  expect(us.field).toMatch(/^7\sPM$/);
  expect(new Date(`${us.firstDay}T12:00:00Z`).getUTCDay()).toBe(0);
  expect(await household.jordan.page.locator("html").getAttribute("lang")).toBe("en-US");

  // The 12-hour clock's longest hour ("12 PM") fits its select on a phone, in a night's two-field rows.
  const phone = household.jordan.page;
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto(`/nights/${night}`);
  await settle(phone);
  await expect(phone.getByRole("group", { name: "Starts" }).getByLabel("Hour")).toBeVisible();
  expect(await clippedClockSelects(phone)).toEqual([]);

  await speak(household, serverDatabase, "en-GB", "en-GB");
  const gb = await clockAndWeek(household.jordan.page);
  expect(gb.household).toMatch(/19:00/);
  expect(gb.household).not.toMatch(/PM/);
  expect(gb.field).toBe("19");
  expect(new Date(`${gb.firstDay}T12:00:00Z`).getUTCDay()).toBe(1);
});

/** Clock selects too narrow for their longest option (the browser clips a select's text without a scrollbar). */
async function clippedClockSelects(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    const out: string[] = [];
    for (const select of document.querySelectorAll<HTMLSelectElement>(".clock-selects select")) {
      const style = getComputedStyle(select);
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const longest = Math.max(...[...select.options].map((o) => ctx.measureText(o.text).width));
      // The text, the select's padding and about 20 px for its arrow.
      const needed = longest + parseFloat(style.paddingInlineStart) + parseFloat(style.paddingInlineEnd) + 20;
      if (select.clientWidth < needed) out.push(`${select.name}: ${select.clientWidth} < ${Math.ceil(needed)} px`);
    }
    return out;
  });
}

// Words that are data, not text: the people's and baby's names, the brand, and formats.
const ALLOWED = new Set([
  ...["Attune", "Jordan", "Casey", "Pip", "Languages", "CSV", "JSON", "ICS", "API", "URL", "PWA"],
  ...["Europe", "London"], // the household's time zone, an IANA name
  ...["Taking", "turns"], // the fixture's rota reason, stored as English text the way older rows are
]);

/** Plain-ASCII words in the page's visible text and labels: strings that didn't come from the catalogue. */
async function untranslatedWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest("script, style, noscript, [hidden], [aria-hidden='true'] svg")) continue;
      if (el.closest("[data-user-text]")) continue; // words a person typed
      if (el.closest('select[name="timeZone"]')) continue; // IANA zone names
      if (el.closest("option[lang]")) continue; // each language named in its own words
      out.push(n.textContent ?? "");
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], img[alt]"))
      for (const a of ["aria-label", "placeholder", "title", "alt"]) out.push(el.getAttribute(a) ?? "");
    return out;
  });
  const words =
    texts
      .join(" ")
      .replace(/\S+@\S+|https?:\/\/\S*/g, " ")
      .match(/(?<![\p{L}\d])[A-Za-z]{3,}(?![\p{L}\d])/gu) ?? [];
  return [...new Set(words.filter((w) => !ALLOWED.has(w) && !/^[a-f0-9]{6}$/.test(w)))];
}

/** Elements that reach past the screen's edge, or text cut off inside its box. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of document.querySelectorAll<HTMLElement>("main *, header *, nav *")) {
      const r = el.getBoundingClientRect();
      if (!r.width || !r.height || getComputedStyle(el).visibility === "hidden") continue;
      if (el.closest("[hidden], .sr-only, .visually-hidden")) continue;
      const label = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      // The innermost culprit only: its ancestors are past the edge because it is.
      const past = (e: Element) => {
        const b = e.getBoundingClientRect();
        return b.width > 0 && (b.right > width + 1 || b.left < -1);
      };
      if ((r.right > width + 1 || r.left < -1) && ![...el.children].some(past))
        problems.push(`past the edge: ${label} (${Math.round(r.left)}–${Math.round(r.right)})`);
      const style = getComputedStyle(el);
      const clips = ["hidden", "clip"].includes(style.overflowX) && style.textOverflow !== "ellipsis";
      if (clips && el.scrollWidth > el.clientWidth + 1 && el.children.length === 0) problems.push(`clipped: ${label}`);
    }
    return problems;
  });
}

test("the pseudo-locale at 390 × 844 in night mode: every word from the catalogue, nothing past the edge", async ({
  household,
  serverDatabase,
}) => {
  test.setTimeout(120_000);
  await household.pinClock(threeAm);
  await household.fillRota(night);
  await speak(household, serverDatabase, "en-XA", "en-XA");
  const page = household.jordan.page;
  await setTheme(household.jordan.context, "night");
  await page.setViewportSize({ width: 390, height: 844 });
  const found: Record<string, { words: string[]; overflow: string[] }> = {};
  const pages = ["/tonight", "/nights", "/connect", "/notes", "/balance"];
  // And the rest of the signed-in app, for words (the layout is checked above on the five a parent lives in).
  const more = [
    "/tonight/log",
    `/nights/${night}`,
    "/connect?view=week",
    "/connect/library",
    "/household",
    "/settings",
  ];
  for (const path of [...pages, ...more]) {
    await page.goto(path);
    await settle(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
    found[path] = { words: await untranslatedWords(page), overflow: pages.includes(path) ? await overflow(page) : [] };
  }
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((p) => [p, { words: [], overflow: [] }])));
});

for (const locale of ["de", "es", "en-US"] as const)
  test(`axe finds nothing serious on Tonight and Settings in ${locale}`, async ({ household, serverDatabase }) => {
    await speak(household, serverDatabase, locale, locale);
    for (const path of ["/tonight", "/settings"]) {
      await household.jordan.page.goto(path);
      await settle(household.jordan.page);
      await expect(household.jordan.page.locator("html")).toHaveAttribute("lang", locale);
      expect(await seriousAxeViolations(household.jordan.page)).toEqual([]);
    }
  });
