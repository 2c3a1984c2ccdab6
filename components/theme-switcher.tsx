"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { setThemeAction } from "@/lib/theme/actions";
import type { TNightClock } from "@/lib/theme";
import { THEMES, type TTheme } from "@/lib/theme/names";
import { paintChoice } from "@/lib/theme/paint";
import { useAction } from "@/components/ui/use-action";

/**
 * "Night mode": four radios ("Follow the night" first, the default). Arrow keys move between them (native radio
 * behaviour); each change applies at once and is saved in a cookie.
 */
export function ThemeSwitcher({ initial, clock = null }: { initial: TTheme; clock?: TNightClock | null }) {
  // Labels and descriptions: theme.labels.<theme> and theme.descriptions.<theme> in the catalogue.
  const t = useTranslations("theme");
  const [theme, setTheme] = useState<TTheme>(initial);
  const { state, pending, run, formProps } = useAction(setThemeAction);

  function choose(next: TTheme) {
    setTheme(next);
    // Apply straight away; the server confirms on its next render.
    void paintChoice(next, clock);
    const data = new FormData();
    data.set("theme", next);
    run(data);
  }

  return (
    <form {...formProps}>
      <fieldset aria-describedby="theme-hint">
        <legend>{t("switcher.legend")}</legend>
        <span className="hint" id="theme-hint">
          {t(`descriptions.${theme}`)}
        </span>
        <div className="segmented">
          {THEMES.map((option) => (
            <label key={option}>
              <input
                type="radio"
                name="theme"
                value={option}
                checked={theme === option}
                onChange={() => choose(option)}
              />
              {t(`labels.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <p role="status" className="small muted" data-testid="theme-status">
        {pending ? t("switcher.saving") : state?.ok ? t("switcher.saved", { theme: state.data.theme }) : ""}
      </p>
      {state && !state.ok ? (
        <p className="field-error" role="alert" data-testid="form-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
