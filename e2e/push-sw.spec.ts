// Push as the off-duty partner's phone gets it (issue #9): the tap-out's own
// payload, as the server queued it, delivered to the service worker through
// the DevTools protocol (ServiceWorker.deliverPushMessage, standing in for the
// push service, which this machine can't reach). The worker shows it, kept on
// screen with the two answers, and its link opens Tonight on the tap-out's
// answer buttons. (A click on the system notification itself can't be driven
// from here; clickTarget, which decides where it goes, has unit tests.)
import type { Page } from "@playwright/test";
import { expect, onAndOffDuty, test } from "./fixtures";
import { serverDb, settle } from "./helpers";
import { addDays, localDateOf } from "../lib/time/local-date";
import { instantAt } from "../lib/time/local-time";

// This spec is about the service worker (the config blocks it elsewhere).
test.use({ serviceWorkers: "allow" });

const TZ = "Europe/London";
const night = addDays(localDateOf(new Date(), TZ), 10);
const threeAm = instantAt(addDays(night, 1), 3 * 60, TZ);

test.use({ householdName: "Locked phone" });

async function swRegistration(page: Page): Promise<string> {
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

test("a tap-out reaches the off-duty partner's service worker as a notification that stays, with both answers", async ({
  household,
}) => {
  test.setTimeout(120_000);
  await household.pinClock(threeAm);
  await household.fillRota(night);
  const { on, off } = await onAndOffDuty(household);
  await swRegistration(off.page);

  // The off-duty partner's phone has push on: a device row as Settings would save it.
  // Its endpoint refuses at once; the payload below is what matters.
  const db = await serverDb();
  try {
    await db.query(
      `INSERT INTO push_subscriptions (id, household_id, caregiver_id, endpoint, p256dh, auth)
       SELECT gen_random_uuid(), c.household_id, c.id, 'http://127.0.0.1:9/push-' || c.id, 'k', 'a'
         FROM caregivers c JOIN users u ON u.id = c.user_id WHERE u.email = $1`,
      [off.email],
    );
    await on.page.getByTestId("tap-out").click();
    await expect(on.page.getByTestId("tapout-status")).toBeVisible();
    const { rows } = await db.query<{ payload: Record<string, unknown>; urgency: string }>(
      `SELECT o.payload, o.urgency FROM push_outbox o JOIN caregivers c ON c.id = o.recipient_id
         JOIN users u ON u.id = c.user_id WHERE u.email = $1 AND o.kind = 'tapout'`,
      [off.email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.urgency).toBe("high");
    const payload = rows[0]!.payload;

    await off.context.grantPermissions(["notifications"]);
    const cdp = await off.context.newCDPSession(off.page);
    // Every registration the DevTools session reports (one per context normally; a long run can
    // show more): the push goes to each, and only this page's worker can show it here.
    const registrations = new Set<string>();
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations: list }) => {
      for (const r of list as { registrationId: string; isDeleted: boolean }[])
        if (r.isDeleted) registrations.delete(r.registrationId);
        else registrations.add(r.registrationId);
    });
    await cdp.send("ServiceWorker.enable");
    await expect.poll(() => registrations.size).toBeGreaterThan(0);
    const deliver = async () => {
      for (const registrationId of registrations)
        await cdp
          .send("ServiceWorker.deliverPushMessage", {
            origin: new URL(off.page.url()).origin,
            registrationId,
            data: JSON.stringify(payload),
          })
          .catch(() => undefined);
    };
    await deliver();
    // A worker asleep between events can miss the first; the push service would retry too.
    const retry = setTimeout(() => void deliver(), 3_000);

    const shown = await expect
      .poll(
        () =>
          off.page.evaluate(async () =>
            (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
              title: n.title,
              requireInteraction: n.requireInteraction,
              actions: (n as Notification & { actions?: { action: string }[] }).actions?.map((a) => a.action) ?? [],
              url: (n.data as { url?: string } | null)?.url ?? "",
            })),
          ),
        { timeout: 10_000 },
      )
      .toEqual([expect.objectContaining({ requireInteraction: true, actions: ["coming", "cant"] })]);
    void shown;
    clearTimeout(retry);
    const [notification] = await off.page.evaluate(async () =>
      (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
        title: n.title,
        url: (n.data as { url?: string } | null)?.url ?? "",
      })),
    );
    expect(notification!.title).toContain(on.name);
    // Where the tap goes: Tonight, with the tap-out's answers.
    await off.page.goto(notification!.url);
    await settle(off.page);
    const alert = off.page.getByTestId("tapout-alert").first();
    await expect(alert).toBeVisible();
    await expect(alert.getByRole("button", { name: "I'm coming" })).toBeVisible();
  } finally {
    await db.end();
  }
});
