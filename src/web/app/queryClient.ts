import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

/**
 * 'always': a request is tried even when the browser says it is offline, so a list fails with
 * "you are offline" and a retry button instead of waiting, paused, behind a spinner. Queries
 * still refetch when the connection comes back.
 */
const networkMode = 'always' as const;

export function buildQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        networkMode,
        // a 4xx will not get better by asking again; network trouble might, unless the device is offline
        retry: (count, error) =>
          !(error instanceof ApiError && error.status < 500) && count < 2 && navigator.onLine,
      },
      mutations: { retry: false, networkMode },
    },
  });
}
