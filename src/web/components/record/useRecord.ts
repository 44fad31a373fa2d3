import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, newIdempotencyKey } from '../../api/client.ts';

interface Versioned {
  id: string;
  version: number;
}

/**
 * One directory record: load it, PATCH it with its version (a stale version gets 409), and
 * remember the last confirmation to show. Lists of the resource are refreshed after each change.
 */
export function useRecord<T extends Versioned>(resource: string, id: string) {
  const queryClient = useQueryClient();
  const key = [resource, 'one', id];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.get<T>(`/${resource}/${id}`, undefined, signal),
  });
  const [notice, setNotice] = useState<string | null>(null);

  const accept = (updated: T, message: string) => {
    queryClient.setQueryData(key, updated);
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: [resource], predicate: (q) => q.queryKey[1] !== 'one' });
  };

  const patch = async (changes: object, message: string): Promise<T> => {
    if (!query.data) throw new Error('record not loaded');
    setNotice(null);
    const updated = await api.patch<T>(`/${resource}/${id}`, { ...changes, version: query.data.version });
    accept(updated, message);
    return updated;
  };

  return { query, record: query.data, notice, accept, patch };
}

/** Create with an Idempotency-Key per form, so a retry after a lost answer cannot create twice. */
export function useCreate<T extends { id: string }>(resource: string) {
  const queryClient = useQueryClient();
  const [idempotencyKey] = useState(newIdempotencyKey);
  return async (body: object): Promise<T> => {
    const created = await api.post<T>(`/${resource}`, body, idempotencyKey);
    queryClient.setQueryData([resource, 'one', created.id], created);
    await queryClient.invalidateQueries({ queryKey: [resource], predicate: (q) => q.queryKey[1] !== 'one' });
    return created;
  };
}
