import type { MetadataRoute } from "next";
import { THEME_COLORS } from "@/lib/theme";

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/tonight",
    name: "Attune",
    short_name: "Attune",
    description: "Share the nights fairly and keep the days close.",
    start_url: "/tonight",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    // The app opens at night more than by day: the splash and bar are the night palette;
    // the page's own <meta name="theme-color"> (day or night, by media) takes over once loaded.
    background_color: THEME_COLORS.night,
    theme_color: THEME_COLORS.night,
    icons: [
      { src: "/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
    ],
  };
}
