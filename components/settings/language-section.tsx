import { getTranslations } from "next-intl/server";
import type { TActor } from "@/lib/auth/actor";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { LanguageForms } from "@/components/settings/language-form";

/** Settings → Language (#14). The session's statement already read both choices: no statement of its own. */
export async function LanguageSection({ actor }: { actor: TActor }) {
  const t = await getTranslations("language");
  const membership = actor.membership;
  if (!membership) return null;
  return (
    <section className="card" aria-labelledby="language-heading">
      <h2 id="language-heading">{t("heading")}</h2>
      <LanguageForms
        householdId={membership.householdId}
        chosen={actor.locale ?? null}
        householdLocale={actor.householdLocale ?? DEFAULT_LOCALE}
        canChangeHousehold={membership.role === "parent"}
        pseudo={process.env.NODE_ENV !== "production" || process.env.ATTUNE_PSEUDO_LOCALE === "1"}
      />
    </section>
  );
}
