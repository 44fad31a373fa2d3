import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { reasonTextProblem } from '../../../domain/supplies/reasons';
import type { TransferCreate, transferReceive } from '../../../domain/supplies/transfers';
import { stockTransferLines, stockTransfers } from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { type FieldError, HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { created, updateVersioned } from '../../platform/records';
import { type Entry, post } from './ledger.service';
import { lotsToIssue } from './lots.service';
import { transferPolicy } from './stock.policy';
import { loadStockPoint } from './stock-points.queries';
import { type TransferRow, transferLines, transferRecord } from './transfers.presenter';

// A transfer moves stock in two steps. Dispatch debits the source; receipt credits the
// destination. In between the stock is in transit: in the ledger of neither point, only on the
// transfer's lines (GET /stock-transfers/in-transit).

/**
 * Dispatches stock from a point the actor writes stock at. The destination must be an active
 * point the actor can see (a centre-scoped officer sends within their centres; a mission-wide
 * one anywhere). A closed source may still send its stock away. Lines without a lot take the
 * lots that expire first (never an expired or blocked one). Returns the new transfer's id.
 */
export async function dispatchTransfer(w: Work, body: TransferCreate): Promise<string> {
  const from = await loadStockPoint(w, body.fromStockPointId);
  const to = await loadStockPoint(w, body.toStockPointId, 'toStockPointId');
  authorize(w.actor, transferPolicy, 'create', transferRecord({ from, to, status: 'dispatched' }));
  if (!to.active)
    throw unprocessable('The destination is closed', [
      { path: 'toStockPointId', message: 'This stock point is no longer in use' },
    ]);
  const id = newId();
  const year = w.now.getUTCFullYear();
  const reference = `TR-${year}-${String(await nextNumber(w, 'stock_transfer', year)).padStart(6, '0')}`;
  await w.tx.insert(stockTransfers).values({
    id,
    reference,
    fromStockPointId: from.id,
    toStockPointId: to.id,
    status: 'dispatched',
    dispatchedOn: body.dispatchedOn,
    documentNumber: body.documentNumber ?? null,
    ...created(w),
  });
  const taken = new Map<string, number>();
  const lines: (typeof stockTransferLines.$inferInsert)[] = [];
  const entries: Entry[] = [];
  for (const [i, l] of body.lines.entries()) {
    const lots = await lotsToIssue(
      w,
      { ...l, stockPointId: from.id, on: body.dispatchedOn, kind: 'transfer_out' },
      `lines.${i}`,
      taken,
    );
    for (const a of lots) {
      lines.push({
        missionId: w.actor.missionId,
        id: newId(),
        transferId: id,
        position: lines.length,
        itemId: l.itemId,
        lotId: a.lotId,
        quantity: a.quantity,
      });
      entries.push({
        stockPointId: from.id,
        itemId: l.itemId,
        lotId: a.lotId,
        quantity: -a.quantity,
        occurredOn: body.dispatchedOn,
        reason: 'transfer_dispatched',
        documentNumber: body.documentNumber ?? reference,
        transferId: id,
        path: `lines.${i}.quantity`,
      });
    }
  }
  await w.tx.insert(stockTransferLines).values(lines);
  await post(w, entries);
  await w.audit({
    action: 'create',
    entityType: 'stock_transfer',
    entityId: id,
    changedFields: Object.keys(body),
    detail: { reference, fromStockPointId: from.id, toStockPointId: to.id, lines: lines.length },
  });
  return id;
}

type Receive = z.infer<typeof transferReceive>;
type Line = typeof stockTransferLines.$inferSelect;

/** Every line once, no more than dispatched, a reason (and its text) exactly when short. */
function receiptProblems(t: TransferRow['t'], lines: Line[], body: Receive): FieldError[] {
  const errors: FieldError[] = [];
  if (body.receivedOn < t.dispatchedOn)
    errors.push({ path: 'receivedOn', message: `Not before the dispatch, on ${t.dispatchedOn}` });
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  for (const [i, b] of body.lines.entries()) {
    const at = `lines.${i}`;
    const l = byId.get(b.lineId);
    if (!l || seen.has(b.lineId)) {
      errors.push({
        path: `${at}.lineId`,
        message: l ? 'This line is given twice' : 'Not a line of this transfer',
      });
      continue;
    }
    seen.add(l.id);
    const short = l.quantity - b.receivedQuantity;
    if (short < 0)
      errors.push({ path: `${at}.receivedQuantity`, message: `Only ${l.quantity} were dispatched` });
    else if (short > 0 && !b.shortfallReason)
      errors.push({ path: `${at}.shortfallReason`, message: `Say why ${short} did not arrive` });
    else if (short === 0 && (b.shortfallReason || b.shortfallText))
      errors.push({
        path: `${at}.shortfallReason`,
        message: 'Everything arrived: there is no shortfall to explain',
      });
    else if (short > 0 && b.shortfallReason) {
      const problem = reasonTextProblem(b.shortfallReason, b.shortfallText);
      if (problem) errors.push({ path: `${at}.shortfallText`, message: problem });
    }
  }
  const missing = lines.filter((l) => !seen.has(l.id)).map((l) => l.id);
  if (missing.length)
    errors.push({ path: 'lines', message: `Say what arrived of every line; missing: ${missing.join(', ')}` });
  return errors;
}

/**
 * Receives a transfer at its destination: the full dispatched quantity is credited there, then
 * each shortfall is debited there as a loss with its reason, both on the day received, so the
 * ledger shows what was sent and what was lost on the way.
 */
export async function receiveTransfer(w: Work, row: TransferRow, body: Receive): Promise<void> {
  const { t } = row;
  if (t.status !== 'dispatched')
    throw new HttpProblem(
      409,
      'Conflict',
      `Transfer ${t.reference} was already received on ${t.receivedOn}`,
      {
        code: 'transfer_received',
      },
    );
  authorize(w.actor, transferPolicy, 'receive', transferRecord({ ...row, status: t.status }));
  const lines = (await transferLines(w, [t.id])).map((r) => r.l);
  const errors = receiptProblems(t, lines, body);
  if (errors.length) throw unprocessable('The receipt is not valid', errors);
  // the version check locks the transfer first: a concurrent receipt waits, then gets 409
  await updateVersioned(w, stockTransfers, t.id, body.version, {
    status: 'received',
    receivedOn: body.receivedOn,
  });
  const entries: Entry[] = [];
  let shortfall = 0;
  for (const [i, b] of body.lines.entries()) {
    const l = lines.find((x) => x.id === b.lineId) as Line;
    const short = l.quantity - b.receivedQuantity;
    await w.tx
      .update(stockTransferLines)
      .set({
        receivedQuantity: b.receivedQuantity,
        shortfallReason: short > 0 ? (b.shortfallReason ?? null) : null,
      })
      .where(and(eq(stockTransferLines.missionId, w.actor.missionId), eq(stockTransferLines.id, l.id)));
    const common = {
      stockPointId: t.toStockPointId,
      itemId: l.itemId,
      lotId: l.lotId,
      occurredOn: body.receivedOn,
      documentNumber: t.documentNumber ?? t.reference,
      transferId: t.id,
      path: `lines.${i}.receivedQuantity`,
    };
    entries.push({ ...common, quantity: l.quantity, reason: 'transfer_received' });
    if (short > 0 && b.shortfallReason) {
      entries.push({
        ...common,
        quantity: -short,
        reason: b.shortfallReason,
        reasonText: b.shortfallText ?? null,
      });
      shortfall += short;
    }
  }
  await post(w, entries);
  await w.audit({
    action: 'transition',
    entityType: 'stock_transfer',
    entityId: t.id,
    changedFields: ['status', 'receivedOn', 'lines'],
    detail: { from: 'dispatched', to: 'received', reference: t.reference, shortfall },
  });
}
