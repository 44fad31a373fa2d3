// The assistance (distributions) module's server calls and cache keys. Shapes come from the
// shared domain schemas (src/domain/supplies).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  eligibilityRules,
  Item,
  StockPoint,
  suppliesSettings,
} from '../../../domain/supplies/catalogue.ts';
import type {
  Distribution,
  DistributionPerson,
  distributionLine,
  distributionPeople,
  distributionReport,
  EligibilityWarning,
  personAssistance,
} from '../../../domain/supplies/distributions.ts';
import { api } from '../../api/client.ts';
import { registryKeys } from '../registry/api.ts';

export type { Distribution, DistributionPerson, EligibilityWarning, Item, StockPoint };
export type DistributionPeople = z.infer<typeof distributionPeople>;
export type DistributionLine = z.infer<typeof distributionLine>;
export type DistributionListed = Omit<Distribution, 'lines'>;
export type DistributionReport = z.infer<typeof distributionReport>;
export type PersonAssistance = z.infer<typeof personAssistance>;
export type SuppliesSettings = z.infer<typeof suppliesSettings>;
export type EligibilityRules = z.infer<typeof eligibilityRules>;

export const RESOURCE = 'distributions';

export const assistanceKeys = {
  one: (id: string) => [RESOURCE, 'one', id] as const,
  report: (query: string) => [RESOURCE, 'report', query] as const,
  person: (personId: string) => [RESOURCE, 'person', personId] as const,
  people: (id: string, q: string, limit: number) => [RESOURCE, 'people', id, q, limit] as const,
  rules: () => [RESOURCE, 'rules'] as const,
  settings: () => ['stock', 'settings'] as const,
};

type Params = Record<string, string | readonly string[] | undefined>;

/**
 * A query string where a list repeats its key (`by=centre&by=item`): the API client's own query
 * takes one value per key, and these endpoints take several.
 */
export function queryString(params: Params): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    for (const one of typeof v === 'string' ? [v] : v) out.append(k, one);
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

export const useDistribution = (id: string) =>
  useQuery({
    queryKey: assistanceKeys.one(id),
    queryFn: ({ signal }) => api.get<Distribution>(`/${RESOURCE}/${id}`, undefined, signal),
  });

/**
 * The people an event's recorder may name (held at its centre on its day), from the event itself:
 * with `q` the best matches in any spelling and each one's eligibility warnings; without it
 * everyone, with how many there are and how many were served. Stock officers read no registry,
 * and still reach these.
 */
export const fetchPeople = (distributionId: string, q: string, limit: number, signal?: AbortSignal) =>
  api.get<DistributionPeople>(`/${RESOURCE}/${distributionId}/people`, { q: q || undefined, limit }, signal);

export const useDistributionPeople = (distributionId: string, q: string, limit: number, enabled = true) =>
  useQuery({
    queryKey: assistanceKeys.people(distributionId, q, limit),
    enabled,
    staleTime: 30_000,
    queryFn: ({ signal }) => fetchPeople(distributionId, q, limit, signal),
  });

export const postRecipient = (distributionId: string, body: object, idempotencyKey: string) =>
  api.post<Distribution>(`/${RESOURCE}/${distributionId}/recipients`, body, idempotencyKey);

export const postBulkLine = (distributionId: string, body: object, idempotencyKey: string) =>
  api.post<Distribution>(`/${RESOURCE}/${distributionId}/lines`, body, idempotencyKey);

export const cancelLine = (distributionId: string, lineId: string) =>
  api.post<Distribution>(`/${RESOURCE}/${distributionId}/lines/${lineId}/cancel`, {});

export const closeDistribution = (d: Distribution) =>
  api.post<Distribution>(`/${RESOURCE}/${d.id}/close`, { version: d.version });

export const useDistributionReport = (query: string) =>
  useQuery({
    queryKey: assistanceKeys.report(query),
    queryFn: ({ signal }) => api.get<DistributionReport>(`/${RESOURCE}/report${query}`, undefined, signal),
    placeholderData: (previous) => previous,
  });

export const usePersonAssistance = (personId: string) =>
  useQuery({
    queryKey: assistanceKeys.person(personId),
    queryFn: ({ signal }) => api.get<PersonAssistance>(`/persons/${personId}/assistance`, undefined, signal),
  });

export const useSuppliesSettings = () =>
  useQuery({
    queryKey: assistanceKeys.settings(),
    queryFn: ({ signal }) => api.get<SuppliesSettings>('/stock/settings', undefined, signal),
  });

export const useEligibilityRules = () =>
  useQuery({
    queryKey: assistanceKeys.rules(),
    queryFn: ({ signal }) => api.get<EligibilityRules>(`/${RESOURCE}/rules`, undefined, signal),
  });

/**
 * After a line is saved or cancelled: the event itself (put in place from the answer), the lists
 * and reports, the stock (lines move it), and the person's own history.
 */
export function useAssistanceRefresh() {
  const queryClient = useQueryClient();
  /** `written`: the answer of a save, which carries only the lines it wrote (added to the page's). */
  return async (updated: Distribution, personId?: string, written = false) => {
    queryClient.setQueryData(assistanceKeys.one(updated.id), (old: Distribution | undefined) =>
      written && old ? { ...updated, lines: [...old.lines, ...updated.lines] } : updated,
    );
    await Promise.all([
      queryClient.invalidateQueries({
        queryKey: [RESOURCE],
        predicate: (q) => q.queryKey[1] !== 'one',
      }),
      queryClient.invalidateQueries({ queryKey: ['stock'] }),
      personId ? queryClient.invalidateQueries({ queryKey: registryKeys.timeline(personId) }) : null,
    ]);
  };
}
