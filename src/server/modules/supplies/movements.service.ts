import { and, eq, inArray } from 'drizzle-orm';
import type { IssueCreate, ReceiptCreate } from '../../../domain/supplies/movements';
import { REASONS, reasonTextProblem } from '../../../domain/supplies/reasons';
import { organisations, projects, supplyItems } from '../../db/schema/index';
import { type FieldError, HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { authorize } from '../../platform/policy';
import { type Entry, type MovementRow, post } from './ledger.service';
import { lotFor, lotsToIssue } from './lots.service';
import { movementRecord, REVERSIBLE_KINDS } from './movements.presenter';
import { loadMovement } from './movements.queries';
import { stockPolicy } from './stock.policy';
import { loadStockPoint } from './stock-points.queries';

// Entries typed in by a stock officer: receipts, losses and write-offs, and the reversal that
// corrects one. Each request is one post() (all lines or none) and one audit event naming the ids.

const refuse = (errors: FieldError[]) => {
  if (errors.length)
    throw unprocessable(errors.length === 1 ? errors[0]!.message : 'Some fields are not valid', errors);
};

const reasonErrors = (reason: keyof typeof REASONS, text: string | undefined): FieldError[] => {
  const problem = reasonTextProblem(reason, text);
  return problem ? [{ path: 'reasonText', message: problem }] : [];
};

async function exists(w: Work, table: typeof organisations | typeof projects, id: string) {
  const [row] = await w.tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.missionId, w.actor.missionId), eq(table.id, id)));
  return !!row;
}

const auditEntries = (w: Work, rows: MovementRow[], detail: Record<string, unknown>) =>
  w.audit({
    action: 'create',
    entityType: 'stock_movement',
    entityId: rows.length === 1 ? rows[0]!.id : null,
    changedFields: ['quantity'],
    detail: { ...detail, ids: rows.map((r) => r.id), count: rows.length },
  });

/** A receipt: each line's lot (found or created under the receipt's project), then one post. */
export async function receive(w: Work, b: ReceiptCreate): Promise<MovementRow[]> {
  authorize(w.actor, stockPolicy, 'receive');
  const point = await loadStockPoint(w, b.stockPointId, 'stockPointId', { stock: true, active: true });
  authorize(w.actor, stockPolicy, 'receive', point);
  const errors = reasonErrors(b.reason, b.reasonText);
  if (b.supplierOrganisationId && !(await exists(w, organisations, b.supplierOrganisationId)))
    errors.push({ path: 'supplierOrganisationId', message: 'Unknown organisation' });
  if (b.projectId && !(await exists(w, projects, b.projectId)))
    errors.push({ path: 'projectId', message: 'Unknown project' });
  const ids = [...new Set(b.lines.map((l) => l.itemId))];
  const items = await w.tx
    .select({ id: supplyItems.id, active: supplyItems.active })
    .from(supplyItems)
    .where(and(eq(supplyItems.missionId, w.actor.missionId), inArray(supplyItems.id, ids)));
  const active = new Map(items.map((i) => [i.id, i.active]));
  b.lines.forEach((l, i) => {
    const state = active.get(l.itemId);
    if (state === undefined) errors.push({ path: `lines.${i}.itemId`, message: 'Unknown item' });
    else if (!state) errors.push({ path: `lines.${i}.itemId`, message: 'This item is no longer in use' });
  });
  refuse(errors);
  const entries: Entry[] = [];
  for (const [i, l] of b.lines.entries()) {
    const lotId = await lotFor(
      w,
      { itemId: l.itemId, lotNumber: l.lotNumber, expiryOn: l.expiryOn, projectId: b.projectId ?? null },
      `lines.${i}.expiryOn`,
    );
    entries.push({
      stockPointId: point.id,
      itemId: l.itemId,
      lotId,
      quantity: l.quantity,
      occurredOn: b.occurredOn,
      reason: b.reason,
      reasonText: b.reasonText ?? null,
      documentNumber: b.documentNumber ?? null,
      supplierOrganisationId: b.supplierOrganisationId ?? null,
      unitCostMinor: l.unitCostMinor ?? null,
      currency: l.currency ?? null,
      path: `lines.${i}.quantity`,
    });
  }
  const rows = await post(w, entries);
  await auditEntries(w, rows, {
    kind: 'receipt',
    stockPointId: point.id,
    reason: b.reason,
    documentNumber: b.documentNumber ?? null,
  });
  return rows;
}

/**
 * A loss or write-off: the lot named, or the lots that expire first (expired ones too). Writing a
 * lot off as expired needs it to have expired by the entry's date.
 */
export async function issue(w: Work, b: IssueCreate): Promise<MovementRow[]> {
  authorize(w.actor, stockPolicy, 'issue');
  const point = await loadStockPoint(w, b.stockPointId, 'stockPointId', { stock: true, active: true });
  authorize(w.actor, stockPolicy, 'issue', point);
  refuse(reasonErrors(b.reason, b.reasonText));
  const kind = REASONS[b.reason].kind;
  const entries: Entry[] = [];
  const taken = new Map<string, number>(); // so a later line's FEFO leaves what an earlier one took
  for (const [i, l] of b.lines.entries()) {
    const lots = await lotsToIssue(
      w,
      {
        stockPointId: point.id,
        itemId: l.itemId,
        lotId: l.lotId,
        quantity: l.quantity,
        on: b.occurredOn,
        kind,
      },
      `lines.${i}`,
      taken,
    );
    const fresh = lots.find((a) => a.expiryOn >= b.occurredOn);
    if (b.reason === 'expired' && fresh)
      throw unprocessable(
        'Only an expired lot can be written off as expired',
        [
          {
            path: l.lotId ? `lines.${i}.lotId` : `lines.${i}.quantity`,
            message: `Lot ${fresh.lotNumber} expires on ${fresh.expiryOn}`,
          },
        ],
        'lot_not_expired',
      );
    for (const a of lots)
      entries.push({
        stockPointId: point.id,
        itemId: l.itemId,
        lotId: a.lotId,
        quantity: -a.quantity,
        occurredOn: b.occurredOn,
        reason: b.reason,
        reasonText: b.reasonText ?? null,
        documentNumber: b.documentNumber ?? null,
        path: `lines.${i}.quantity`,
      });
  }
  const rows = await post(w, entries);
  await auditEntries(w, rows, {
    kind,
    stockPointId: point.id,
    reason: b.reason,
    documentNumber: b.documentNumber ?? null,
  });
  return rows;
}

/**
 * The reversal of an entry typed in here: the opposite quantity on the SAME date, so the balance
 * of every day from then on is corrected (and post() refuses it if one would go below zero).
 */
export async function reverse(w: Work, id: string, reasonText: string): Promise<MovementRow> {
  const row = await loadMovement(w, id);
  const record = movementRecord(row);
  authorize(w.actor, stockPolicy, 'reverse', { ...record, reversible: true });
  if (!REVERSIBLE_KINDS.includes(row.m.kind as never))
    throw unprocessable(
      'This entry is corrected through its transfer, distribution or dispensing, not reversed here',
      [{ path: 'id', message: 'Reverse it through its transfer or distribution' }],
      'not_reversible',
    );
  if (row.reversedById)
    throw new HttpProblem(409, 'Conflict', 'This entry was already reversed', { code: 'already_reversed' });
  const { m } = row;
  const [rev] = await post(w, [
    {
      stockPointId: m.stockPointId,
      itemId: m.itemId,
      lotId: m.lotId,
      quantity: -m.quantity,
      occurredOn: m.occurredOn,
      reason: 'reversal',
      reasonText,
      documentNumber: m.documentNumber,
      reversesId: m.id,
      path: 'quantity',
    },
  ]);
  await auditEntries(w, [rev as MovementRow], {
    kind: 'reversal',
    reversesId: m.id,
    stockPointId: m.stockPointId,
  });
  return rev as MovementRow;
}
