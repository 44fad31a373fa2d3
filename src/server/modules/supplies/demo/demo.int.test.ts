import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../../domain/common/dates';
import {
  auditEvents,
  distributionLines,
  distributions,
  stockBalances,
  stockCounts,
  stockLots,
  stockMovements,
  stockPoints,
  stockTransferLines,
  stockTransfers,
} from '../../../db/schema/index';
import { verifyAuditChains } from '../../../platform/audit';
import { asSystem } from '../../../platform/http';
import { rows } from '../../../platform/tx';
import { json, type TestApp, testApp } from '../../../test/harness';
import { loadDemo } from '../../directory/demo/demo';
import { loadRegistryDemo } from '../../registry/demo/demo';
import { loadSuppliesDemo, type SuppliesDemoSummary } from './demo';

let t: TestApp;
let first: SuppliesDemoSummary;
beforeAll(async () => {
  t = await testApp();
  await loadDemo(t.ctx, t.missionId);
  await loadRegistryDemo(t.ctx, t.missionId);
  first = await loadSuppliesDemo(t.ctx, t.missionId);
}, 400_000);
afterAll(() => t.close());

const db = <T>(fn: Parameters<typeof asSystem<T>>[2]) => asSystem(t.ctx, t.missionId, fn);
const today = () => t.now().toISOString().slice(0, 10);

describe('supplies demo', () => {
  it('stocks every point, and on hand is the ledger sum per lot, never below zero on any day', async () => {
    expect(first).toMatchObject({ skipped: false, stockPoints: 9 });
    const points = await db((w) =>
      w.tx
        .select({ id: stockPoints.id, onHand: sql<number>`coalesce(sum(${stockBalances.onHand}), 0)::int` })
        .from(stockPoints)
        .leftJoin(
          stockBalances,
          and(
            eq(stockBalances.missionId, stockPoints.missionId),
            eq(stockBalances.stockPointId, stockPoints.id),
          ),
        )
        .where(eq(stockPoints.missionId, t.missionId))
        .groupBy(stockPoints.id),
    );
    expect(points).toHaveLength(9);
    for (const p of points) expect(Number(p.onHand)).toBeGreaterThan(0);
    const mismatched = await db((w) =>
      rows(
        w.tx.execute(sql`
        select b.stock_point_id from stock_balances b
        left join (select stock_point_id, item_id, lot_id, sum(quantity)::int as s from stock_movements
                   group by 1, 2, 3) m using (stock_point_id, item_id, lot_id)
        where b.on_hand <> coalesce(m.s, 0) or b.on_hand < 0`),
      ),
    );
    expect(mismatched).toEqual([]);
    // the closing balance of every lot at every point, day by day
    const negative = await db((w) =>
      rows(
        w.tx.execute(sql`
        select * from (
          select sum(sum(quantity)) over (partition by stock_point_id, item_id, lot_id order by occurred_on) as closing
          from stock_movements group by stock_point_id, item_id, lot_id, occurred_on) d
        where closing < 0`),
      ),
    );
    expect(negative).toEqual([]);
  });

  it('has lots expiring within 60 days in stock, and only the one expired lot, written off', async () => {
    const soon = await db((w) =>
      w.tx
        .select({ n: count() })
        .from(stockBalances)
        .innerJoin(
          stockLots,
          and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
        )
        .where(
          and(
            sql`${stockBalances.onHand} > 0`,
            sql`${stockLots.expiryOn} between ${today()} and ${addDays(today(), 60)}`,
          ),
        ),
    );
    expect(soon[0]?.n).toBeGreaterThan(0);
    const writtenOff = await db((w) =>
      w.tx
        .select({
          lotId: stockMovements.lotId,
          expiryOn: stockLots.expiryOn,
          quantity: stockMovements.quantity,
        })
        .from(stockMovements)
        .innerJoin(
          stockLots,
          and(eq(stockLots.missionId, stockMovements.missionId), eq(stockLots.id, stockMovements.lotId)),
        )
        .where(eq(stockMovements.kind, 'expiry_write_off')),
    );
    expect(writtenOff).toHaveLength(1);
    expect(writtenOff[0]!.expiryOn < today()).toBe(true);
    const expiredInStock = await db((w) =>
      w.tx
        .select({ lotId: stockLots.id })
        .from(stockBalances)
        .innerJoin(
          stockLots,
          and(eq(stockLots.missionId, stockBalances.missionId), eq(stockLots.id, stockBalances.lotId)),
        )
        .where(and(sql`${stockBalances.onHand} > 0`, sql`${stockLots.expiryOn} < ${today()}`)),
    );
    expect(expiredInStock).toEqual([]);
  });

  it('leaves one transfer in transit, one received short, and the quarterly counts approved', async () => {
    const transfers = await db((w) =>
      w.tx
        .select({ status: stockTransfers.status, n: count() })
        .from(stockTransfers)
        .groupBy(stockTransfers.status),
    );
    expect(Object.fromEntries(transfers.map((r) => [r.status, r.n]))).toEqual({
      dispatched: 1,
      received: first.transfers - 1,
    });
    const lost = await db((w) =>
      w.tx
        .select({ n: count() })
        .from(stockTransferLines)
        .where(eq(stockTransferLines.shortfallReason, 'lost_in_transit')),
    );
    expect(lost[0]?.n).toBe(1);
    const counts = await db((w) =>
      w.tx.select({ status: stockCounts.status, n: count() }).from(stockCounts).groupBy(stockCounts.status),
    );
    expect(counts).toEqual([{ status: 'approved', n: 16 }]);
    const adjusted = await db((w) =>
      w.tx.select({ n: count() }).from(stockMovements).where(eq(stockMovements.kind, 'count_adjustment')),
    );
    expect(adjusted[0]?.n).toBeGreaterThan(0);
  });

  it('hands clothing and hygiene out person by person, overrides the 30-day rule with a reason, and issues blankets in bulk', async () => {
    const kinds = await db((w) =>
      w.tx.select({ kind: distributions.kind, n: count() }).from(distributions).groupBy(distributions.kind),
    );
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({
      individual: first.distributions - 1,
      bulk: 1,
    });
    const lines = await db((w) =>
      w.tx
        .select({
          people: sql<number>`count(distinct ${distributionLines.personId})::int`,
          overridden: sql<number>`count(${distributionLines.overrideReason})::int`,
          bulk: sql<number>`count(*) filter (where ${distributionLines.personId} is null)::int`,
          categories: sql<
            string[]
          >`array_agg(distinct ${distributionLines.category} order by ${distributionLines.category})`,
        })
        .from(distributionLines),
    );
    expect(lines[0]).toMatchObject({ bulk: 1, categories: ['bedding', 'clothing', 'hygiene'] });
    expect(Number(lines[0]?.people)).toBeGreaterThan(50);
    expect(Number(lines[0]?.overridden)).toBeGreaterThan(0);
    // every line moved stock: the ledger's distribution entries are the lines
    const moved = await db((w) =>
      w.tx.select({ n: count() }).from(stockMovements).where(eq(stockMovements.kind, 'distribution')),
    );
    const recorded = await db((w) => w.tx.select({ n: count() }).from(distributionLines));
    expect(moved[0]?.n).toBe(recorded[0]?.n);
  });

  it('shows the stock officer stock, and items below minimum', async () => {
    const officer = await t.signIn({ role: 'stock_officer' });
    const report = json<{ rows: unknown[]; total: number; inTransit: number }>(
      await officer.get('/api/v1/stock/report'),
    );
    expect(report.rows.length).toBeGreaterThan(100);
    expect(report.total).toBeGreaterThan(0);
    expect(report.inTransit).toBeGreaterThan(0);
    const low = json<{ rows: unknown[] }>(await officer.get('/api/v1/stock/below-minimum'));
    expect(low.rows.length).toBeGreaterThanOrEqual(8);
    // the officer's home: low stock and lots about to expire, nothing expired left on the shelves
    const alerts = json<{ belowMinimum: number; expiringSoon: number; expired: number }>(
      await officer.get('/api/v1/stock/alerts'),
    );
    expect(alerts.belowMinimum).toBe(low.rows.length);
    expect(alerts.expiringSoon).toBeGreaterThan(0);
    expect(alerts.expired).toBe(0);
    // the distributions make a consumption to measure months of stock by
    const used = json<{ rows: { itemCode: string; averageMonthly: number }[] }>(
      await officer.get('/api/v1/stock/consumption'),
    );
    expect(used.rows.some((r) => r.itemCode === 'HYG-KIT' && r.averageMonthly > 0)).toBe(true);
  });

  it('audits every write, in an unbroken chain', async () => {
    const audited = await db((w) =>
      w.tx
        .select({ type: auditEvents.entityType, n: count() })
        .from(auditEvents)
        .where(eq(auditEvents.actorUsername, 'demo-stock-officer'))
        .groupBy(auditEvents.entityType),
    );
    const by = Object.fromEntries(audited.map((a) => [a.type, a.n]));
    expect(by).toMatchObject({ supply_item: 32, stock_point: 9, project: 2, stock_count: 48 });
    expect(by.stock_transfer).toBe(2 * first.transfers - 1);
    expect(by.distribution_line).toBeGreaterThan(100);
    expect((await verifyAuditChains(t.database)).breaks).toEqual([]);
  });

  it('changes nothing when loaded again', async () => {
    const tally = () =>
      db(async (w) => [
        (await w.tx.select({ n: count() }).from(stockMovements))[0]?.n,
        (await w.tx.select({ n: count() }).from(stockTransfers))[0]?.n,
      ]);
    const before = await tally();
    expect((await loadSuppliesDemo(t.ctx, t.missionId)).skipped).toBe(true);
    expect(await tally()).toEqual(before);
  });
});
