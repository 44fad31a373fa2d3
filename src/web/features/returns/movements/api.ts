// Movements' server calls and cache keys (flights and convoys, their passengers and escorts).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ConfirmDeparture,
  CreateEscort,
  CreateMovement,
  Movement,
  MovementSummary,
} from '../../../../domain/returns/movements.ts';
import { api, type Page } from '../../../api/client.ts';

export type { Movement, MovementSummary };
export const MOVEMENTS = 'movements';

export const useMovement = (id: string) =>
  useQuery({
    queryKey: [MOVEMENTS, 'one', id],
    queryFn: ({ signal }) => api.get<Movement>(`/${MOVEMENTS}/${id}`, undefined, signal),
  });

/** After any change: the movement's page and every list. */
export function useMovementsRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [MOVEMENTS] });
}

export const postMovement = (body: CreateMovement, key: string) =>
  api.post<Movement>(`/${MOVEMENTS}`, body, key);

export const postEscort = (id: string, body: CreateEscort, key: string) =>
  api.post<Movement>(`/${MOVEMENTS}/${id}/escorts`, body, key);

export const postPassenger = (id: string, caseId: string, key: string) =>
  api.post<Movement>(`/${MOVEMENTS}/${id}/passengers`, { caseId }, key);

export const removePassenger = (id: string, caseId: string, key: string) =>
  api.post<Movement>(`/${MOVEMENTS}/${id}/passengers/${caseId}/remove`, {}, key);

export const postDeparture = (id: string, body: Partial<ConfirmDeparture>, key: string) =>
  api.post<Movement>(`/${MOVEMENTS}/${id}/departure`, body, key);

/** A return case found by its reference (the returns list's search), or null. */
export async function caseByReference(reference: string): Promise<string | null> {
  const page = await api.get<Page<{ id: string; reference: string }>>('/returns', { q: reference, limit: 5 });
  const exact = page.items.find((c) => c.reference.toLowerCase() === reference.trim().toLowerCase());
  return (exact ?? (page.items.length === 1 ? page.items[0] : undefined))?.id ?? null;
}

export const downloadManifest = (id: string, format: 'pdf' | 'xlsx', lang: string) =>
  api.download(`/${MOVEMENTS}/${id}/manifest`, { format, lang });
