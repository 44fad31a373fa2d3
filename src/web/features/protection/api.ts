// The protection module's server calls and cache keys. Shapes come from the shared domain schemas.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  awaitingReferral,
  consent,
  note,
  protectionCase,
  protectionSummary,
  referral,
  referralRecipient,
  screening,
  screeningListed,
  sharingProfile,
  task,
} from '../../../domain/protection/records.ts';
import type { ScreeningTemplate } from '../../../domain/protection/template.ts';
import { api, type Page } from '../../api/client.ts';
import { registryKeys } from '../registry/api.ts';

export type Screening = z.infer<typeof screening>;
/** A screening in the mission-wide list: with the person's name and number. */
export type ScreeningListed = z.infer<typeof screeningListed>;
export type Consent = z.infer<typeof consent>;
export type Referral = z.infer<typeof referral>;
export type ReferralRecipient = z.infer<typeof referralRecipient>;
export type AwaitingReferral = z.infer<typeof awaitingReferral>;
export type ProtectionCase = z.infer<typeof protectionCase>;
export type Note = z.infer<typeof note>;
export type Task = z.infer<typeof task>;
export type SharingProfile = z.infer<typeof sharingProfile>;
export type ProtectionSummary = z.infer<typeof protectionSummary>;
export type { ScreeningTemplate };

/** Resources whose lists change together when a person's protection record changes. */
const RESOURCES = ['screenings', 'consents', 'referrals', 'cases', 'notes', 'tasks', 'protection'] as const;

export const protectionKeys = {
  template: (key: string, version?: number) => ['screening-templates', key, version ?? 'latest'] as const,
  screenings: (personId: string) => ['screenings', 'person', personId] as const,
  consents: (personId: string) => ['consents', 'person', personId] as const,
  summary: (personId: string) => ['protection', 'summary', personId] as const,
  note: (id: string) => ['notes', 'one', id] as const,
  sharing: (organisationId: string) => ['protection', 'sharing', organisationId] as const,
};

export const DEFAULT_TEMPLATE_KEY = 'vulnerability';

export const templateQuery = (key: string, version?: number) =>
  queryOptions({
    queryKey: protectionKeys.template(key, version),
    queryFn: ({ signal }) => api.get<ScreeningTemplate>(`/screening-templates/${key}`, { version }, signal),
    // templates are versioned data: a version never changes
    staleTime: Number.POSITIVE_INFINITY,
  });

export const useTemplate = (key = DEFAULT_TEMPLATE_KEY, version?: number) =>
  useQuery(templateQuery(key, version));

/** The person's screenings, newest first, without answers (listing them is not a read of answers). */
export const useScreenings = (personId: string, enabled = true) =>
  useQuery({
    queryKey: protectionKeys.screenings(personId),
    enabled,
    queryFn: ({ signal }) => api.get<Page<Screening>>('/screenings', { personId }, signal),
  });

/** One screening with its answers: the server audits each read, so it is fetched once and kept. */
export const useScreening = (id: string) =>
  useQuery({
    queryKey: ['screenings', 'one', id],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: ({ signal }) => api.get<Screening>(`/screenings/${id}`, undefined, signal),
  });

export const useConsents = (personId: string, enabled = true) =>
  useQuery({
    queryKey: protectionKeys.consents(personId),
    enabled,
    queryFn: ({ signal }) => api.get<Page<Consent>>('/consents', { personId }, signal),
  });

/** Flags and risk only: what roles that see flags (DESIGN §5 'f') may know. */
export const useProtectionSummary = (personId: string, enabled = true) =>
  useQuery({
    queryKey: protectionKeys.summary(personId),
    enabled,
    retry: false,
    queryFn: ({ signal }) => api.get<ProtectionSummary>(`/persons/${personId}/protection`, undefined, signal),
  });

/** One note's text: each opening is a read the server audits, so it is fetched only on demand. */
export const useNote = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: protectionKeys.note(id),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: ({ signal }) => api.get<Note>(`/notes/${id}`, undefined, signal),
  });

export const useSharingProfile = (organisationId: string, enabled = true) =>
  useQuery({
    queryKey: protectionKeys.sharing(organisationId),
    enabled,
    retry: false,
    queryFn: ({ signal }) =>
      api.get<SharingProfile>(`/organisations/${organisationId}/sharing-profile`, undefined, signal),
  });

export const postTransition = (r: Referral, to: string, note?: string, consentOverrideReason?: string) =>
  api.post<Referral>(`/referrals/${r.id}/transitions`, {
    to,
    version: r.version,
    ...(note ? { note } : {}),
    ...(consentOverrideReason ? { consentOverrideReason } : {}),
  });

export const patchCase = (c: ProtectionCase, changes: object) =>
  api.patch<ProtectionCase>(`/cases/${c.id}`, { ...changes, version: c.version });

export const patchTask = (t: Task, changes: object) =>
  api.patch<Task>(`/tasks/${t.id}`, { ...changes, version: t.version });

/** After any protection change: every protection list, and the person's timeline. */
export function useProtectionRefresh() {
  const queryClient = useQueryClient();
  return async (personId?: string) => {
    await Promise.all([
      ...RESOURCES.map((r) =>
        queryClient.invalidateQueries({
          queryKey: [r],
          // an opened note or screening does not change: refetching it would be another audited read
          predicate: (q) => q.queryKey[1] !== 'one' || r === 'referrals' || r === 'cases',
        }),
      ),
      personId ? queryClient.invalidateQueries({ queryKey: registryKeys.timeline(personId) }) : null,
    ]);
  };
}
