import type { MetadataRoute } from "next";
import { THEME_COLORS } from "@/lib/theme";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Attune",
    short_name: "Attune",
    description: "Share the nights fairly and keep the days close.",
    start_url: "/tonight",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: THEME_COLORS.night,
    theme_color: THEME_COLORS.night,
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icon-maskable.svg", sizes: "any", type: "image/svg+xml", purpose: "maskable" },
    ],
  };
}
