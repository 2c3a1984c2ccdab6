"use client";

import type { ReactNode } from "react";
import { QueryClientProvider } from "@tanstack/react-query";
import { getQueryClient } from "@/lib/query-client";

/**
 * React Query for a page that reads through it (Tonight, Connect): one client
 * per browser tab (lib/query-client.ts), shared by every such page. Not in the
 * signed-in layout, so the other pages do not load React Query at all; live
 * events reach its queries through lib/query-bridge.ts.
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  // No useState here: if rendering suspends before first commit, React would
  // throw a useState client away. getQueryClient() keeps one per tab.
  return <QueryClientProvider client={getQueryClient()}>{children}</QueryClientProvider>;
}
