// Counselling's server calls and cache keys. Sessions, follow-ups and a person's sessions.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CounsellingSessionCreate,
  CounsellingSessionUpdate,
  CounsellingSessionView,
} from '../../../../domain/health/counselling.ts';
import { api, type Page } from '../../../api/client.ts';
import type { MhpssFollowUp, PersonCounselling } from './types.ts';

export type { CounsellingSessionView };
export const SESSIONS = 'counselling-sessions';
export const FOLLOW_UPS = 'mhpss-follow-ups';

export const useSession = (id: string) =>
  useQuery({
    queryKey: [SESSIONS, 'one', id],
    queryFn: ({ signal }) => api.get<CounsellingSessionView>(`/${SESSIONS}/${id}`, undefined, signal),
  });

/** The reader's open follow-ups (at most 100: a counsellor's open list is short). */
export const useOpenFollowUps = (enabled = true) =>
  useQuery({
    queryKey: [FOLLOW_UPS, 'open'],
    enabled,
    queryFn: ({ signal }) =>
      api.get<Page<MhpssFollowUp>>(`/${FOLLOW_UPS}`, { status: 'open', limit: 100 }, signal),
  });

export const usePersonCounselling = (personId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: [SESSIONS, 'person', personId],
    enabled: enabled && !!personId,
    queryFn: ({ signal }) =>
      api.get<PersonCounselling>(`/persons/${personId}/counselling`, undefined, signal),
  });

/** After a session or follow-up changes: every list of both (a session may create follow-ups). */
export function useCounsellingRefresh() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [SESSIONS, FOLLOW_UPS].map((r) =>
        queryClient.invalidateQueries({ queryKey: [r], predicate: (q) => q.queryKey[1] !== 'one' }),
      ),
    );
}

export const postSession = (body: CounsellingSessionCreate, key: string) =>
  api.post<CounsellingSessionView>(`/${SESSIONS}`, body, key);

export const patchSession = (id: string, body: CounsellingSessionUpdate) =>
  api.patch<CounsellingSessionView>(`/${SESSIONS}/${id}`, body);

export const completeFollowUp = (f: MhpssFollowUp, key: string) =>
  api.post<MhpssFollowUp>(`/${FOLLOW_UPS}/${f.id}/complete`, { version: f.version }, key);
