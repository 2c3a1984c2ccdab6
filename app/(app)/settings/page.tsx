import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireMemberOrRedirect } from "@/lib/auth/session";
import { getCalendarFeedStatus } from "@/lib/nights/calendar-feed";
import { getFormat } from "@/lib/i18n/format-server";
import { localDateOf } from "@/lib/time/local-date";
import { readThemeForRequest } from "@/lib/theme/server";
import { InstallHint } from "@/components/install/install-hint";
import { ThemeSwitcher } from "@/components/theme-switcher";
import { LanguageSection } from "@/components/settings/language-section";
import { BalanceIcon, HomeIcon } from "@/components/ui/icons";
import { signOutAction } from "@/lib/account/actions";
import { CalendarFeedCard, type TCalendarFeedCardStatus } from "@/components/nights/calendar-feed-card";
import { BalanceSettingsSection } from "@/components/balance/settings-section";
import { PushSettingsSection } from "@/components/push/push-settings-section";
import { loadHousehold } from "@/lib/household/current";
import { Devices } from "@/components/account/devices";
import { ApiTokensSection } from "@/components/api/api-tokens-section";
import { WebhooksSection } from "@/components/webhooks/webhooks-section";
import { YourDataSection } from "@/components/export/your-data-section";
import { ChangeEmailForm } from "@/components/account/change-email-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { DeleteAccountForm } from "@/components/account/delete-account-form";
import { SignOutEverywhere } from "./sign-out-everywhere";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function SettingsPage() {
  const { actor, membership } = await requireMemberOrRedirect("/settings");
  const { theme } = await readThemeForRequest();
  const t = await getTranslations("settings");
  const f = await getFormat();
  const [{ overview }, feed] = await Promise.all([
    loadHousehold(),
    getCalendarFeedStatus(actor, { householdId: membership.householdId }),
  ]);
  // Formatted here, in the household's zone (lib/format's fixed locale), so server and browser agree.
  const feedStatus: TCalendarFeedCardStatus = feed.exists
    ? {
        exists: true,
        includePartner: feed.includePartner,
        createdLabel: f.longDate(localDateOf(feed.createdAt, overview.household.timeZone)),
      }
    : { exists: false };

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>

      <section className="card" aria-labelledby="appearance-heading">
        <h2 id="appearance-heading">{t("appearance")}</h2>
        <ThemeSwitcher initial={theme} clock={overview.household} />
      </section>

      <LanguageSection actor={actor} />

      <InstallHint />

      <section className="card" aria-labelledby="calendar-feed-heading">
        <h2 id="calendar-feed-heading">{t("calendarFeed")}</h2>
        <CalendarFeedCard householdId={membership.householdId} status={feedStatus} />
      </section>

      <BalanceSettingsSection actor={actor} householdId={membership.householdId} />

      <PushSettingsSection householdId={membership.householdId} />

      <section className="card" aria-labelledby="more-heading">
        <h2 id="more-heading">{t("more.heading")}</h2>
        <ul className="list">
          <li>
            <Link href="/household" className="icon-link">
              <HomeIcon />
              {t("more.household")}
            </Link>
          </li>
          <li>
            <Link href="/balance" className="icon-link">
              <BalanceIcon />
              {t("more.balance")}
            </Link>
          </li>
        </ul>
      </section>

      <section className="card" aria-labelledby="account-heading">
        <h2 id="account-heading">{t("account.heading")}</h2>
        <dl className="details">
          <div>
            <dt>{t("account.name")}</dt>
            <dd data-testid="account-name">{actor.name}</dd>
          </div>
          <div>
            <dt>{t("account.email")}</dt>
            <dd data-testid="account-email">{actor.email}</dd>
          </div>
        </dl>
        <details className="subsection">
          <summary className="button button-secondary">{t("account.changePassword")}</summary>
          <ChangePasswordForm />
        </details>
        <details className="subsection">
          <summary className="button button-secondary">{t("account.changeEmail")}</summary>
          <ChangeEmailForm />
        </details>
      </section>

      <YourDataSection role={membership.role} />

      <Devices actor={actor} timeZone={overview.household.timeZone} />

      <ApiTokensSection actor={actor} householdId={membership.householdId} timeZone={overview.household.timeZone} />

      <WebhooksSection
        actor={actor}
        householdId={membership.householdId}
        role={membership.role}
        timeZone={overview.household.timeZone}
      />

      <section className="card stack" aria-labelledby="signout-heading">
        <h2 id="signout-heading">{t("signOut.heading")}</h2>
        <form action={signOutAction}>
          <button type="submit" className="button button-secondary">
            {t("signOut.button")}
          </button>
        </form>
        <SignOutEverywhere />
      </section>

      <section className="card stack" aria-labelledby="delete-account-heading">
        <h2 id="delete-account-heading">{t("deleteAccount.heading")}</h2>
        <DeleteAccountForm onlyMember={overview.members.length === 1} keepsName={overview.household.keepFormerNames} />
      </section>
    </div>
  );
}
