// Surveillance's server calls and cache keys. Shapes come from src/domain/health/surveillance.ts
// and alert-rules.ts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AlertRule, AlertTransition } from '../../../../domain/health/alert-rules.ts';
import type { AlertView, SurveillanceWeek } from '../../../../domain/health/surveillance.ts';
import type { Syndrome } from '../../../../domain/health/syndromes.ts';
import { api, type Page } from '../../../api/client.ts';

export type { AlertView, SurveillanceWeek };
export type CurvePoint = { week: string; cases: number; population: number | null; rate: number | null };
export type EpidemicCurve = { syndrome: Syndrome; centreId: string | null; points: CurvePoint[] };
/** GET /alert-rules: the mission's rules, or the defaults (`defaults: true`) when it has none. */
export type AlertRuleSet = { rules: AlertRule[]; defaults: boolean };

export const ALERTS = 'alerts';

export const useSurveillanceWeek = (week: string | null) =>
  useQuery({
    queryKey: ['surveillance', 'week', week],
    enabled: !!week,
    queryFn: ({ signal }) => api.get<SurveillanceWeek>('/surveillance', { week: week ?? undefined }, signal),
  });

export const useCurve = (q: { syndrome: Syndrome; centreId?: string; from: string; to: string }) =>
  useQuery({
    queryKey: ['surveillance', 'curve', q],
    queryFn: ({ signal }) => api.get<EpidemicCurve>('/surveillance/curve', q, signal),
  });

export const useAlertRules = () =>
  useQuery({
    queryKey: ['alert-rules'],
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api.get<AlertRuleSet>('/alert-rules', undefined, signal),
  });

/** The alerts of one week (every status), to mark the table's cells. */
export const useWeekAlerts = (week: string | null) =>
  useQuery({
    queryKey: [ALERTS, 'week', week],
    enabled: !!week,
    queryFn: ({ signal }) =>
      api.get<Page<AlertView>>(`/${ALERTS}`, { week: week ?? undefined, limit: 200 }, signal),
  });

/** Open alerts (new and verified), newest first: the dashboard's list and the home panel. */
export const useOpenAlerts = (limit = 10) =>
  useQuery({
    queryKey: [ALERTS, 'open', limit],
    queryFn: async ({ signal }) => {
      const [fresh, verified] = await Promise.all(
        (['new', 'verified'] as const).map((status) =>
          api.get<Page<AlertView> & { total?: number }>(`/${ALERTS}`, { status, limit }, signal),
        ),
      );
      return {
        items: [...fresh!.items, ...verified!.items],
        total: (fresh!.total ?? fresh!.items.length) + (verified!.total ?? verified!.items.length),
      };
    },
  });

export const useAlert = (id: string) =>
  useQuery({
    queryKey: [ALERTS, 'one', id],
    queryFn: ({ signal }) => api.get<AlertView>(`/${ALERTS}/${id}`, undefined, signal),
  });

export function useAlertTransition() {
  const queryClient = useQueryClient();
  return async (alert: AlertView, body: Omit<AlertTransition, 'version'>, key: string) => {
    const updated = await api.post<AlertView>(
      `/${ALERTS}/${alert.id}/transition`,
      { ...body, version: alert.version },
      key,
    );
    queryClient.setQueryData([ALERTS, 'one', alert.id], updated);
    await queryClient.invalidateQueries({ queryKey: [ALERTS], predicate: (q) => q.queryKey[1] !== 'one' });
    return updated;
  };
}
