import { and, asc, eq, gte, sql } from 'drizzle-orm';
import { REASONS, type ReasonCode } from '../../../domain/supplies/reasons';
import { stockBalances, stockMovements } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';

// The stock ledger's one writer. Every movement of every module (receipts, transfers,
// distributions, dispensing, counts, reversals) is posted here, so the rules hold everywhere:
// - on hand (stock_balances) changes with the ledger in the same transaction;
// - the balance row of each point/item/lot is locked first (FOR UPDATE), so concurrent writers
//   of the same lot queue instead of both spending the same stock;
// - a debit, backdated or not, is refused if the lot's balance at the end of any day from its
//   date on would go below zero (422 naming the first such date and the shortfall);
// - issuing (transfer, dispense, distribution) never takes an expired lot, nor one within the
//   mission's near-expiry block for its category.

export interface Entry {
  stockPointId: string;
  itemId: string;
  lotId: string;
  /** signed base units: credit > 0, debit < 0 */
  quantity: number;
  occurredOn: string;
  reason: ReasonCode;
  reasonText?: string | null;
  documentNumber?: string | null;
  supplierOrganisationId?: string | null;
  unitCostMinor?: number | null;
  currency?: string | null;
  transferId?: string | null;
  distributionId?: string | null;
  countId?: string | null;
  reversesId?: string | null;
  /** the field an error about this entry is reported on, e.g. `lines.2.quantity` */
  path?: string;
}

export type MovementRow = typeof stockMovements.$inferSelect;

export type BalanceKey = Pick<Entry, 'stockPointId' | 'itemId' | 'lotId'>;
export const keyOf = (e: BalanceKey) => `${e.stockPointId}|${e.itemId}|${e.lotId}`;

/**
 * Locks (creating if needed) the balance rows of these keys, in one order, and returns on hand
 * by `keyOf`. Exported for those who decide a quantity from the on-hand (a count's adjustment)
 * and then `post` it in the same transaction.
 */
export async function lockBalances(w: Work, entries: readonly BalanceKey[]): Promise<Map<string, number>> {
  const keys = [...new Map(entries.map((e) => [keyOf(e), e])).values()].sort((a, b) =>
    keyOf(a).localeCompare(keyOf(b)),
  );
  const onHand = new Map<string, number>();
  for (const e of keys) {
    const where = and(
      eq(stockBalances.missionId, w.actor.missionId),
      eq(stockBalances.stockPointId, e.stockPointId),
      eq(stockBalances.itemId, e.itemId),
      eq(stockBalances.lotId, e.lotId),
    );
    let [row] = await w.tx
      .select({ onHand: stockBalances.onHand })
      .from(stockBalances)
      .where(where)
      .for('update');
    if (!row) {
      await w.tx
        .insert(stockBalances)
        .values({
          missionId: w.actor.missionId,
          stockPointId: e.stockPointId,
          itemId: e.itemId,
          lotId: e.lotId,
          onHand: 0,
        })
        .onConflictDoNothing();
      [row] = await w.tx
        .select({ onHand: stockBalances.onHand })
        .from(stockBalances)
        .where(where)
        .for('update');
    }
    onHand.set(keyOf(e), row?.onHand ?? 0);
  }
  return onHand;
}

/**
 * The first day, from `on`, whose closing balance a change of `delta` (< 0) would take below
 * zero, and by how much; null when every balance stays at or above zero.
 */
export async function firstShortfall(
  w: Work,
  key: Pick<Entry, 'stockPointId' | 'itemId' | 'lotId'>,
  onHand: number,
  on: string,
  delta: number,
): Promise<{ date: string; shortfall: number } | null> {
  const days = await w.tx
    .select({ day: stockMovements.occurredOn, sum: sql<number>`sum(${stockMovements.quantity})::int` })
    .from(stockMovements)
    .where(
      and(
        eq(stockMovements.missionId, w.actor.missionId),
        eq(stockMovements.stockPointId, key.stockPointId),
        eq(stockMovements.itemId, key.itemId),
        eq(stockMovements.lotId, key.lotId),
        gte(stockMovements.occurredOn, on),
      ),
    )
    .groupBy(stockMovements.occurredOn)
    .orderBy(asc(stockMovements.occurredOn));
  const later = days.reduce((s, d) => s + Number(d.sum), 0);
  // the balance at the end of the day before `on`
  let balance = onHand - later;
  const closing: { date: string; balance: number }[] = [];
  if (days[0]?.day !== on) closing.push({ date: on, balance });
  for (const d of days) {
    balance += Number(d.sum);
    closing.push({ date: d.day, balance });
  }
  for (const c of closing)
    if (c.balance + delta < 0) return { date: c.date, shortfall: -(c.balance + delta) };
  return null;
}

/** Posts entries in order, in the caller's transaction; refuses the whole request on any breach. */
export async function post(w: Work, entries: readonly Entry[]): Promise<MovementRow[]> {
  if (!entries.length) return [];
  const onHand = await lockBalances(w, entries);
  const rows: MovementRow[] = [];
  for (const e of entries) {
    const key = keyOf(e);
    const before = onHand.get(key) ?? 0;
    if (e.quantity < 0) {
      const short = await firstShortfall(w, e, before, e.occurredOn, e.quantity);
      if (short)
        throw unprocessable(
          `Not enough stock: on ${short.date} the balance would be ${short.shortfall} short`,
          [
            {
              path: e.path ?? 'quantity',
              message: `On ${short.date} this lot would be ${short.shortfall} short (${-e.quantity} asked)`,
            },
          ],
          'stock_negative',
        );
    }
    // the entry and the on-hand it changes, in one statement (the balance row is already locked)
    const balance = w.tx.$with('balance').as(
      w.tx
        .update(stockBalances)
        .set({ onHand: sql`${stockBalances.onHand} + ${e.quantity}` })
        .where(
          and(
            eq(stockBalances.missionId, w.actor.missionId),
            eq(stockBalances.stockPointId, e.stockPointId),
            eq(stockBalances.itemId, e.itemId),
            eq(stockBalances.lotId, e.lotId),
          ),
        )
        .returning({ onHand: stockBalances.onHand }),
    );
    const [row] = await w.tx
      .with(balance)
      .insert(stockMovements)
      .values({
        missionId: w.actor.missionId,
        id: newId(),
        stockPointId: e.stockPointId,
        itemId: e.itemId,
        lotId: e.lotId,
        quantity: e.quantity,
        occurredOn: e.occurredOn,
        recordedAt: w.now,
        kind: REASONS[e.reason].kind,
        reason: e.reason,
        reasonText: e.reasonText ?? null,
        documentNumber: e.documentNumber ?? null,
        supplierOrganisationId: e.supplierOrganisationId ?? null,
        unitCostMinor: e.unitCostMinor ?? null,
        currency: e.currency ?? null,
        transferId: e.transferId ?? null,
        distributionId: e.distributionId ?? null,
        countId: e.countId ?? null,
        reversesId: e.reversesId ?? null,
        recordedBy: w.actor.userId,
        recordedByOrganisationId: w.actor.organisationId,
      })
      .returning();
    onHand.set(key, before + e.quantity);
    rows.push(row as MovementRow);
  }
  return rows;
}
