"use client";

import type { ReactNode } from "react";
import { LiveUpdates } from "@/components/live/live-updates";

/**
 * Live updates for the signed-in app. React Query is not here: the pages that
 * read through it wrap themselves in QueryProvider (components/query-provider.tsx).
 */
export function Providers({ children }: { children: ReactNode }) {
  return <LiveUpdates>{children}</LiveUpdates>;
}
