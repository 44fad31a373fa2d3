import { and, asc, eq } from 'drizzle-orm';
import { auditEvents, stockBalances, stockMovements } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import type { TestApp } from '../../test/harness';

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
