import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';

/**
 * Query keys are `[resource, hostId, …rest]`, e.g. `['vms', 'local']`, `['vm', 'local', uuid]`,
 * so that everything of one host can be invalidated at once when it reconnects.
 *
 * Server state lives in this cache. Live data is kept fresh by server-sent events (src/lib/events.ts),
 * not by polling, so queries do not refetch on their own.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}

export const queryClient = createQueryClient();
