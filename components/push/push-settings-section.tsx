import { vapidKeys } from "@/lib/push/vapid";
import { ThisPhonePush } from "@/components/push/this-phone-push";

/** Settings → Notifications: this phone's push, on or off, and the shift reminder. */
export function PushSettingsSection({ householdId }: { householdId: string }) {
  return (
    <section className="card" aria-labelledby="push-heading">
      <h2 id="push-heading">Notifications</h2>
      <p>
        Turn notifications on for each phone that should reach you when the app is closed. When you&apos;re off duty at
        night, only &ldquo;I need you&rdquo; from your partner comes through; everything else waits for the morning.
      </p>
      <ThisPhonePush householdId={householdId} applicationServerKey={vapidKeys().publicKey} />
    </section>
  );
}
