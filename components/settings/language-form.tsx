"use client";

import { useTranslations } from "next-intl";
import { setHouseholdLocaleAction, setLanguageAction } from "@/lib/account/actions";
import { LOCALE_NAMES, LOCALES, type TAnyLocale } from "@/lib/i18n/locales";
import { SelectField } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, formError, useAction } from "@/components/ui/use-action";

/** Settings → Language: my language (mine alone), and the household's clock (parents; both partners see it). */
export function LanguageForms({
  householdId,
  chosen,
  householdLocale,
  canChangeHousehold,
  pseudo,
}: {
  householdId: string;
  /** The caregiver's own choice, or null when they follow the browser. */
  chosen: TAnyLocale | null;
  householdLocale: TAnyLocale;
  canChangeHousehold: boolean;
  /** Offer the pseudo-locale (development and tests). */
  pseudo: boolean;
}) {
  const t = useTranslations("language");
  const mine = useAction(setLanguageAction);
  const household = useAction(setHouseholdLocaleAction);
  const options = pseudo ? [...LOCALES, "en-XA" as const] : LOCALES;
  return (
    <>
      <form {...mine.formProps} className="form" noValidate aria-label={t("mineLabel")}>
        <FormError message={formError(mine.state, ["locale"])} />
        <SelectField
          label={t("mineLabel")}
          name="locale"
          hint={t("mineHint")}
          defaultValue={chosen ?? ""}
          errors={fieldErrors(mine.state, "locale")}
        >
          <option value="">{t("followBrowser")}</option>
          {options.map((l) => (
            <option key={l} value={l} lang={l === "en-XA" ? "en" : l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <SubmitButton pending={mine.pending} pendingLabel={t("saving")} className="button button-secondary">
          {t("saveMine")}
        </SubmitButton>
      </form>
      {canChangeHousehold ? (
        <form {...household.formProps} className="form" noValidate aria-label={t("householdLabel")}>
          <FormError message={formError(household.state, ["locale"])} />
          <input type="hidden" name="householdId" value={householdId} />
          <SelectField
            label={t("householdLabel")}
            name="locale"
            hint={t("householdHint")}
            defaultValue={householdLocale}
            errors={fieldErrors(household.state, "locale")}
          >
            {options.map((l) => (
              <option key={l} value={l}>
                {t("conventions", { locale: l.replace("-", "") })}
              </option>
            ))}
          </SelectField>
          <SubmitButton pending={household.pending} pendingLabel={t("saving")} className="button button-secondary">
            {t("saveHousehold")}
          </SubmitButton>
        </form>
      ) : (
        <p className="muted small">
          {t("householdReadOnly", { conventions: t("conventions", { locale: householdLocale.replace("-", "") }) })}
        </p>
      )}
    </>
  );
}
