"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { setThemeAction } from "@/lib/theme/actions";
import type { TNightClock } from "@/lib/theme";
import type { TPalette, TTheme } from "@/lib/theme/names";
import { paintChoice } from "@/lib/theme/paint";
import { useAction } from "@/components/ui/use-action";

/**
 * Tonight's one-tap palette switch: day ↔ night for now, and back to
 * "Follow the night" when a choice overrides it. The server re-renders the
 * page with the new cookie; the palette changes at once meanwhile.
 */
export function ThemeQuickSwitch({
  theme,
  palette,
  clock,
}: {
  theme: TTheme;
  palette: TPalette;
  /** The household's night window, to repaint at once when going back to "Follow the night". */
  clock: TNightClock;
}) {
  const t = useTranslations("theme");
  const [shown, setShown] = useState<{ theme: TTheme; palette: TPalette }>({ theme, palette });
  const { pending, run } = useAction(setThemeAction);
  const dark = shown.palette === "night";

  function choose(next: TTheme) {
    // "Follow the night" keeps the button's label until its palette is known (lib/theme/paint.ts).
    setShown({ theme: next, palette: next === "auto" ? shown.palette : next });
    void paintChoice(next, clock).then((palette) =>
      setShown((now) => (now.theme === next ? { theme: next, palette } : now)),
    );
    const data = new FormData();
    data.set("theme", next);
    run(data);
  }

  return (
    <>
      <button
        type="button"
        className="button button-secondary"
        data-testid="theme-quick-switch"
        aria-disabled={pending}
        onClick={() => choose(dark ? "day" : "night")}
      >
        {dark ? t("quick.day") : t("quick.night")}
      </button>
      {shown.theme !== "auto" ? (
        <button
          type="button"
          className="button button-quiet"
          data-testid="theme-follow-night"
          onClick={() => choose("auto")}
        >
          {t("quick.followNight")}
        </button>
      ) : null}
    </>
  );
}
