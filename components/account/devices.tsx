import { getTranslations } from "next-intl/server";
import type { TActor } from "@/lib/auth/actor";
import { myDevices } from "@/lib/account/devices";
import { getFormat } from "@/lib/i18n/format-server";
import { getText } from "@/lib/i18n/server";
import { DeviceSignOut } from "@/components/account/device-sign-out";

/** Settings' "Your devices": where this account is signed in, with "Sign out" for each (this one marked). */
export async function Devices({ actor, timeZone }: { actor: TActor; timeZone: string }) {
  const [devices, t, f, text] = await Promise.all([
    myDevices(actor, {}),
    getTranslations("account.devices"),
    getFormat(),
    getText(),
  ]);
  return (
    <section className="card stack" aria-labelledby="devices-heading">
      <h2 id="devices-heading">{t("heading")}</h2>
      <ul className="list" data-testid="devices">
        {devices.map(({ device: stored, ...d }) => {
          // "Firefox on Android" in the reader's words (a reference since #14; older rows are English text).
          const device = text(stored);
          return (
            <li key={d.id} className="cluster" data-testid="device" data-current={d.current || undefined}>
              <div>
                {/* Stored at sign-in, as the browser named itself (lib/auth/device.ts). */}
                <strong data-user-text>{device}</strong>
                {d.current ? ` ${t("thisDevice")}` : null}
                <br />
                <small>
                  {t("seen", {
                    signedIn: f.dayTimeIn(d.createdAt, timeZone),
                    lastSeen: f.dayTimeIn(d.lastSeenAt, timeZone),
                  })}
                </small>
              </div>
              {/* This device signs out with Settings' own "Sign out" below: one button per act. */}
              {d.current ? null : (
                <DeviceSignOut
                  sessionId={d.id}
                  what={t("which", { device, signedIn: f.dayTimeIn(d.createdAt, timeZone) })}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
