// The installable app (issue #9): the service worker registers, Tonight opens
// from the cache offline after one visit, a page never visited shows the
// offline page, nursery mode keeps the screen awake, and "Follow the night"
// paints the night palette from the server inside the household's window.
import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO, openSignedIn, pinClock, seriousAxeViolations, settle } from "./helpers";

// This spec is about the service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

/** Waits until the service worker is active and controls this page. */
async function swControls(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise<void>((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", () => resolve(), { once: true }),
      );
    return reg.active?.scriptURL ?? "";
  });
}

test("the service worker registers; Tonight opens offline from the cache; other pages show the offline page", async ({
  household,
  pageA,
}) => {
  test.setTimeout(120_000);
  await pageA.goto("/tonight");
  await settle(pageA);
  expect(await swControls(pageA)).toMatch(/\/serwist\/sw\.js$/);
  // The manifest and icons are there for installing.
  const manifest = await (await pageA.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ display: "standalone", start_url: "/tonight" });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  expect((await pageA.request.get("/icon-512.png")).headers()["content-type"]).toBe("image/png");

  // One visit while controlled puts Tonight's document in the cache.
  await pageA.reload();
  await settle(pageA);
  await expect(pageA.getByRole("heading", { name: "Tonight", exact: true })).toBeVisible();
  const cached = await pageA.evaluate(async () => {
    const cache = await caches.open("attune-tonight");
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached).toContain("/tonight");
  // API answers are never cached.
  const cachedApi = await pageA.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
    return urls.filter((u) => u.startsWith("/api/"));
  });
  expect(cachedApi).toEqual([]);

  await household.jordan.context.setOffline(true);
  await pageA.reload();
  await expect(pageA.getByRole("heading", { name: "Tonight", exact: true })).toBeVisible();
  await expect(pageA.getByTestId("household-name")).toHaveText(household.name);

  // A page never loaded on this phone: the kind offline page.
  await pageA.goto("/balance");
  await expect(pageA.getByRole("heading", { name: "You're offline." })).toBeVisible();
  await expect(pageA.getByText("Tonight still works from this phone")).toBeVisible();

  await household.jordan.context.setOffline(false);
  await pageA.goto("/balance");
  await expect(pageA.getByRole("heading", { name: "Balance", level: 1 })).toBeVisible();

  // Signing out forgets the cached Tonight (it holds the household's names).
  await pageA.goto("/settings");
  await settle(pageA);
  await pageA.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(pageA).toHaveURL(/\/sign-in/);
  await expect
    .poll(() => pageA.evaluate(async () => (await (await caches.open("attune-tonight")).keys()).length))
    .toBe(0);
});

test("nursery mode keeps the screen awake, asks again when the page is visible again, and shows only the night", async ({
  page,
}) => {
  // A recording stand-in for the Screen Wake Lock API (headless Chromium may refuse the real one).
  await page.addInitScript(() => {
    const w = window as unknown as { __wake: { requests: number; releases: number; current: EventTarget | null } };
    w.__wake = { requests: 0, releases: 0, current: null };
    const wakeLock = {
      async request(type: string) {
        if (type !== "screen") throw new TypeError("screen only");
        w.__wake.requests += 1;
        const sentinel = Object.assign(new EventTarget(), {
          released: false,
          type,
          async release() {
            if (sentinel.released) return;
            sentinel.released = true;
            w.__wake.releases += 1;
            sentinel.dispatchEvent(new Event("release"));
          },
        });
        w.__wake.current = sentinel;
        return sentinel;
      },
    };
    Object.defineProperty(Navigator.prototype, "wakeLock", { configurable: true, get: () => wakeLock });
  });
  await openSignedIn(page, DEMO.email, DEMO.password);
  await page.goto("/tonight");
  await settle(page);
  const wake = () =>
    page.evaluate(() => (window as unknown as { __wake: { requests: number; releases: number } }).__wake);

  const toggle = page.getByRole("button", { name: "Nursery mode" });
  expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(48);
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("nursery-status")).toContainText("the screen stays on");
  expect((await wake()).requests).toBe(1);
  await expect(page.locator("html")).toHaveAttribute("data-nursery", "on");

  // Only what the night needs: who is on duty and the night log; not the rest.
  await expect(page.getByRole("region", { name: "Who's on duty" })).toBeVisible();
  await expect(page.getByRole("region", { name: "The next few nights" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Main" }).filter({ visible: true })).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // The browser lets the lock go when the page is hidden; it is asked for again when visible.
  await page.evaluate(async () => {
    const w = window as unknown as { __wake: { current: { release(): Promise<void> } } };
    await w.__wake.current.release();
    const set = (v: string) => Object.defineProperty(document, "visibilityState", { configurable: true, get: () => v });
    set("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    set("visible");
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect.poll(async () => (await wake()).requests).toBe(2);

  // Remembered on this phone.
  await page.reload();
  await settle(page);
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await wake()).requests).toBe(1);

  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await expect(page.locator("html")).not.toHaveAttribute("data-nursery", "on");
  await expect(page.getByRole("region", { name: "The next few nights" })).toBeVisible();
  expect((await wake()).releases).toBeGreaterThanOrEqual(1);
});

test("nursery mode says so kindly when the browser cannot keep the screen awake", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, "wakeLock", { configurable: true, get: () => undefined });
  });
  await openSignedIn(page, DEMO.email, DEMO.password);
  await page.goto("/tonight");
  await settle(page);
  const toggle = page.getByRole("button", { name: "Nursery mode" });
  await toggle.click();
  await expect(page.getByTestId("nursery-status")).toContainText("can't keep the screen awake");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
});

test.describe("Follow the night", () => {
  test.use({ serviceWorkers: "block" });

  test("is the default, and the server paints night inside the household's window and day outside it", async ({
    page,
    context,
  }) => {
    await openSignedIn(page, DEMO.email, DEMO.password);
    // The demo household: Europe/London, 19:00–07:00. No theme cookie: "auto".
    const firstResponseTheme = async (at: string) => {
      await context.addCookies([{ name: "attune-test-now", value: at, url: "http://localhost" }]);
      const html = await (await page.request.get("/tonight")).text();
      return html.match(/<html[^>]*data-theme="(\w+)"/)?.[1];
    };
    expect(await firstResponseTheme("2026-12-02T02:30:00.000Z")).toBe("night"); // 02:30 in London
    expect(await firstResponseTheme("2026-12-02T19:00:00.000Z")).toBe("night"); // the window's first minute
    expect(await firstResponseTheme("2026-12-02T12:00:00.000Z")).toBe("day");
    expect(await firstResponseTheme("2026-07-02T06:30:00.000Z")).toBe("day"); // 07:30 BST: the night has ended
    expect(await firstResponseTheme("2026-07-02T05:30:00.000Z")).toBe("night"); // 06:30 BST

    // The one-tap switch on Tonight: day for now, then back to following the night.
    const themeCookie = async () => (await context.cookies()).find((c) => c.name === "attune-theme")?.value;
    await pinClock(context, page, new Date("2026-12-02T02:30:00.000Z"));
    await page.goto("/tonight");
    await settle(page);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "night");
    await page.getByTestId("theme-quick-switch").click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "day");
    await expect(page.getByTestId("theme-follow-night")).toBeVisible();
    await expect.poll(themeCookie).toBe("day");
    await page.reload();
    await settle(page);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "day");
    await page.getByTestId("theme-follow-night").click();
    await expect(page.getByTestId("theme-follow-night")).toBeHidden();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "night");
    await expect.poll(themeCookie).toBe("auto");
    await page.reload();
    await settle(page);
    await expect(page.locator("html")).toHaveAttribute("data-theme", "night");

    // Settings lists the choice, checked.
    await page.goto("/settings");
    await settle(page);
    await expect(page.getByRole("radio", { name: "Follow the night" })).toBeChecked();
  });
});
