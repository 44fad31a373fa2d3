import { and, eq, gte, sql } from 'drizzle-orm';
import { addDays } from '../../../../domain/common/dates';
import { stockBalances, stockLots } from '../../../db/schema/index';
import type { Work } from '../../../platform/http';
import type { Rng } from '../../registry/demo/demo-people';
import { sheetLines } from '../counts.presenter';
import { loadCount } from '../counts.queries';
import { approveCount, createCount, updateCountLines } from '../counts.service';
import type { MovementRow } from '../ledger.service';
import { issue, receive as receiveStock } from '../movements.service';
import { transferLines } from '../transfers.presenter';
import { loadTransfer } from '../transfers.queries';
import { dispatchTransfer, receiveTransfer } from '../transfers.service';
import type { Item } from './demo-setup';

// The stock movements of the demo's year, each through the module's own code: receipts and the
// write-off through the movements service, transfers through dispatch and receipt, counts
// through open, count and approve.
// `at(w, day)` is the same transaction as on that day, so references, approval dates and
// recorded times fall on the day the work happened.

export const at = (w: Work, day: string): Work => ({ ...w, now: new Date(Date.parse(`${day}T10:00:00Z`)) });

/** Whole packs, at least one. */
export const packs = (quantity: number, packSize: number) =>
  Math.max(1, Math.round(quantity / packSize)) * packSize;

/** EUR cents per base unit, as the suppliers' invoices give them. */
const UNIT_COST: Record<string, number> = {
  'CLO-SET-M': 1450,
  'CLO-SET-W': 1650,
  'CLO-SET-C': 980,
  'CLO-SHOE': 320,
  'CLO-JACKET': 1890,
  'CLO-SOCK': 110,
  'BED-BLANKET': 870,
  'BED-MAT': 640,
  'HYG-KIT': 2150,
  'HYG-DIGNITY': 2790,
  'HYG-SOAP': 45,
  'FOOD-BISCUIT': 38,
  'MED-ORS': 9,
  'MED-PARA-SYR': 85,
  'MED-PERM': 260,
  'MED-BENZ': 190,
  'MED-SALB': 240,
  'MED-CHLORH': 140,
  'MDS-SYR-5': 6,
  'MDS-GLOVE-M': 9,
  'MDS-TAPE': 65,
  'MDS-GAUZE': 4,
};
const costOf = (i: Item) => UNIT_COST[i.code] ?? 3; // tablets and capsules: a few cents

function addMonths(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A lot's expiry: its shelf life from receipt, less the months it spent before shipping. None
 * is expired by today (only the demo's one written-off lot is): short-lived goods received long
 * ago are instead about to expire, within the next two months.
 */
export function expiryFor(i: Item, receivedOn: string, today: string, rng: Rng): string {
  const e = addDays(addMonths(receivedOn, i.shelfLifeMonths), -30 - Math.floor(rng() * 90));
  return e < addDays(today, 15) ? addDays(today, 15 + Math.floor(rng() * 40)) : e;
}

/** A realistic lot number: the item's short code, year and month of making, a batch. */
export function lotNumber(i: Item, receivedOn: string, rng: Rng): string {
  const short = (i.code.split('-')[1] ?? i.code).slice(0, 3);
  const made = addMonths(receivedOn, -1 - Math.floor(rng() * 4));
  return `${short}${made.slice(2, 4)}${made.slice(5, 7)}-${String(100 + Math.floor(rng() * 900))}`;
}

export interface ReceiptLine {
  item: Item;
  quantity: number;
  lotNumber: string;
  expiryOn: string;
}

/** A donor's consignment into a point, attributed to its project (the receipts route's code). */
export function receive(
  w: Work,
  r: {
    stockPointId: string;
    on: string;
    projectId: string;
    supplierId: string;
    documentNumber: string;
    lines: ReceiptLine[];
  },
): Promise<MovementRow[]> {
  return receiveStock(at(w, r.on), {
    stockPointId: r.stockPointId,
    occurredOn: r.on,
    reason: 'donation',
    documentNumber: r.documentNumber,
    supplierOrganisationId: r.supplierId,
    projectId: r.projectId,
    lines: r.lines.map((l) => ({
      itemId: l.item.id,
      lotNumber: l.lotNumber,
      expiryOn: l.expiryOn,
      quantity: l.quantity,
      unitCostMinor: costOf(l.item),
      currency: 'EUR',
    })),
  });
}

/** Writes an expired lot off at a point (the write-offs route's code). */
export async function writeOff(
  w: Work,
  e: { stockPointId: string; itemId: string; lotId: string; quantity: number; on: string },
): Promise<void> {
  await issue(at(w, e.on), {
    stockPointId: e.stockPointId,
    occurredOn: e.on,
    reason: 'expired',
    documentNumber: `WO-${e.on.slice(0, 4)}-001`,
    lines: [{ itemId: e.itemId, lotId: e.lotId, quantity: e.quantity }],
  });
}

/** What a point can issue of each item on a day (lots not expired then), by item id. */
export async function usableAt(w: Work, stockPointId: string, on: string): Promise<Map<string, number>> {
  const rows = await w.tx
    .select({ itemId: stockBalances.itemId, n: sql<number>`sum(${stockBalances.onHand})::int` })
    .from(stockBalances)
    .innerJoin(
      stockLots,
      and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
    )
    .where(
      and(
        eq(stockBalances.missionId, w.actor.missionId),
        eq(stockBalances.stockPointId, stockPointId),
        gte(stockLots.expiryOn, on),
      ),
    )
    .groupBy(stockBalances.itemId);
  return new Map(rows.map((r) => [r.itemId, Number(r.n)]));
}

/**
 * Dispatches what the source can give of each wanted quantity (`usable`: from `usableAt`, less
 * what this round already sent); the route's code picks the lots, earliest expiry first. Null
 * when the source has none of it.
 */
export async function dispatch(
  w: Work,
  r: { from: string; to: string; on: string; usable: Map<string, number> },
  wanted: { item: Item; quantity: number }[],
): Promise<string | null> {
  const lines: { itemId: string; quantity: number }[] = [];
  for (const { item, quantity } of wanted) {
    const q = Math.min(quantity, r.usable.get(item.id) ?? 0);
    if (q <= 0) continue;
    lines.push({ itemId: item.id, quantity: q });
    r.usable.set(item.id, (r.usable.get(item.id) ?? 0) - q);
  }
  if (!lines.length) return null;
  return dispatchTransfer(at(w, r.on), {
    fromStockPointId: r.from,
    toStockPointId: r.to,
    dispatchedOn: r.on,
    lines,
  });
}

/** Receives a transfer; `short` units of its first line lost on the way, if given. */
export async function arrive(w: Work, transferId: string, on: string, short = 0): Promise<void> {
  const row = await loadTransfer(w, transferId);
  const lines = (await transferLines(w, [transferId])).map((r) => r.l);
  await receiveTransfer(at(w, on), row, {
    version: row.t.version,
    receivedOn: on,
    lines: lines.map((l, n) => {
      const lost = n === 0 ? Math.min(short, l.quantity) : 0;
      return lost
        ? {
            lineId: l.id,
            receivedQuantity: l.quantity - lost,
            shortfallReason: 'lost_in_transit' as const,
            shortfallText: 'Carton found torn open on arrival',
          }
        : { lineId: l.id, receivedQuantity: l.quantity };
    }),
  });
}

/** Why a count finds less (or, last, more) than the ledger says. */
const SHORT_REASONS = [
  { reason: 'count_damaged', reasonText: 'Damaged by damp in the store' },
  { reason: 'count_unrecorded_issue', reasonText: 'Handed out to new arrivals at night' },
  { reason: 'count_error', reasonText: 'Miscounted at the last distribution' },
] as const;
const SURPLUS = { reason: 'count_unrecorded_receipt', reasonText: 'Returned unused by the clinic' } as const;

/**
 * A physical count of a point on a day: every lot counted, a few of them a little off, each
 * difference given a reason, and the sheet approved that day. Returns the differences.
 */
export async function count(w: Work, stockPointId: string, on: string, rng: Rng): Promise<number> {
  const day = at(w, on);
  const id = await createCount(day, { stockPointId, countedOn: on });
  let row = await loadCount(w, id);
  const lines = await sheetLines(w, row.c);
  const off = new Map<string, number>();
  for (const { l, live } of lines) {
    if (off.size >= 3 || rng() > 0.25 || !live) continue;
    off.set(l.lotId, rng() < 0.75 ? -Math.min(live, 1 + Math.floor(rng() * 4)) : 1 + Math.floor(rng() * 2));
  }
  await updateCountLines(day, row, {
    version: row.c.version,
    lines: lines.map(({ l, live }) => ({
      itemId: l.itemId,
      lotId: l.lotId,
      counted: (live ?? 0) + (off.get(l.lotId) ?? 0),
    })),
  });
  row = await loadCount(w, id);
  const reasons = lines
    .filter(({ l }) => off.get(l.lotId))
    .map(({ l }, n) => ({
      lotId: l.lotId,
      itemId: l.itemId,
      ...((off.get(l.lotId) ?? 0) > 0 ? SURPLUS : (SHORT_REASONS[n % SHORT_REASONS.length] ?? SURPLUS)),
    }));
  await approveCount(day, row, { version: row.c.version, reasons });
  return off.size;
}
