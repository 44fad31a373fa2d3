import { and, eq, gt, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { countApprove, countCreate, countLinesUpdate } from '../../../domain/supplies/counts';
import { reasonTextProblem } from '../../../domain/supplies/reasons';
import { stockBalances, stockCountLines, stockCounts, stockLots, stockPoints } from '../../db/schema/index';
import { nextNumber } from '../../platform/counters';
import { today } from '../../platform/dates';
import { type FieldError, HttpProblem, unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';
import { authorize } from '../../platform/policy';
import { created, updateVersioned } from '../../platform/records';
import { type CountRow, countRecord, sheetLines } from './counts.presenter';
import { openCountAt } from './counts.queries';
import { type Entry, keyOf, lockBalances, post } from './ledger.service';
import { countPolicy } from './stock.policy';
import { pointIs } from './stock.scope';
import { loadStockPoint } from './stock-points.queries';

// A stock count (physical inventory). Counting does not freeze the store: stock keeps moving
// while the sheet is open, and approval measures each counted lot against the on-hand at that
// moment (read from the balance row it locks, so nothing moves the lot between the reading and
// the posting).

const notOpen = (c: CountRow['c']) =>
  new HttpProblem(409, 'Conflict', `Stock count ${c.reference} is ${c.status}: it can no longer change`, {
    code: 'count_closed',
  });

/** Opens a sheet listing every lot with stock at the point now; one open sheet per point. */
export async function createCount(w: Work, body: z.infer<typeof countCreate>): Promise<string> {
  const point = await loadStockPoint(w, body.stockPointId);
  authorize(w.actor, countPolicy, 'create', { reach: point.reach, status: 'open' });
  // the point's row lock serialises two sheets opened at once (NO KEY UPDATE: ledger writes,
  // which only hold a key share on the point, are not blocked)
  await w.tx
    .select({ id: stockPoints.id })
    .from(stockPoints)
    .where(pointIs(w, point.id))
    .for('no key update');
  const open = await openCountAt(w, point.id);
  if (open)
    throw new HttpProblem(409, 'Conflict', `Stock count ${open.reference} is still open at this point`, {
      code: 'count_open',
    });
  const id = newId();
  const year = w.now.getUTCFullYear();
  const reference = `SC-${year}-${String(await nextNumber(w, 'stock_count', year)).padStart(6, '0')}`;
  await w.tx.insert(stockCounts).values({
    id,
    reference,
    stockPointId: point.id,
    countedOn: body.countedOn,
    status: 'open',
    ...created(w),
  });
  const lots = await w.tx
    .select({ itemId: stockBalances.itemId, lotId: stockBalances.lotId })
    .from(stockBalances)
    .where(
      and(
        eq(stockBalances.missionId, w.actor.missionId),
        eq(stockBalances.stockPointId, point.id),
        gt(stockBalances.onHand, 0),
      ),
    );
  for (let i = 0; i < lots.length; i += 1000)
    await w.tx
      .insert(stockCountLines)
      .values(lots.slice(i, i + 1000).map((l) => ({ missionId: w.actor.missionId, countId: id, ...l })));
  await w.audit({
    action: 'create',
    entityType: 'stock_count',
    entityId: id,
    changedFields: Object.keys(body),
    detail: { reference, stockPointId: point.id, lines: lots.length },
  });
  return id;
}

/** Sets counted quantities; a lot not on the sheet is added if it is a lot of that item. */
export async function updateCountLines(
  w: Work,
  row: CountRow,
  body: z.infer<typeof countLinesUpdate>,
): Promise<void> {
  if (row.c.status !== 'open') throw notOpen(row.c);
  authorize(w.actor, countPolicy, 'update', countRecord(row));
  const lotIds = body.lines.map((l) => l.lotId);
  const lots = await w.tx
    .select({ id: stockLots.id, itemId: stockLots.itemId })
    .from(stockLots)
    .where(and(eq(stockLots.missionId, w.actor.missionId), inArray(stockLots.id, lotIds)));
  const itemOfLot = new Map(lots.map((l) => [l.id, l.itemId]));
  const errors: FieldError[] = [];
  body.lines.forEach((l, i) => {
    if (itemOfLot.get(l.lotId) !== l.itemId)
      errors.push({ path: `lines.${i}.lotId`, message: 'Not a lot of this item' });
    else if (lotIds.indexOf(l.lotId) !== i)
      errors.push({ path: `lines.${i}.lotId`, message: 'This lot is given twice' });
  });
  if (errors.length) throw unprocessable('The counted lines are not valid', errors);
  await updateVersioned(w, stockCounts, row.c.id, body.version, {});
  const onSheet = new Set((await sheetLines(w, row.c)).map((r) => r.l.lotId));
  let added = 0;
  for (const l of body.lines) {
    if (onSheet.has(l.lotId)) {
      await w.tx
        .update(stockCountLines)
        .set({ counted: l.counted })
        .where(
          and(
            eq(stockCountLines.missionId, w.actor.missionId),
            eq(stockCountLines.countId, row.c.id),
            eq(stockCountLines.lotId, l.lotId),
          ),
        );
    } else {
      await w.tx.insert(stockCountLines).values({ missionId: w.actor.missionId, countId: row.c.id, ...l });
      added++;
    }
  }
  await w.audit({
    action: 'update',
    entityType: 'stock_count',
    entityId: row.c.id,
    changedFields: ['lines'],
    detail: { lines: body.lines.length, added },
  });
}

type Approve = z.infer<typeof countApprove>;

/**
 * Approves a count: each counted lot is adjusted by counted − on-hand at approval, with the
 * reason given for it (required when they differ), all or nothing. The adjustments are dated the
 * approval day, not `countedOn`: the difference is measured now, so dating it earlier would put
 * it before movements it already takes into account (and the forward check could refuse it).
 */
export async function approveCount(w: Work, row: CountRow, body: Approve): Promise<void> {
  const { c } = row;
  if (c.status !== 'open') throw notOpen(c);
  authorize(w.actor, countPolicy, 'approve', countRecord(row));
  // the version check locks the count: a concurrent approval or edit waits, then gets 409
  await updateVersioned(w, stockCounts, c.id, body.version, {
    status: 'approved',
    approvedAt: w.now,
    approvedBy: w.actor.userId,
  });
  const lines = await sheetLines(w, c);
  const counted = lines.filter((r) => r.l.counted !== null);
  if (!counted.length)
    throw unprocessable('Nothing was counted', [{ path: 'lines', message: 'Count at least one lot first' }]);
  const key = (l: { itemId: string; lotId: string }) => keyOf({ stockPointId: c.stockPointId, ...l });
  const onHand = await lockBalances(
    w,
    counted.map(({ l }) => ({ stockPointId: c.stockPointId, itemId: l.itemId, lotId: l.lotId })),
  );
  const errors: FieldError[] = [];
  const reasons = new Map<string, Approve['reasons'][number]>();
  const itemOnSheet = new Map(lines.map((r) => [r.l.lotId, r.l.itemId]));
  body.reasons.forEach((r, i) => {
    if (itemOnSheet.get(r.lotId) !== r.itemId)
      errors.push({ path: `reasons.${i}.lotId`, message: 'Not a lot on this sheet' });
    else if (reasons.has(r.lotId))
      errors.push({ path: `reasons.${i}.lotId`, message: 'This lot is given twice' });
    else {
      reasons.set(r.lotId, r);
      const problem = reasonTextProblem(r.reason, r.reasonText);
      if (problem) errors.push({ path: `reasons.${i}.reasonText`, message: problem });
    }
  });
  const entries: Entry[] = [];
  const on = today(w);
  for (const { l, item, lot, live } of lines) {
    const now = l.counted === null ? (live ?? 0) : (onHand.get(key(l)) ?? 0);
    const adjustment = l.counted === null ? null : l.counted - now;
    const reason = adjustment ? reasons.get(l.lotId) : undefined;
    if (adjustment && !reason)
      errors.push({
        path: 'reasons',
        message: `${item.code} lot ${lot.lotNumber}: counted ${l.counted}, on hand ${now}: say why they differ`,
      });
    if (adjustment && reason)
      entries.push({
        stockPointId: c.stockPointId,
        itemId: l.itemId,
        lotId: l.lotId,
        quantity: adjustment,
        occurredOn: on,
        reason: reason.reason,
        reasonText: reason.reasonText ?? null,
        documentNumber: c.reference,
        countId: c.id,
        path: 'reasons',
      });
    await w.tx
      .update(stockCountLines)
      .set({
        onHandAtApproval: now,
        adjustment,
        reason: reason?.reason ?? null,
        reasonText: reason?.reasonText ?? null,
      })
      .where(
        and(
          eq(stockCountLines.missionId, w.actor.missionId),
          eq(stockCountLines.countId, c.id),
          eq(stockCountLines.lotId, l.lotId),
        ),
      );
  }
  if (errors.length) throw unprocessable('The count cannot be approved yet', errors);
  await post(w, entries);
  await w.audit({
    action: 'transition',
    entityType: 'stock_count',
    entityId: c.id,
    changedFields: ['status', 'lines'],
    detail: { from: 'open', to: 'approved', reference: c.reference, adjustments: entries.length },
  });
}

export async function cancelCount(w: Work, row: CountRow, version: number): Promise<void> {
  if (row.c.status !== 'open') throw notOpen(row.c);
  authorize(w.actor, countPolicy, 'cancel', countRecord(row));
  await updateVersioned(w, stockCounts, row.c.id, version, { status: 'cancelled' });
  await w.audit({
    action: 'transition',
    entityType: 'stock_count',
    entityId: row.c.id,
    changedFields: ['status'],
    detail: { from: 'open', to: 'cancelled', reference: row.c.reference },
  });
}
