import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { addDays } from '../../../domain/common/dates';
import type { ItemCategory } from '../../../domain/supplies/catalogue';
import { ISSUING_KINDS, type MovementKind } from '../../../domain/supplies/reasons';
import { stockBalances, stockLots, suppliesSettings, supplyItems } from '../../db/schema/index';
import { unprocessable } from '../../platform/errors';
import type { Work } from '../../platform/http';
import { newId } from '../../platform/ids';

// Lots and first-expiry-first-out: which lot a receipt goes into, which lots an issue takes
// (the earliest expiry first, never an expired one, nor one within the mission's near-expiry
// block for its category). The ledger itself is written only by ledger.service.ts `post`.

export interface SuppliesSettingsRow {
  nearExpiryBlockDays: number;
  nearExpiryBlockCategories: string[];
  version: number;
}

const NO_SETTINGS: SuppliesSettingsRow = {
  nearExpiryBlockDays: 0,
  nearExpiryBlockCategories: [],
  version: 0,
};

export async function settingsOf(w: Work): Promise<SuppliesSettingsRow> {
  const [s] = await w.tx
    .select()
    .from(suppliesSettings)
    .where(eq(suppliesSettings.missionId, w.actor.missionId));
  return s ?? NO_SETTINGS;
}

/** The settings' columns, to read them in the same statement as the lots they judge. */
const withSettings = {
  nearExpiryBlockDays: suppliesSettings.nearExpiryBlockDays,
  nearExpiryBlockCategories: suppliesSettings.nearExpiryBlockCategories,
};
const settingsJoin = eq(suppliesSettings.missionId, stockLots.missionId);
/** A row's settings: the mission's, or the defaults when it has none (the left join found nothing). */
const settingsIn = (r: {
  nearExpiryBlockDays: number | null;
  nearExpiryBlockCategories: string[] | null;
}) => ({
  nearExpiryBlockDays: r.nearExpiryBlockDays ?? 0,
  nearExpiryBlockCategories: r.nearExpiryBlockCategories ?? [],
});

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
  /** the lot's project (who paid for it): what consumes it is attributed to it */
  projectId: string | null;
  quantity: number;
}

/**
 * The usable lots of an item at a point with stock, earliest expiry first (FEFO). One statement:
 * the mission's near-expiry settings come with the lots.
 */
export async function usableLots(
  w: Work,
  stockPointId: string,
  item: { id: string; category: string },
  on: string,
): Promise<(Allocation & { onHand: number })[]> {
  const lots = await w.tx
    .select({
      lotId: stockLots.id,
      lotNumber: stockLots.lotNumber,
      expiryOn: stockLots.expiryOn,
      projectId: stockLots.projectId,
      onHand: stockBalances.onHand,
      ...withSettings,
    })
    .from(stockBalances)
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
    )
    .leftJoin(suppliesSettings, settingsJoin)
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
    .filter((l) => !issueBlock(l, item.category, on, settingsIn(l)))
    .map((l) => ({
      lotId: l.lotId,
      lotNumber: l.lotNumber,
      expiryOn: l.expiryOn,
      projectId: l.projectId,
      onHand: l.onHand,
      quantity: l.onHand,
    }));
}

/**
 * Splits a quantity over the usable lots, FEFO; `shortfall` is what they cannot cover. `taken`
 * (lot → quantity) is what earlier lines of the same request already take, and is updated, so
 * two lines of one item never both count the same stock.
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
    lines.push({
      lotId: l.lotId,
      lotNumber: l.lotNumber,
      expiryOn: l.expiryOn,
      projectId: l.projectId,
      quantity: take,
    });
    taken?.set(l.lotId, (taken.get(l.lotId) ?? 0) + take);
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

/**
 * The lots an issue takes: the one asked (checked usable and of this item) or FEFO. Refuses
 * (422 on `path`) an expired or blocked lot, or more than the usable lots hold. `taken`: see
 * `proposeLots` (pass one map for all the lines of a request). `loaded`: the line's item when the
 * caller has already loaded it (read again otherwise).
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
  taken?: Map<string, number>,
  loaded?: { id: string; category: string },
): Promise<Allocation[]> {
  const item = loaded?.id === l.itemId ? loaded : await itemOf(w, l.itemId, `${path}.itemId`);
  const issuing = ISSUING_KINDS.includes(l.kind);
  if (l.lotId) {
    const [lot] = await w.tx
      .select({
        id: stockLots.id,
        itemId: stockLots.itemId,
        lotNumber: stockLots.lotNumber,
        expiryOn: stockLots.expiryOn,
        projectId: stockLots.projectId,
        ...withSettings,
      })
      .from(stockLots)
      .leftJoin(suppliesSettings, settingsJoin)
      .where(and(eq(stockLots.missionId, w.actor.missionId), eq(stockLots.id, l.lotId)));
    if (!lot || lot.itemId !== l.itemId)
      throw unprocessable('No such lot of this item', [{ path: `${path}.lotId`, message: 'Unknown lot' }]);
    const block = issueBlock(lot, item.category, l.on, settingsIn(lot));
    if (issuing && block)
      throw unprocessable(
        block === 'expired'
          ? 'An expired lot cannot be issued, only written off'
          : 'This lot is too close to expiry to issue',
        [{ path: `${path}.lotId`, message: `Lot ${lot.lotNumber} expires on ${lot.expiryOn}` }],
        block === 'expired' ? 'lot_expired' : 'lot_near_expiry',
      );
    taken?.set(lot.id, (taken.get(lot.id) ?? 0) + l.quantity);
    return [
      {
        lotId: lot.id,
        lotNumber: lot.lotNumber,
        expiryOn: lot.expiryOn,
        projectId: lot.projectId,
        quantity: l.quantity,
      },
    ];
  }
  const proposal = issuing
    ? await proposeLots(w, l.stockPointId, item, l.quantity, l.on, taken)
    : await proposeAny(w, l.stockPointId, item, l.quantity, taken);
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

/** A loss or write-off without a lot: any lot with stock, earliest expiry first (expired ones too). */
async function proposeAny(
  w: Work,
  stockPointId: string,
  item: { id: string; category: ItemCategory | string },
  quantity: number,
  taken?: Map<string, number>,
) {
  return proposeLots(w, stockPointId, item, quantity, '0001-01-01', taken);
}
