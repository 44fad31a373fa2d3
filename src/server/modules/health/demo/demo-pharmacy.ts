import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { stockLots, stockMovements, supplyItems } from '../../../db/schema/index';
import type { Work } from '../../../platform/http';
import { issueBlock, settingsOf } from '../../supplies/lots.service';

// The clinic pharmacies' stock, lot by lot and day by day, held in memory while the demo's year
// of consultations is written. The supplies demo has already written the whole year, so today's
// balances include consignments that arrived after an old session's day: the lot a dispensing
// takes is chosen here (first expiry first among the lots that held enough that day and every day
// after, as the ledger demands) and named to the consultation service, whose ledger checks again.

interface Lot {
  id: string;
  expiryOn: string;
  lotNumber: string;
  /** the lot's net movements by day, in day order */
  days: { day: string; delta: number }[];
}

export interface Pharmacy {
  /** the catalogue's id of an item code (undefined: not in the catalogue) */
  itemId(code: string): string | undefined;
  /** a lot that can give `quantity` on `day` without any later day going below zero, or null */
  lotFor(stockPointId: string, itemCode: string, day: string, quantity: number): string | null;
  /** records what the consultation took, so the next pick sees it */
  take(stockPointId: string, itemCode: string, lotId: string, day: string, quantity: number): void;
}

/** The lowest closing balance of a lot from `day` on (the ledger's check of a movement that day). */
function lowestFrom(lot: Lot, day: string): number {
  let balance = 0;
  let i = 0;
  for (; i < lot.days.length && (lot.days[i]?.day ?? '') < day; i++) balance += lot.days[i]?.delta ?? 0;
  let lowest = Number.POSITIVE_INFINITY;
  if (lot.days[i]?.day !== day) lowest = balance;
  for (; i < lot.days.length; i++) {
    balance += lot.days[i]?.delta ?? 0;
    lowest = Math.min(lowest, balance);
  }
  return lowest === Number.POSITIVE_INFINITY ? balance : lowest;
}

export async function loadPharmacies(w: Work, pointIds: readonly string[]): Promise<Pharmacy> {
  const settings = await settingsOf(w);
  const items = await w.tx
    .select({ id: supplyItems.id, code: supplyItems.code, category: supplyItems.category })
    .from(supplyItems)
    .where(eq(supplyItems.missionId, w.actor.missionId));
  const byCode = new Map(items.map((i) => [i.code, i]));
  const rows = pointIds.length
    ? await w.tx
        .select({
          point: stockMovements.stockPointId,
          itemId: stockMovements.itemId,
          lotId: stockMovements.lotId,
          expiryOn: stockLots.expiryOn,
          lotNumber: stockLots.lotNumber,
          day: stockMovements.occurredOn,
          delta: sql<number>`sum(${stockMovements.quantity})::int`,
        })
        .from(stockMovements)
        .innerJoin(
          stockLots,
          and(eq(stockLots.missionId, stockMovements.missionId), eq(stockLots.id, stockMovements.lotId)),
        )
        .where(
          and(
            eq(stockMovements.missionId, w.actor.missionId),
            inArray(stockMovements.stockPointId, [...pointIds]),
          ),
        )
        .groupBy(
          stockMovements.stockPointId,
          stockMovements.itemId,
          stockMovements.lotId,
          stockLots.expiryOn,
          stockLots.lotNumber,
          stockMovements.occurredOn,
        )
        .orderBy(asc(stockMovements.occurredOn))
    : [];
  // point|item → lots, first expiry first (FEFO, as supplies proposes them)
  const lots = new Map<string, Lot[]>();
  const lotById = new Map<string, Lot>();
  for (const r of rows) {
    let lot = lotById.get(`${r.point}|${r.lotId}`);
    if (!lot) {
      lot = { id: r.lotId, expiryOn: r.expiryOn, lotNumber: r.lotNumber, days: [] };
      lotById.set(`${r.point}|${r.lotId}`, lot);
      const key = `${r.point}|${r.itemId}`;
      lots.set(key, [...(lots.get(key) ?? []), lot]);
    }
    lot.days.push({ day: r.day, delta: Number(r.delta) });
  }
  for (const l of lots.values())
    l.sort((a, b) => a.expiryOn.localeCompare(b.expiryOn) || a.lotNumber.localeCompare(b.lotNumber));

  return {
    itemId: (code) => byCode.get(code)?.id,
    lotFor(point, code, day, quantity) {
      const item = byCode.get(code);
      if (!item) return null;
      for (const lot of lots.get(`${point}|${item.id}`) ?? []) {
        if (issueBlock(lot, item.category, day, settings)) continue;
        if (lowestFrom(lot, day) >= quantity) return lot.id;
      }
      return null;
    },
    take(point, code, lotId, day, quantity) {
      const lot = lotById.get(`${point}|${lotId}`);
      if (!lot || !byCode.has(code)) return;
      const at = lot.days.findIndex((d) => d.day >= day);
      const same = lot.days[at];
      if (same?.day === day) same.delta -= quantity;
      else lot.days.splice(at < 0 ? lot.days.length : at, 0, { day, delta: -quantity });
    },
  };
}
