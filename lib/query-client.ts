import { defaultShouldDehydrateQuery, environmentManager, QueryClient } from "@tanstack/react-query";
import { setBrowserQueryClient } from "@/lib/query-bridge";

// TanStack's advice for the App Router: a fresh client for every server
// request (a shared one would leak one caregiver's data to another), and one
// client for the whole life of the browser tab.

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Above zero, so data prefetched on the server isn't refetched straight away.
        staleTime: 60 * 1000,
      },
      dehydrate: {
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (environmentManager.isServer()) return makeQueryClient();
  if (!browserQueryClient) {
    browserQueryClient = makeQueryClient();
    setBrowserQueryClient(browserQueryClient);
  }
  return browserQueryClient;
}
