"use client";

import type { ReactNode } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { LiveUpdates } from "@/components/live/live-updates";
import { getQueryClient } from "@/lib/query-client";

/** React Query and live updates for the signed-in app (one client per browser tab; see lib/query-client.ts). */
export function Providers({ children }: { children: ReactNode }) {
  // No useState here: if rendering suspends before first commit, React would
  // throw a useState client away. getQueryClient() keeps one per tab.
  const queryClient = getQueryClient();
  return (
    <QueryClientProvider client={queryClient}>
      <LiveUpdates>{children}</LiveUpdates>
    </QueryClientProvider>
  );
}
