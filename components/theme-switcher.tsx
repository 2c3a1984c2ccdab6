"use client";

import { useState } from "react";
import { setThemeAction } from "@/lib/theme/actions";
import type { TNightClock } from "@/lib/theme";
import { THEME_LABELS, THEMES, type TTheme } from "@/lib/theme/names";
import { paintChoice } from "@/lib/theme/paint";
import { useAction } from "@/components/ui/use-action";

const DESCRIPTIONS: Record<TTheme, string> = {
  auto: "Night mode during your household's night window, day mode outside it.",
  system: "Dark when your phone or computer is dark.",
  day: "Light and bright, always.",
  night: "Dark, dim and warm, with bigger buttons. Easy on sleepy eyes.",
};

/**
 * "Night mode": four radios ("Follow the night" first, the default). Arrow keys move between them (native radio
 * behaviour); each change applies at once and is saved in a cookie.
 */
export function ThemeSwitcher({ initial, clock = null }: { initial: TTheme; clock?: TNightClock | null }) {
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
        <legend>Night mode</legend>
        <span className="hint" id="theme-hint">
          {DESCRIPTIONS[theme]}
        </span>
        <div className="segmented">
          {THEMES.map((t) => (
            <label key={t}>
              <input type="radio" name="theme" value={t} checked={theme === t} onChange={() => choose(t)} />
              {THEME_LABELS[t]}
            </label>
          ))}
        </div>
      </fieldset>
      <p role="status" className="small muted" data-testid="theme-status">
        {pending ? "Saving…" : state?.ok ? `Saved: ${THEME_LABELS[state.data.theme]}.` : ""}
      </p>
      {state && !state.ok ? (
        <p className="field-error" role="alert" data-testid="form-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
