import { and, asc, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, stockBalances, stockMovements } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { type Client, json, type TestApp } from '../../test/harness';
import type { SuppliesWorld } from '../../test/supplies-factories';

// Small readers for the transfer and count tests: what the ledger holds, straight from the tables.

/** On hand of one lot at a point (0 without a balance row). */
export const onHand = (t: TestApp, stockPointId: string, lotId: string) =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const [b] = await w.tx
      .select({ n: stockBalances.onHand })
      .from(stockBalances)
      .where(and(eq(stockBalances.stockPointId, stockPointId), eq(stockBalances.lotId, lotId)));
    return b?.n ?? 0;
  });

/** The ledger entries of a point (and lot), in the order recorded. */
export const movementsAt = (t: TestApp, stockPointId: string, lotId?: string) =>
  asSystem(t.ctx, t.missionId, (w) =>
    w.tx
      .select()
      .from(stockMovements)
      .where(
        and(
          eq(stockMovements.stockPointId, stockPointId),
          lotId ? eq(stockMovements.lotId, lotId) : undefined,
        ),
      )
      .orderBy(asc(stockMovements.recordedAt), asc(stockMovements.id)),
  );

/** Every audit event of the mission about one entity type, oldest first. */
export const auditOf = (t: TestApp, entityType: string) =>
  asSystem(t.ctx, t.missionId, (w) =>
    w.tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.missionId, t.missionId), eq(auditEvents.entityType, entityType)))
      .orderBy(asc(auditEvents.seq)),
  );

/** How many rows the ledger and the audit trail hold: a refused request changes neither. */
export const traces = (t: TestApp) =>
  asSystem(t.ctx, t.missionId, async (w) => ({
    movements: (await w.tx.select({ id: stockMovements.id }).from(stockMovements)).length,
    audit: (await w.tx.select({ id: auditEvents.id }).from(auditEvents)).length,
  }));

export type Line = {
  id: string;
  lotId: string;
  quantity: number;
  receivedQuantity: number | null;
  shortfallReason: string | null;
};
export type Transfer = {
  id: string;
  reference: string;
  status: string;
  version: number;
  receivedOn: string | null;
  lines: Line[];
  allowedActions: string[];
};
export type InTransit = { items: { transferId: string; lotId: string; quantity: number }[] };

/** Requests of the transfer tests: a dispatch from the warehouse to store A unless told otherwise. */
export function transferCalls(world: () => SuppliesWorld) {
  const dispatch = (c: Client, o: Record<string, unknown>) =>
    c.post('/api/v1/stock-transfers', {
      fromStockPointId: world().warehouse,
      toStockPointId: world().storeA,
      dispatchedOn: '2026-10-10',
      ...o,
    });
  const dispatched = async (c: Client, o: Record<string, unknown>) => {
    const res = await dispatch(c, o);
    expect(res.statusCode, res.body).toBe(201);
    return json<Transfer>(res);
  };
  const receive = (c: Client, tr: Transfer, lines: object[], o: object = {}) =>
    c.post(`/api/v1/stock-transfers/${tr.id}/receive`, {
      version: tr.version,
      receivedOn: '2026-10-12',
      lines,
      ...o,
    });
  const all = (tr: Transfer) => tr.lines.map((l) => ({ lineId: l.id, receivedQuantity: l.quantity }));
  const inTransit = async (c: Client) =>
    json<InTransit>(await c.get('/api/v1/stock-transfers/in-transit')).items;
  return { dispatch, dispatched, receive, all, inTransit };
}
