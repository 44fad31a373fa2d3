// The supplies module's server calls and cache keys (stock side). Shapes come from the shared
// domain schemas in src/domain/supplies.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Centre, Organisation } from '../../../domain/directory/schemas.ts';
import type { Item, project, StockPoint, stockLevelList } from '../../../domain/supplies/catalogue.ts';
import type { StockCount } from '../../../domain/supplies/counts.ts';
import type {
  fefoProposal,
  IssueCreate,
  Movement,
  movementsWritten,
  ReceiptCreate,
  StockLine,
  stockCard,
} from '../../../domain/supplies/movements.ts';
import type {
  belowMinimumReport,
  consumptionReport,
  stockAlerts,
  stockReport,
} from '../../../domain/supplies/reports.ts';
import type { Transfer, TransferCreate, transferReceive } from '../../../domain/supplies/transfers.ts';
import { api, type Page } from '../../api/client.ts';
import { useAllOf } from '../../components/list/useAllOf.ts';

export type { Item, Movement, StockCount, StockLine, StockPoint, Transfer };
export type Project = z.infer<typeof project>;
export type StockLevels = z.infer<typeof stockLevelList>;
export type StockCard = z.infer<typeof stockCard>;
export type FefoProposal = z.infer<typeof fefoProposal>;
export type StockReport = z.infer<typeof stockReport>;
export type BelowMinimumReport = z.infer<typeof belowMinimumReport>;
export type ConsumptionReport = z.infer<typeof consumptionReport>;
export type TransferReceive = z.infer<typeof transferReceive>;

/** GET /stock/alerts: counts in the reader's scope and the most urgent few of each. */
export type StockAlerts = z.infer<typeof stockAlerts>;
export type StockAlert = StockAlerts['items'][number];

/** Resources whose lists change when stock moves (their first key part). */
const STOCK_RESOURCES = ['stock', 'stock-movements', 'stock-transfers', 'stock-counts', 'stock-report'];

/** After any ledger write: every list and report of stock. */
export function useStockRefresh() {
  const queryClient = useQueryClient();
  return () => Promise.all(STOCK_RESOURCES.map((r) => queryClient.invalidateQueries({ queryKey: [r] })));
}

/** Every active item / stock point / project / centre / organisation, for pickers. */
export const useItems = () => useAllOf<Item>('items', { active: 'true' });
export const useStockPoints = () => useAllOf<StockPoint>('stock-points', { active: 'true' });
export const useProjects = () => useAllOf<Project>('projects', { active: 'true' });
export const useCentres = (enabled = true) => useAllOf<Centre>('centres', { active: 'true' }, enabled);
export const useOrganisations = () => useAllOf<Organisation>('organisations', { active: 'true' });

export const useLevels = (stockPointId: string) =>
  useQuery({
    queryKey: ['stock-points', 'levels', stockPointId],
    queryFn: ({ signal }) => api.get<StockLevels>(`/stock-points/${stockPointId}/levels`, undefined, signal),
  });

export const putLevels = (stockPointId: string, items: StockLevels['items']) =>
  api.put<StockLevels>(`/stock-points/${stockPointId}/levels`, {
    items: items.map(({ itemId, minimum, maximum }) => ({ itemId, minimum, maximum })),
  });

export const useStockCard = (q: { stockPointId: string; itemId: string; from?: string; to?: string }) =>
  useQuery({
    queryKey: ['stock-movements', 'card', q],
    queryFn: ({ signal }) => api.get<StockCard>('/stock-movements/card', q, signal),
  });

/** The reversing entry (once per entry: a second reversal is 409). */
export const reverseMovement = (id: string, reasonText: string, key: string) =>
  api.post<Movement>(`/stock-movements/${id}/reverse`, { reasonText }, key);

export const postReceipt = (body: ReceiptCreate, key: string) =>
  api.post<z.infer<typeof movementsWritten>>('/stock-movements/receipts', body, key);
export const postIssue = (body: IssueCreate, key: string) =>
  api.post<z.infer<typeof movementsWritten>>('/stock-movements/issues', body, key);

/** The lots FEFO would take a quantity from (none asked until point, item and quantity are known). */
export const useProposal = (q: { stockPointId?: string; itemId?: string; quantity?: number }) =>
  useQuery({
    queryKey: ['stock', 'proposal', q],
    enabled: !!q.stockPointId && !!q.itemId && !!q.quantity && q.quantity > 0,
    queryFn: ({ signal }) => api.get<FefoProposal>('/stock/proposal', q, signal),
  });

export const useTransfer = (id: string) =>
  useQuery({
    queryKey: ['stock-transfers', 'one', id],
    queryFn: ({ signal }) => api.get<Transfer>(`/stock-transfers/${id}`, undefined, signal),
  });
export const postTransfer = (body: TransferCreate, key: string) =>
  api.post<Transfer>('/stock-transfers', body, key);
export const receiveTransfer = (id: string, body: TransferReceive, key: string) =>
  api.post<Transfer>(`/stock-transfers/${id}/receive`, body, key);

export const useCount = (id: string) =>
  useQuery({
    queryKey: ['stock-counts', 'one', id],
    queryFn: ({ signal }) => api.get<StockCount>(`/stock-counts/${id}`, undefined, signal),
  });
export const postCount = (body: { stockPointId: string; countedOn: string }, key: string) =>
  api.post<StockCount>('/stock-counts', body, key);
export const patchCountLines = (
  c: StockCount,
  lines: { itemId: string; lotId: string; counted: number | null }[],
) => api.patch<StockCount>(`/stock-counts/${c.id}/lines`, { version: c.version, lines });
export const approveCount = (
  c: StockCount,
  reasons: { itemId: string; lotId: string; reason: string; reasonText?: string }[],
  key: string,
) => api.post<StockCount>(`/stock-counts/${c.id}/approve`, { version: c.version, reasons }, key);
export const cancelCount = (c: StockCount) =>
  api.post<StockCount>(`/stock-counts/${c.id}/cancel`, { version: c.version });

export const useStockReport = (q: Record<string, string | undefined>) =>
  useQuery({
    queryKey: ['stock-report', 'stock', q],
    queryFn: ({ signal }) => api.get<StockReport>('/stock/report', q, signal),
  });
export const useBelowMinimum = (q: Record<string, string | undefined>) =>
  useQuery({
    queryKey: ['stock-report', 'below-minimum', q],
    queryFn: ({ signal }) => api.get<BelowMinimumReport>('/stock/below-minimum', q, signal),
  });
export const useConsumption = (q: Record<string, string | number | undefined>) =>
  useQuery({
    queryKey: ['stock-report', 'consumption', q],
    queryFn: ({ signal }) => api.get<ConsumptionReport>('/stock/consumption', q, signal),
  });
export const useStockAlerts = () =>
  useQuery({
    queryKey: ['stock', 'alerts'],
    queryFn: ({ signal }) => api.get<StockAlerts>('/stock/alerts', undefined, signal),
  });

/** The on-hand lines of a point, all of them (a count sheet or a point page). */
export const useOnHand = (stockPointId: string | null) =>
  useQuery({
    queryKey: ['stock', 'point', stockPointId],
    enabled: !!stockPointId,
    queryFn: ({ signal }) => api.get<Page<StockLine>>('/stock', { stockPointId, limit: 200 }, signal),
  });
