import type { TActor } from "@/lib/auth/actor";
import { myDevices } from "@/lib/account/devices";
import { dayTimeIn } from "@/lib/format";
import { DeviceSignOut } from "@/components/account/device-sign-out";

/** Settings' "Your devices": where this account is signed in, with "Sign out" for each (this one marked). */
export async function Devices({ actor, timeZone }: { actor: TActor; timeZone: string }) {
  const devices = await myDevices(actor, {});
  return (
    <section className="card stack" aria-labelledby="devices-heading">
      <h2 id="devices-heading">Your devices</h2>
      <ul className="list" data-testid="devices">
        {devices.map((d) => (
          <li key={d.id} className="cluster" data-testid="device" data-current={d.current || undefined}>
            <div>
              <strong>{d.device}</strong>
              {d.current ? " (this device)" : null}
              <br />
              <small>
                Signed in {dayTimeIn(d.createdAt, timeZone)}, last seen {dayTimeIn(d.lastSeenAt, timeZone)}
              </small>
            </div>
            {/* This device signs out with Settings' own "Sign out" below: one button per act. */}
            {d.current ? null : (
              <DeviceSignOut sessionId={d.id} what={`${d.device}, signed in ${dayTimeIn(d.createdAt, timeZone)}`} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
