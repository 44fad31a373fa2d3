import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';

const PAGE = 200;
const MAX_PAGES = 10;

/** Every record of a (small) directory list, e.g. to fill a select; stops after MAX_PAGES pages. */
export function useAllOf<T>(
  resource: string,
  filters: Record<string, string | undefined> = {},
  enabled = true,
) {
  return useQuery({
    queryKey: [resource, 'all', filters],
    enabled,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const all: T[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < MAX_PAGES; i++) {
        const page = await api.get<Page<T>>(`/${resource}`, { ...filters, limit: PAGE, cursor }, signal);
        all.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return all;
    },
  });
}
