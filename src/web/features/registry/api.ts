// The registry's server calls and cache keys. Shapes come from the shared domain schemas.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  duplicateCandidate,
  duplicateQuery,
  Episode,
  Movement,
  Person,
  population,
  TimelineItem,
} from '../../../domain/registry/schemas.ts';
import { api } from '../../api/client.ts';

export type { Episode, Person, TimelineItem };
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;
export type DuplicateQuery = z.input<typeof duplicateQuery>;
export type Population = z.infer<typeof population> & {
  /** what the user may do at this centre, e.g. "recordHeadcount", once the server says so */
  allowedActions?: string[];
};

export interface Merge {
  id: string;
  survivorId: string;
  mergedId: string;
  mergedRegistrationNumber: string;
  at: string;
  undoneAt: string | null;
  allowedActions: string[];
}

/** A relative of a person, as the server reports it (see the report: GET /persons/:id/family). */
export interface FamilyMember {
  person: Person;
  relationship: string;
}

export const RESOURCE = 'persons';

/** Ways a detention ends other than a transfer, offered together under "End detention". */
export const END_TYPES = ['release', 'return', 'deportation', 'escape', 'death'] as const;

/** Keys under ['persons', …]: lists and sub-resources are refreshed together after a change. */
export const registryKeys = {
  one: (id: string) => [RESOURCE, 'one', id] as const,
  episodes: (id: string) => [RESOURCE, 'episodes', id] as const,
  timeline: (id: string) => [RESOURCE, 'timeline', id] as const,
  merges: (id: string) => [RESOURCE, 'merges', id] as const,
  family: (id: string) => [RESOURCE, 'family', id] as const,
  duplicates: (q: DuplicateQuery) => [RESOURCE, 'duplicates', q] as const,
  population: (centreId: string, from: string, to: string) => ['population', centreId, from, to] as const,
};

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: registryKeys.one(id),
    queryFn: ({ signal }) => api.get<Person>(`/persons/${id}`, undefined, signal),
  });

export const useEpisodes = (id: string) =>
  useQuery({
    queryKey: registryKeys.episodes(id),
    queryFn: ({ signal }) => api.get<{ items: Episode[] }>(`/persons/${id}/episodes`, undefined, signal),
  });

export const useTimeline = (id: string) =>
  useQuery({
    queryKey: registryKeys.timeline(id),
    queryFn: ({ signal }) => api.get<{ items: TimelineItem[] }>(`/persons/${id}/timeline`, undefined, signal),
  });

export const useMerges = (id: string) =>
  useQuery({
    queryKey: registryKeys.merges(id),
    queryFn: ({ signal }) => api.get<{ items: Merge[] }>(`/persons/${id}/merges`, undefined, signal),
  });

export const useFamily = (id: string) =>
  useQuery({
    queryKey: registryKeys.family(id),
    queryFn: ({ signal }) => api.get<{ items: FamilyMember[] }>(`/persons/${id}/family`, undefined, signal),
    retry: false,
  });

export const usePopulation = (centreId: string, from: string, to: string) =>
  useQuery({
    queryKey: registryKeys.population(centreId, from, to),
    queryFn: ({ signal }) => api.get<Population>(`/centres/${centreId}/population`, { from, to }, signal),
    placeholderData: (previous) => previous,
  });

/** Candidates for "already registered?": a search, so cached like a query, never retried. */
export const useDuplicates = (q: DuplicateQuery | null) =>
  useQuery({
    queryKey: registryKeys.duplicates(q ?? {}),
    enabled: q !== null,
    queryFn: () => api.post<{ items: DuplicateCandidate[] }>('/persons/duplicates', q),
    placeholderData: (previous) => previous,
    staleTime: 30_000,
    retry: false,
  });

/** Asks the server again for every duplicate check shown (after it refused a registration). */
export const useRefreshDuplicates = () => {
  const queryClient = useQueryClient();
  return () => queryClient.refetchQueries({ queryKey: registryKeys.duplicates({}).slice(0, -1) });
};

export const postMovement = (personId: string, movement: Movement, idempotencyKey: string) =>
  api.post<{ person: Person | null; episodes: Episode[] }>(
    `/persons/${personId}/episodes`,
    movement,
    idempotencyKey,
  );

/** After any change to a person: their record, lists, sub-resources and centre populations. */
export function useRegistryRefresh() {
  const queryClient = useQueryClient();
  return async (person?: Person | null) => {
    if (person) queryClient.setQueryData(registryKeys.one(person.id), person);
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: [RESOURCE],
        predicate: (q) => !person || q.queryKey[1] !== 'one' || q.queryKey[2] !== person.id,
      }),
      queryClient.invalidateQueries({ queryKey: ['population'] }),
    ]);
  };
}
