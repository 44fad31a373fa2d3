// Embassy requests' and consular interviews' server calls and cache keys.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConsularInterviewCreate,
  ConsularInterviewList,
  EmbassyAnswers,
  EmbassyCandidates,
  EmbassyRequestCreate,
  EmbassyRequestSummary,
  EmbassyRequestView,
} from '../../../../domain/returns/embassy.ts';
import { api, withQuery } from '../../../api/client.ts';

export type { EmbassyRequestSummary, EmbassyRequestView };
export const REQUESTS = 'embassy-requests';
const INTERVIEWS = 'consular-interviews';

export const useEmbassyRequests = () =>
  useQuery({
    queryKey: [REQUESTS, 'list'],
    queryFn: ({ signal }) => api.get<{ items: EmbassyRequestSummary[] }>(`/${REQUESTS}`, undefined, signal),
  });

export const useEmbassyRequest = (id: string) =>
  useQuery({
    queryKey: [REQUESTS, 'one', id],
    queryFn: ({ signal }) => api.get<EmbassyRequestView>(`/${REQUESTS}/${id}`, undefined, signal),
  });

/** Who a request for this embassy and nationality would hold now. */
export const useCandidates = (embassyOrganisationId: string | null, nationality: string) =>
  useQuery({
    queryKey: [REQUESTS, 'candidates', embassyOrganisationId, nationality],
    enabled: !!embassyOrganisationId && /^[A-Z]{3}$/.test(nationality),
    queryFn: ({ signal }) =>
      api.get<EmbassyCandidates>(
        `/${REQUESTS}/candidates`,
        { embassyOrganisationId: embassyOrganisationId ?? '', nationality },
        signal,
      ),
  });

export type EmbassyOption = { id: string; name: string; countryCode: string | null };
export const useEmbassies = () =>
  useQuery({
    queryKey: ['organisations', 'embassies'],
    queryFn: ({ signal }) =>
      api.get<{ items: EmbassyOption[] }>(
        '/organisations',
        { kind: 'embassy', active: 'true', limit: 200 },
        signal,
      ),
  });

export function useEmbassyRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [REQUESTS] });
}

export const postRequest = (body: EmbassyRequestCreate, key: string) =>
  api.post<EmbassyRequestView>(`/${REQUESTS}`, body, key);
export const sendRequest = (r: EmbassyRequestView, sentOn: string, key: string) =>
  api.post<EmbassyRequestView>(`/${REQUESTS}/${r.id}/send`, { version: r.version, sentOn }, key);
export const postAnswers = (r: EmbassyRequestView, body: Omit<EmbassyAnswers, 'version'>, key: string) =>
  api.post<EmbassyRequestView>(`/${REQUESTS}/${r.id}/answers`, { ...body, version: r.version }, key);
/** A plain link: the browser downloads the file with the session cookie; the server audits it. */
export const exportHref = (id: string, format: 'xlsx' | 'pdf') =>
  withQuery(`/api/v1/${REQUESTS}/${id}/export`, { format });

export const useInterviews = (caseId: string) =>
  useQuery({
    queryKey: [INTERVIEWS, caseId],
    queryFn: ({ signal }) =>
      api.get<ConsularInterviewList>(`/returns/${caseId}/consular-interviews`, undefined, signal),
  });
export function useInterviewsRefresh(caseId: string) {
  const queryClient = useQueryClient();
  // a confirmed interview may move the case: its page refreshes too
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [INTERVIEWS, caseId] }),
      queryClient.invalidateQueries({ queryKey: ['returns'] }),
    ]);
}
export const postInterview = (caseId: string, body: ConsularInterviewCreate, key: string) =>
  api.post<ConsularInterviewList>(`/returns/${caseId}/consular-interviews`, body, key);
