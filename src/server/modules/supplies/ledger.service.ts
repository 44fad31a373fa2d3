import { and, asc, eq, gt, gte, sql } from 'drizzle-orm';
import { addDays } from '../../../domain/common/dates';
import { ISSUING_KINDS, type MovementKind, REASONS, type ReasonCode } from '../../../domain/supplies/reasons';
import {
  stockBalances,
  stockLots,
  stockMovements,
  suppliesSettings,
  supplyItems,
} from '../../db/schema/index';
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

const keyOf = (e: Pick<Entry, 'stockPointId' | 'itemId' | 'lotId'>) =>
  `${e.stockPointId}|${e.itemId}|${e.lotId}`;

/** Locks (creating if needed) the balance rows of these keys, in one order, and returns on hand. */
async function lockBalances(w: Work, entries: readonly Entry[]): Promise<Map<string, number>> {
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
    const [row] = await w.tx
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
    await w.tx
      .update(stockBalances)
      .set({ onHand: sql`${stockBalances.onHand} + ${e.quantity}` })
      .where(
        and(
          eq(stockBalances.missionId, w.actor.missionId),
          eq(stockBalances.stockPointId, e.stockPointId),
          eq(stockBalances.itemId, e.itemId),
          eq(stockBalances.lotId, e.lotId),
        ),
      );
    onHand.set(key, before + e.quantity);
    rows.push(row as MovementRow);
  }
  return rows;
}

// ---- lots and first-expiry-first-out

export interface SuppliesSettingsRow {
  nearExpiryBlockDays: number;
  nearExpiryBlockCategories: string[];
  version: number;
}

export async function settingsOf(w: Work): Promise<SuppliesSettingsRow> {
  const [s] = await w.tx
    .select()
    .from(suppliesSettings)
    .where(eq(suppliesSettings.missionId, w.actor.missionId));
  return s ?? { nearExpiryBlockDays: 0, nearExpiryBlockCategories: [], version: 0 };
}

/** Why a lot may not be issued on a date (null: it may). */
export function issueBlock(
  lot: { expiryOn: string },
  category: string,
  on: string,
  settings: Pick<SuppliesSettingsRow, 'nearExpiryBlockDays' | 'nearExpiryBlockCategories'>,
): 'expired' | 'near_expiry' | null {
  if (lot.expiryOn < on) return 'expired';
  if (
    settings.nearExpiryBlockDays > 0 &&
    settings.nearExpiryBlockCategories.includes(category) &&
    lot.expiryOn < addDays(on, settings.nearExpiryBlockDays)
  )
    return 'near_expiry';
  return null;
}

/** The lot of a receipt line: the existing one (same item, number and project) or a new one. */
export async function lotFor(
  w: Work,
  l: { itemId: string; lotNumber: string; expiryOn: string; projectId: string | null },
  path: string,
): Promise<string> {
  const projectKey = l.projectId ?? '00000000-0000-0000-0000-000000000000';
  const found = await w.tx
    .select({ id: stockLots.id, expiryOn: stockLots.expiryOn })
    .from(stockLots)
    .where(
      and(
        eq(stockLots.missionId, w.actor.missionId),
        eq(stockLots.itemId, l.itemId),
        eq(stockLots.lotNumber, l.lotNumber),
        sql`coalesce(${stockLots.projectId}, '00000000-0000-0000-0000-000000000000'::uuid) = ${projectKey}::uuid`,
      ),
    );
  const lot = found[0];
  if (lot) {
    if (lot.expiryOn !== l.expiryOn)
      throw unprocessable('This lot is already recorded with another expiry date', [
        { path, message: `Lot ${l.lotNumber} expires on ${lot.expiryOn}` },
      ]);
    return lot.id;
  }
  const id = newId();
  await w.tx.insert(stockLots).values({ missionId: w.actor.missionId, id, ...l, createdAt: w.now });
  return id;
}

export interface Allocation {
  lotId: string;
  lotNumber: string;
  expiryOn: string;
  quantity: number;
}

/** The usable lots of an item at a point with stock, earliest expiry first (FEFO). */
export async function usableLots(
  w: Work,
  stockPointId: string,
  item: { id: string; category: string },
  on: string,
): Promise<(Allocation & { onHand: number })[]> {
  const settings = await settingsOf(w);
  const lots = await w.tx
    .select({
      lotId: stockLots.id,
      lotNumber: stockLots.lotNumber,
      expiryOn: stockLots.expiryOn,
      onHand: stockBalances.onHand,
    })
    .from(stockBalances)
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
    )
    .where(
      and(
        eq(stockBalances.missionId, w.actor.missionId),
        eq(stockBalances.stockPointId, stockPointId),
        eq(stockBalances.itemId, item.id),
        gt(stockBalances.onHand, 0),
      ),
    )
    .orderBy(asc(stockLots.expiryOn), asc(stockLots.lotNumber));
  return lots
    .filter((l) => !issueBlock(l, item.category, on, settings))
    .map((l) => ({ ...l, quantity: l.onHand }));
}

/**
 * Splits a quantity over the usable lots, FEFO; `shortfall` is what they cannot cover. `taken`
 * (lot id → quantity) is what earlier lines of the same request already took from these lots,
 * not yet posted: it is left for them, and this line's takings are added to it.
 */
export async function proposeLots(
  w: Work,
  stockPointId: string,
  item: { id: string; category: string },
  quantity: number,
  on: string,
  taken?: Map<string, number>,
): Promise<{ lines: Allocation[]; shortfall: number }> {
  const lots = await usableLots(w, stockPointId, item, on);
  const lines: Allocation[] = [];
  let left = quantity;
  for (const l of lots) {
    if (left <= 0) break;
    const take = Math.min(left, l.onHand - (taken?.get(l.lotId) ?? 0));
    if (take <= 0) continue;
    taken?.set(l.lotId, (taken.get(l.lotId) ?? 0) + take);
    lines.push({ lotId: l.lotId, lotNumber: l.lotNumber, expiryOn: l.expiryOn, quantity: take });
    left -= take;
  }
  return { lines, shortfall: left };
}

export async function itemOf(w: Work, itemId: string, path: string) {
  const [item] = await w.tx
    .select()
    .from(supplyItems)
    .where(and(eq(supplyItems.missionId, w.actor.missionId), eq(supplyItems.id, itemId)));
  if (!item) throw unprocessable('No such item in the catalogue', [{ path, message: 'Unknown item' }]);
  return item;
}

/** A loss or write-off without a lot: any lot with stock, earliest expiry first (expired ones too). */
const ANY_DAY = '0001-01-01';

/**
 * The lots an issue takes: the one asked (checked usable and of this item) or FEFO. Refuses
 * (422 on `path`) an expired or blocked lot, or more than the usable lots hold.
 */
export async function lotsToIssue(
  w: Work,
  l: {
    stockPointId: string;
    itemId: string;
    lotId?: string;
    quantity: number;
    on: string;
    kind: MovementKind;
  },
  path: string,
  /** per lot, what earlier lines of the request took (see proposeLots) */
  taken?: Map<string, number>,
): Promise<Allocation[]> {
  const item = await itemOf(w, l.itemId, `${path}.itemId`);
  const issuing = ISSUING_KINDS.includes(l.kind);
  if (l.lotId) {
    const [lot] = await w.tx
      .select()
      .from(stockLots)
      .where(and(eq(stockLots.missionId, w.actor.missionId), eq(stockLots.id, l.lotId)));
    if (!lot || lot.itemId !== l.itemId)
      throw unprocessable('No such lot of this item', [{ path: `${path}.lotId`, message: 'Unknown lot' }]);
    const block = issueBlock(lot, item.category, l.on, await settingsOf(w));
    if (issuing && block)
      throw unprocessable(
        block === 'expired'
          ? 'An expired lot cannot be issued, only written off'
          : 'This lot is too close to expiry to issue',
        [{ path: `${path}.lotId`, message: `Lot ${lot.lotNumber} expires on ${lot.expiryOn}` }],
        block === 'expired' ? 'lot_expired' : 'lot_near_expiry',
      );
    taken?.set(lot.id, (taken.get(lot.id) ?? 0) + l.quantity);
    return [{ lotId: lot.id, lotNumber: lot.lotNumber, expiryOn: lot.expiryOn, quantity: l.quantity }];
  }
  const proposal = await proposeLots(w, l.stockPointId, item, l.quantity, issuing ? l.on : ANY_DAY, taken);
  if (proposal.shortfall > 0)
    throw unprocessable(
      'Not enough usable stock',
      [
        {
          path: `${path}.quantity`,
          message: `${l.quantity - proposal.shortfall} available in usable lots, ${l.quantity} asked`,
        },
      ],
      'stock_negative',
    );
  return proposal.lines;
}
