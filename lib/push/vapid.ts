import "server-only";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpush from "web-push";

// The server's VAPID key pair, which push services check on every push. Set
// VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY and VAPID_SUBJECT in production (the same
// on every instance: browsers subscribed with the public key). Locally, a pair
// is made once and kept beside the data, like AUTH_SECRET (scripts/launch.ts),
// so subscriptions survive restarts.

export type TVapid = { publicKey: string; privateKey: string; subject: string };

const DEFAULT_SUBJECT = "mailto:push@attune.invalid";
let cached: TVapid | undefined;

export function vapidKeys(): TVapid {
  if (cached) return cached;
  const e = process.env;
  if (e.VAPID_PUBLIC_KEY || e.VAPID_PRIVATE_KEY) {
    if (!e.VAPID_PUBLIC_KEY || !e.VAPID_PRIVATE_KEY) {
      throw new Error(
        "Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (`npx web-push generate-vapid-keys`), or neither.",
      );
    }
    cached = {
      publicKey: e.VAPID_PUBLIC_KEY,
      privateKey: e.VAPID_PRIVATE_KEY,
      subject: e.VAPID_SUBJECT || DEFAULT_SUBJECT,
    };
    return cached;
  }
  const dir = path.resolve(process.cwd(), e.ATTUNE_DATA_DIR ?? ".data");
  const file = path.join(dir, "vapid.json");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const keys = webpush.generateVAPIDKeys();
    try {
      // "wx": two instances starting at once keep the first pair written.
      writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  const keys = JSON.parse(readFileSync(file, "utf8")) as { publicKey: string; privateKey: string };
  cached = { ...keys, subject: e.VAPID_SUBJECT || DEFAULT_SUBJECT };
  return cached;
}

/** For tests. */
export function setVapidKeysForTests(keys: TVapid | undefined): void {
  cached = keys;
}
