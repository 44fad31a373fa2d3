import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Transfer } from '../../../domain/supplies/transfers';
import {
  stockLots,
  type stockPoints,
  stockTransferLines,
  type stockTransfers,
  supplyItems,
} from '../../db/schema/index';
import type { Work } from '../../platform/http';
import { allowedActions } from '../../platform/policy';
import { transferPolicy } from './stock.policy';
import { pointReach } from './stock.scope';

type PointCols = Pick<typeof stockPoints.$inferSelect, 'centreId'>;
/** A transfer row with its two points' names and centres (as the queries join them). */
export interface TransferRow {
  t: typeof stockTransfers.$inferSelect;
  fromName: string;
  toName: string;
  from: PointCols;
  to: PointCols;
}

/** The lines of some transfers with their item and lot, in the order dispatched. */
export const transferLines = (w: Work, transferIds: string[]) =>
  w.tx
    .select({ l: stockTransferLines, item: supplyItems, lot: stockLots })
    .from(stockTransferLines)
    .innerJoin(
      supplyItems,
      and(
        eq(supplyItems.missionId, stockTransferLines.missionId),
        eq(supplyItems.id, stockTransferLines.itemId),
      ),
    )
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockTransferLines.missionId), eq(stockLots.id, stockTransferLines.lotId)),
    )
    .where(
      and(
        eq(stockTransferLines.missionId, w.actor.missionId),
        inArray(stockTransferLines.transferId, transferIds),
      ),
    )
    .orderBy(asc(stockTransferLines.position));

/** What the transfer policy sees of a transfer: where each end is reached, and its status. */
export const transferRecord = (r: Pick<TransferRow, 'from' | 'to'> & { status: string }) => ({
  from: pointReach(r.from),
  to: pointReach(r.to),
  status: r.status,
});

/** Transfers with their lines (one query for all of them) and the actions the actor may take. */
export async function presentTransfers(w: Work, rows: TransferRow[]): Promise<Transfer[]> {
  const lines = rows.length
    ? await transferLines(
        w,
        rows.map((r) => r.t.id),
      )
    : [];
  return rows.map(({ t, fromName, toName, from, to }) => ({
    id: t.id,
    reference: t.reference,
    fromStockPointId: t.fromStockPointId,
    fromStockPointName: fromName,
    toStockPointId: t.toStockPointId,
    toStockPointName: toName,
    status: t.status as Transfer['status'],
    dispatchedOn: t.dispatchedOn,
    receivedOn: t.receivedOn,
    documentNumber: t.documentNumber,
    lines: lines
      .filter(({ l }) => l.transferId === t.id)
      .map(({ l, item, lot }) => ({
        id: l.id,
        itemId: l.itemId,
        itemCode: item.code,
        itemName: item.name,
        baseUnit: item.baseUnit,
        packSize: item.packSize,
        lotId: l.lotId,
        lotNumber: lot.lotNumber,
        expiryOn: lot.expiryOn,
        quantity: l.quantity,
        receivedQuantity: l.receivedQuantity,
        shortfallReason: l.shortfallReason as Transfer['lines'][number]['shortfallReason'],
      })),
    version: t.version,
    allowedActions: allowedActions(w.actor, transferPolicy, transferRecord({ from, to, status: t.status })),
  }));
}
