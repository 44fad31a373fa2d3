// Reintegration's server calls and cache keys. Shapes come from src/domain/returns.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FollowUp,
  ReintegrationItemCreate,
  ReintegrationItemUpdate,
  ReintegrationPlanInput,
  ReintegrationView,
  SurveySubmission,
} from '../../../../domain/returns/reintegration.ts';
import type { StoredSurvey } from '../../../../domain/returns/sustainability.ts';
import { api } from '../../../api/client.ts';

export type { FollowUp, ReintegrationView, StoredSurvey };
export type Due = 'overdue' | 'upcoming';

export const reintegrationKeys = {
  plan: (caseId: string) => ['reintegration', 'plan', caseId] as const,
  followUps: (caseId: string) => ['reintegration', 'follow-ups', caseId] as const,
  due: (due: Due) => ['reintegration', 'due', due] as const,
  survey: ['reintegration', 'survey'] as const,
};

export const useReintegration = (caseId: string) =>
  useQuery({
    queryKey: reintegrationKeys.plan(caseId),
    queryFn: ({ signal }) =>
      api.get<ReintegrationView>(`/returns/${caseId}/reintegration-plan`, undefined, signal),
  });

export const useCaseFollowUps = (caseId: string) =>
  useQuery({
    queryKey: reintegrationKeys.followUps(caseId),
    queryFn: ({ signal }) =>
      api.get<{ items: FollowUp[] }>(`/returns/${caseId}/follow-ups`, undefined, signal),
  });

export const useDueFollowUps = (due: Due) =>
  useQuery({
    queryKey: reintegrationKeys.due(due),
    queryFn: ({ signal }) => api.get<{ items: FollowUp[] }>('/reintegration-follow-ups', { due }, signal),
  });

export const useActiveSurvey = (enabled = true) =>
  useQuery({
    queryKey: reintegrationKeys.survey,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api.get<StoredSurvey>('/sustainability-surveys/active', undefined, signal),
  });

export const savePlan = (caseId: string, body: ReintegrationPlanInput) =>
  api.put<ReintegrationView>(`/returns/${caseId}/reintegration-plan`, body);

export const addItem = (caseId: string, body: ReintegrationItemCreate, key?: string) =>
  api.post<ReintegrationView>(`/returns/${caseId}/reintegration-plan/items`, body, key);

export const updateItem = (id: string, body: ReintegrationItemUpdate) =>
  api.patch<ReintegrationView>(`/reintegration-items/${id}`, body);

export const recordSurvey = (id: string, body: SurveySubmission, key?: string) =>
  api.post<FollowUp>(`/reintegration-follow-ups/${id}/survey`, body, key);

/** After a write: the case's plan, its follow-ups and the due lists (the case page reads the rest). */
export function useReintegrationRefresh(caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reintegrationKeys.plan(caseId) }),
      queryClient.invalidateQueries({ queryKey: reintegrationKeys.followUps(caseId) }),
      queryClient.invalidateQueries({ queryKey: ['reintegration', 'due'] }),
      // the case's own page (cases-web) shows its state: a plan or a started item moves it
      queryClient.invalidateQueries({ queryKey: ['returns'] }),
    ]);
}
