// The service worker's push side (lib/push/sw-push.ts), with a fake registration and clients.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { clickTarget, handleNotificationClick, handlePush, notificationOptions } from "@/lib/push/sw-push";

const shown: { title: string; options: Record<string, unknown> }[] = [];
const opened: string[] = [];
beforeEach(() => {
  shown.length = 0;
  opened.length = 0;
  vi.stubGlobal("self", {
    location: { origin: "https://attune.test" },
    registration: {
      showNotification: async (title: string, options: Record<string, unknown>) => void shown.push({ title, options }),
    },
    clients: { matchAll: async () => [], openWindow: async (u: string) => void opened.push(u) },
  });
});

const waits: Promise<unknown>[] = [];
const ext = { waitUntil: (p: Promise<unknown>) => void waits.push(p) };

describe("handlePush", () => {
  it("shows a tap-out that stays until answered, with the two answers", async () => {
    const payload = {
      kind: "tapout",
      title: "Sam needs you",
      body: "Tap to answer",
      tag: "tapout-1",
      url: "/tonight?tapout=1",
      requireInteraction: true,
      renotify: true,
      tapOutId: "1",
    };
    handlePush({ ...ext, data: { json: () => payload, text: () => JSON.stringify(payload) } });
    await Promise.all(waits);
    expect(shown[0]).toMatchObject({
      title: "Sam needs you",
      options: {
        tag: "tapout-1",
        requireInteraction: true,
        renotify: true,
        data: { url: "/tonight?tapout=1", tapOutId: "1" },
        actions: [
          { action: "coming", title: "I'm coming" },
          { action: "cant", title: "I can't right now" },
        ],
      },
    });
  });

  it("shows something even for a push without JSON; other kinds have no answer buttons", async () => {
    handlePush({ ...ext, data: { json: () => JSON.parse("x"), text: () => "x" } });
    await Promise.all(waits);
    expect(shown[0]!.title).toBe("Attune");
    expect(notificationOptions({ kind: "swap", title: "t", body: "", tag: "s", url: "/nights" })).not.toHaveProperty(
      "actions",
    );
  });
});

describe("handleNotificationClick", () => {
  it("opens the tap-out's screen with the chosen answer; only same-site paths", async () => {
    expect(clickTarget({ url: "/tonight?tapout=1", tapOutId: "1" }, "coming", "https://a.test")).toBe(
      "https://a.test/tonight?tapout=1&answer=coming",
    );
    expect(clickTarget({ url: "https://evil.test/x" }, "", "https://a.test")).toBe("https://a.test/tonight");
    expect(clickTarget({ url: "//evil.test/x" }, "", "https://a.test")).toBe("https://a.test/tonight");
    const close = vi.fn();
    handleNotificationClick({
      ...ext,
      action: "",
      notification: { data: { url: "/tonight?tapout=1", tapOutId: "1" }, close },
    });
    await Promise.all(waits);
    expect(close).toHaveBeenCalled();
    expect(opened).toEqual(["https://attune.test/tonight?tapout=1"]);
  });
});
