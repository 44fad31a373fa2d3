import type { LightMyRequestResponse } from 'fastify';
import type { Movement, StockLine } from '../../../domain/supplies/movements';
import { type Client, json } from '../../test/harness';
import type { SuppliesWorld } from '../../test/supplies-factories';

// Bodies and readers shared by the ledger's HTTP tests.

export type Written = { items: Movement[] };
export type Problem = { detail: string; code?: string; errors?: { path: string; message: string }[] };
export type Card = {
  openingBalance: number;
  closingBalance: number;
  items: Movement[];
  nextCursor: string | null;
};

/** A donation of 100 clothing sets into store A, lot CL-1; any field or line field overridable. */
export const receipt = (
  s: SuppliesWorld,
  o: Record<string, unknown> = {},
  line: Record<string, unknown> = {},
) => ({
  stockPointId: s.storeA,
  occurredOn: '2026-10-01',
  reason: 'donation',
  documentNumber: 'GRN-2026-001',
  projectId: s.project,
  lines: [{ itemId: s.clothing, lotNumber: 'CL-1', expiryOn: '2030-01-01', quantity: 100, ...line }],
  ...o,
});

/** A loss (damaged) on 2026-10-10: of the lot `o.lotId`, or FEFO without one. */
export const loss = (
  stockPointId: string,
  itemId: string,
  quantity: number,
  o: Record<string, unknown> = {},
) => ({
  stockPointId,
  occurredOn: '2026-10-10',
  reason: 'damaged',
  lines: [{ itemId, quantity, ...((o.lotId ? { lotId: o.lotId } : {}) as object) }],
  ...Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'lotId')),
});

export const issueAs = (c: Client, body: unknown): Promise<LightMyRequestResponse> =>
  c.post('/api/v1/stock-movements/issues', body);
export const stockAt = async (c: Client, query: string) =>
  json<{ items: StockLine[]; total: number }>(await c.get(`/api/v1/stock?${query}`));
