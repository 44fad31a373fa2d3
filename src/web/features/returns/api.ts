// Return cases' server calls and cache keys (routes in /work: POST/GET /returns, GET /returns/:id,
// transitions, protection clearance, travel documents, exit clearances, a person's returns).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Organisation } from '../../../domain/directory/schemas.ts';
import type { project } from '../../../domain/supplies/catalogue.ts';
import { api } from '../../api/client.ts';
import { useAllOf } from '../../components/list/useAllOf.ts';
import type { PersonReturns, ReturnCase } from './types.ts';

export const RESOURCE = 'returns';
type Project = z.infer<typeof project>;

/** The person's return cases (or, for clinicians, only whether one is in progress). */
export const usePersonReturns = (personId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: [RESOURCE, 'person', personId],
    enabled: enabled && !!personId,
    // a reader the server refuses gets no tab, not a retried error
    retry: false,
    queryFn: ({ signal }) => api.get<PersonReturns>(`/persons/${personId}/returns`, undefined, signal),
  });

/** After a case changes: every list and the person's tab (the case itself is set from the answer). */
export function useReturnsRefresh() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({ queryKey: [RESOURCE], predicate: (q) => q.queryKey[1] !== 'one' });
}

export const postTransition = (c: ReturnCase, to: string, reason?: string) =>
  api.post<ReturnCase>(`/${RESOURCE}/${c.id}/transitions`, { version: c.version, to, reason });

export const postClearance = (c: ReturnCase, reason: string) =>
  api.post<ReturnCase>(`/${RESOURCE}/${c.id}/protection-clearance`, { version: c.version, reason });

export const postTravelDocument = (c: ReturnCase, body: unknown, key: string) =>
  api.post<ReturnCase>(`/${RESOURCE}/${c.id}/travel-documents`, body, key);

export const postExitClearance = (c: ReturnCase, body: unknown, key: string) =>
  api.post<ReturnCase>(`/${RESOURCE}/${c.id}/exit-clearances`, body, key);

/** The arrival in the country of return (the movements module's route; the case is refetched). */
export const postArrival = (c: Pick<ReturnCase, 'id'>, body: { arrivedOn: string }) =>
  api.post<{ ok: true }>(`/${RESOURCE}/${c.id}/arrival`, body);

/** The mission's embassies (they verify nationality and issue travel documents). */
export const useEmbassies = (enabled = true) =>
  useAllOf<Organisation>('organisations', { active: 'true', kind: 'embassy' }, enabled);

/** Projects a case can be attributed to (listed to those who read the catalogue). */
export const useProjects = (enabled = true) => useAllOf<Project>('projects', { active: 'true' }, enabled);
