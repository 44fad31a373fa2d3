// The clinic's server calls and cache keys. Shapes come from the shared domain schemas in
// src/domain/health (and supplies' for items and stock on hand).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { z } from 'zod';
import type { Centre } from '../../../domain/directory/schemas.ts';
import type {
  ClinicSession,
  clinicSessionCreate,
  QueueEntry,
  todayClinics,
} from '../../../domain/health/clinic.ts';
import type {
  Consultation,
  ConsultationCreate,
  consultationPage,
  fitnessFlag,
} from '../../../domain/health/consultations.ts';
import type { DiagnosisView } from '../../../domain/health/diagnoses.ts';
import { api } from '../../api/client.ts';
import { localName } from '../../components/BilingualName.tsx';
import { useAllOf } from '../../components/list/useAllOf.ts';

export type { ClinicSession, Consultation, DiagnosisView, QueueEntry };
export type TodayClinics = z.infer<typeof todayClinics>;
export type SessionSummary = TodayClinics['sessions'][number];
export type Schedule = TodayClinics['scheduled'][number];
export type ConsultationSummary = z.infer<typeof consultationPage>['items'][number];
export type FitnessFlag = z.infer<typeof fitnessFlag>;

/** A patient in the day's queue, their name in their own script beside the Latin one. */
export type QueueRow = QueueEntry;

const SESSIONS = 'clinic-sessions';
const CONSULTATIONS = 'consultations';

export const healthKeys = {
  today: [SESSIONS, 'today'] as const,
  session: (id: string) => [SESSIONS, 'one', id] as const,
  consultation: (id: string) => [CONSULTATIONS, 'one', id] as const,
  ofPerson: (personId: string) => [CONSULTATIONS, 'person', personId] as const,
  fitness: (personId: string) => ['fitness-to-travel', personId] as const,
};

export const useTodayClinics = () =>
  useQuery({
    queryKey: healthKeys.today,
    queryFn: ({ signal }) => api.get<TodayClinics>(`/${SESSIONS}/today`, undefined, signal),
  });

export const useClinicSession = (id: string) =>
  useQuery({
    queryKey: healthKeys.session(id),
    queryFn: ({ signal }) => api.get<ClinicSession>(`/${SESSIONS}/${id}`, undefined, signal),
  });

/** After any change to a session or its queue: the session itself and today's list. */
export function useSessionRefresh() {
  const queryClient = useQueryClient();
  return (session?: ClinicSession) => {
    if (session) queryClient.setQueryData(healthKeys.session(session.id), session);
    return queryClient.invalidateQueries({ queryKey: [SESSIONS] });
  };
}

export const openSession = (body: z.input<typeof clinicSessionCreate>, key: string) =>
  api.post<ClinicSession>(`/${SESSIONS}`, body, key);

/** Close or reopen (status), with the session's version. */
export const setSessionStatus = (s: ClinicSession, status: ClinicSession['status']) =>
  api.patch<ClinicSession>(`/${SESSIONS}/${s.id}`, { status, version: s.version });

export const addToQueue = (sessionId: string, personId: string, key: string) =>
  api.post<QueueEntry>(`/${SESSIONS}/${sessionId}/queue`, { personId }, key);

export const markLeft = (sessionId: string, entry: QueueEntry) =>
  api.patch<QueueEntry>(`/${SESSIONS}/${sessionId}/queue/${entry.id}`, {
    status: 'left',
    version: entry.version,
  });

export const useConsultation = (id: string) =>
  useQuery({
    queryKey: healthKeys.consultation(id),
    queryFn: ({ signal }) => api.get<Consultation>(`/${CONSULTATIONS}/${id}`, undefined, signal),
  });

export const postConsultation = (body: ConsultationCreate, key: string) =>
  api.post<Consultation>(`/${CONSULTATIONS}`, body, key);

/** Dispense what is still to be handed over (all, or the prescriptions named). */
export const dispense = (c: Consultation, key: string, prescriptionIds?: string[]) =>
  api.post<Consultation>(`/${CONSULTATIONS}/${c.id}/dispense`, { version: c.version, prescriptionIds }, key);

export const usePersonConsultations = (personId: string, enabled: boolean) =>
  useQuery({
    queryKey: healthKeys.ofPerson(personId),
    enabled,
    queryFn: ({ signal }) =>
      api.get<{ items: ConsultationSummary[]; nextCursor: string | null }>(
        `/${CONSULTATIONS}`,
        { personId, limit: 50 },
        signal,
      ),
  });

export const useFitnessFlag = (personId: string, enabled: boolean) =>
  useQuery({
    queryKey: healthKeys.fitness(personId),
    enabled,
    queryFn: ({ signal }) =>
      api.get<FitnessFlag>(`/persons/${personId}/fitness-to-travel`, undefined, signal),
  });

/** The catalogue's diagnoses matching `q` (code, or a name in any language), best first. */
export const useDiagnosisSearch = (q: string) =>
  useQuery({
    queryKey: ['diagnoses', q],
    enabled: q.length >= 1,
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api.get<{ items: DiagnosisView[] }>('/diagnoses', { q, limit: 12 }, signal),
  });

/**
 * `(centreId, recordedName)` → the centre's name in the page's language: records carry the name
 * as written, the directory its other names (the recorded one until the list is in).
 */
export function useCentreName(): (centreId: string, recorded: string) => string {
  const centres = useAllOf<Centre>('centres', { active: 'true' });
  const byId = useMemo(() => new Map((centres.data ?? []).map((c) => [c.id, c])), [centres.data]);
  return (centreId, recorded) => {
    const c = byId.get(centreId);
    return c ? localName(c) : recorded;
  };
}
