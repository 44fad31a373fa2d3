import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Movement } from '../../../domain/supplies/movements';
import type { MovementKind, ReasonCode } from '../../../domain/supplies/reasons';
import { projects, stockLots, stockMovements, stockPoints, supplyItems, users } from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { iso } from '../../platform/records';
import { stockPolicy } from './stock.policy';
import { pointReach } from './stock.scope';

// Ledger entries as the API shows them: each with the names a reader needs (point, item, lot,
// project, who recorded it), whether it was reversed, and what the reader may do with it.

/** Entries corrected here by a reversal; the others through their transfer, distribution or count. */
export const REVERSIBLE_KINDS: readonly MovementKind[] = [
  'receipt',
  'loss',
  'expiry_write_off',
  'count_adjustment',
];

const reversal = alias(stockMovements, 'reversal');

/** The ledger joined to what an entry shows; `extra` adds columns (a card's running balance). */
export const selectMovements = <E extends Record<string, SQL> = Record<never, never>>(
  w: Work,
  extra: E = {} as E,
) =>
  w.tx
    .select({
      m: stockMovements,
      pointName: stockPoints.name,
      pointCentreId: stockPoints.centreId,
      itemCode: supplyItems.code,
      itemName: supplyItems.name,
      lotNumber: stockLots.lotNumber,
      expiryOn: stockLots.expiryOn,
      projectId: stockLots.projectId,
      projectCode: projects.code,
      reversedById: reversal.id,
      recordedByName: users.username,
      ...extra,
    })
    .from(stockMovements)
    .innerJoin(
      stockPoints,
      and(
        eq(stockPoints.missionId, stockMovements.missionId),
        eq(stockPoints.id, stockMovements.stockPointId),
      ),
    )
    .innerJoin(
      supplyItems,
      and(eq(supplyItems.missionId, stockMovements.missionId), eq(supplyItems.id, stockMovements.itemId)),
    )
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockMovements.missionId), eq(stockLots.id, stockMovements.lotId)),
    )
    .leftJoin(
      projects,
      and(eq(projects.missionId, stockLots.missionId), eq(projects.id, stockLots.projectId)),
    )
    .leftJoin(
      reversal,
      and(eq(reversal.missionId, stockMovements.missionId), eq(reversal.reversesId, stockMovements.id)),
    )
    .leftJoin(
      users,
      and(eq(users.missionId, stockMovements.missionId), eq(users.id, stockMovements.recordedBy)),
    );

export type MovementJoined = Awaited<ReturnType<ReturnType<typeof selectMovements>['where']>>[number];

/** The record the stock policy judges: where it is, and whether a reversal may still correct it. */
export const movementRecord = (r: Pick<MovementJoined, 'm' | 'pointCentreId' | 'reversedById'>) => ({
  reach: pointReach({ centreId: r.pointCentreId }),
  reversible: REVERSIBLE_KINDS.includes(r.m.kind as MovementKind) && !r.reversedById,
});

export function presentMovement(w: Work, r: MovementJoined, balance: number | null = null): Movement {
  const { m } = r;
  return {
    id: m.id,
    stockPointId: m.stockPointId,
    stockPointName: r.pointName,
    itemId: m.itemId,
    itemCode: r.itemCode,
    itemName: r.itemName,
    lotId: m.lotId,
    lotNumber: r.lotNumber,
    expiryOn: r.expiryOn,
    quantity: m.quantity,
    occurredOn: m.occurredOn,
    recordedAt: iso(m.recordedAt),
    kind: m.kind as MovementKind,
    reason: m.reason as ReasonCode,
    reasonText: m.reasonText,
    documentNumber: m.documentNumber,
    projectId: r.projectId,
    projectCode: r.projectCode,
    supplierOrganisationId: m.supplierOrganisationId,
    unitCostMinor: m.unitCostMinor,
    currency: m.currency,
    transferId: m.transferId,
    distributionId: m.distributionId,
    countId: m.countId,
    reversesId: m.reversesId,
    reversedById: r.reversedById,
    recordedBy: r.recordedByName,
    balance,
    allowedActions: allowedActions(w.actor, stockPolicy, movementRecord(r)),
  };
}

/** The ledger's own order: the date it happened, then when it was recorded, then the id. */
export const LEDGER_ORDER = sql`${stockMovements.occurredOn}, ${stockMovements.recordedAt}, ${stockMovements.id}`;
