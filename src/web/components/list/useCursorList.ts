import { useInfiniteQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';

export type ListFilters = Record<string, string | undefined>;

/** A cursor-paginated list (`{items, nextCursor}`), one page per "load more". */
export function useCursorList<T>(resource: string, filters: ListFilters, limit = 25) {
  const query = useInfiniteQuery({
    queryKey: [resource, 'list', filters, limit],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(`/${resource}`, { ...filters, limit, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return { ...query, items };
}
