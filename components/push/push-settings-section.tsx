import { useTranslations } from "next-intl";
import { vapidKeys } from "@/lib/push/vapid";
import { ThisPhonePush } from "@/components/push/this-phone-push";

/** Settings → Notifications: this phone's push, on or off, and the shift reminder. */
export function PushSettingsSection({ householdId }: { householdId: string }) {
  const t = useTranslations("pushSettings");
  return (
    <section className="card" aria-labelledby="push-heading">
      <h2 id="push-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      <ThisPhonePush householdId={householdId} applicationServerKey={vapidKeys().publicKey} />
    </section>
  );
}
