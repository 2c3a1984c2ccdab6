import type { QueryClient, QueryKey } from "@tanstack/react-query";

// The browser's QueryClient for code that only marks queries stale (a live
// event, a saved edit). It exists once a page that reads through React Query
// (Tonight, Connect) has made it (lib/query-client.ts), and until then there is
// no query to mark. Going through here keeps React Query itself out of the
// signed-in shell and out of the pages that read nothing through it
// (docs/decisions/0022-react-query-on-its-pages.md).

let browserClient: QueryClient | null = null;

/** Called by getQueryClient() when it makes the browser's one client. */
export function setBrowserQueryClient(client: QueryClient): void {
  browserClient = client;
}

/** Marks the queries under `queryKey` (every query without one) stale; those on screen are read again. */
export function invalidateQueries(queryKey?: QueryKey): void {
  if (!browserClient) return;
  void (queryKey ? browserClient.invalidateQueries({ queryKey }) : browserClient.invalidateQueries());
}
