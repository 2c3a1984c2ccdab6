"use client";

import { useState } from "react";
import { setThemeAction } from "@/lib/theme/actions";
import { resolvePalette, type TNightClock, type TPalette, type TTheme } from "@/lib/theme";
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
  const [shown, setShown] = useState<{ theme: TTheme; palette: TPalette }>({ theme, palette });
  const { pending, run } = useAction(setThemeAction);
  const dark = shown.palette === "night";

  function choose(next: TTheme, paint: TPalette | null) {
    if (paint) document.documentElement.dataset.theme = paint;
    document.documentElement.dataset.themeChoice = next;
    setShown({ theme: next, palette: paint ?? shown.palette });
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
        onClick={() => (dark ? choose("day", "day") : choose("night", "night"))}
      >
        {dark ? "Day mode" : "Night mode"}
      </button>
      {shown.theme !== "auto" ? (
        <button
          type="button"
          className="button button-quiet"
          data-testid="theme-follow-night"
          onClick={() => choose("auto", resolvePalette("auto", new Date(), clock))}
        >
          Follow the night
        </button>
      ) : null}
    </>
  );
}
