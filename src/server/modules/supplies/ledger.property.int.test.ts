import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Movement } from '../../../domain/supplies/movements';
import { auditEvents, stockBalances, stockLots, stockMovements } from '../../db/schema/index';
import { asSystem } from '../../platform/http';
import { rows } from '../../platform/tx';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies } from '../../test/supplies-factories';
import { lotFor } from './lots.service';

// Acceptance: over random sequences of valid and invalid receipts, losses and reversals — dated
// in any order, some sent at once — on hand equals the sum of the ledger per lot and is never
// negative on any date, and a refused request leaves no row and no audit event.

let t: TestApp;
let so: Client;
let s: SuppliesWorld;
beforeAll(async () => {
  t = await testApp();
  so = await t.signIn({ role: 'stock_officer' });
  s = await seedSupplies(t);
});
afterAll(() => t.close());

const EXPIRY = '2030-06-30';
const day = fc.integer({ min: 1, max: 20 }).map((d) => `2026-10-${String(d).padStart(2, '0')}`);
const point = fc.constantFrom<'storeA' | 'storeB'>('storeA', 'storeB');
const lot = fc.constantFrom(0, 1);
const op = fc.oneof(
  fc.record({
    kind: fc.constant('receipt' as const),
    point,
    lot,
    quantity: fc.integer({ min: 1, max: 20 }),
    day,
  }),
  fc.record({
    kind: fc.constant('loss' as const),
    point,
    lot,
    quantity: fc.integer({ min: 1, max: 30 }),
    day,
  }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  // a known lot number with another expiry: always refused
  fc.record({ kind: fc.constant('bad_receipt' as const), point, lot, day }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
/** A step is one request, or several sent at once. */
const steps = fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });

const traces = () =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const count = async (q: Promise<{ n: number }[]>) => Number((await q)[0]?.n);
    const n = sql<number>`count(*)::int`;
    return {
      rows: await count(w.tx.select({ n }).from(stockMovements)),
      lots: await count(w.tx.select({ n }).from(stockLots)),
      audits: await count(
        w.tx.select({ n }).from(auditEvents).where(eq(auditEvents.entityType, 'stock_movement')),
      ),
    };
  });

/** Every lot at every point: the lowest closing balance of any day, and on hand against the sum. */
const invariants = () =>
  asSystem(t.ctx, t.missionId, async (w) => {
    const [lowest] = await rows<{ lowest: number }>(
      w.tx.execute(sql`
      select coalesce(min(closing), 0)::int as lowest from (
        select sum(sum(quantity)) over (partition by stock_point_id, lot_id order by occurred_on) as closing
        from stock_movements group by stock_point_id, lot_id, occurred_on) d`),
    );
    const sums = await w.tx
      .select({
        point: stockMovements.stockPointId,
        lot: stockMovements.lotId,
        sum: sql<number>`sum(${stockMovements.quantity})::int`,
      })
      .from(stockMovements)
      .groupBy(stockMovements.stockPointId, stockMovements.lotId);
    const balances = await w.tx.select().from(stockBalances);
    return {
      lowest: Number(lowest?.lowest),
      sums: Object.fromEntries(sums.map((r) => [`${r.point}|${r.lot}`, Number(r.sum)])),
      balances: Object.fromEntries(
        balances.filter((b) => b.onHand !== 0).map((b) => [`${b.stockPointId}|${b.lotId}`, b.onHand]),
      ),
    };
  });

let run = 0;
/** answers seen over all runs, so the property is known to have met both outcomes */
const seen = new Map<number, number>();

describe('the stock ledger under random movements', () => {
  it('keeps on hand = the sum of the ledger, never negative on any date; refusals leave no trace', async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (plan) => {
        run++;
        const numbers = [`P${run}-A`, `P${run}-B`];
        const lotIds = await asSystem(t.ctx, t.missionId, async (w) =>
          Promise.all(
            numbers.map((lotNumber) =>
              lotFor(w, { itemId: s.clothing, lotNumber, expiryOn: EXPIRY, projectId: null }, 'lot'),
            ),
          ),
        );
        const written: string[] = [];
        const send = (o: Op): Promise<LightMyRequestResponse> => {
          if (o.kind === 'reverse') {
            const id = written[o.pick % Math.max(written.length, 1)];
            return so.post(`/api/v1/stock-movements/${id ?? lotIds[0]}/reverse`, {
              reasonText: 'Wrong entry',
            });
          }
          if (o.kind === 'loss')
            return so.post('/api/v1/stock-movements/issues', {
              stockPointId: s[o.point],
              occurredOn: o.day,
              reason: 'damaged',
              lines: [{ itemId: s.clothing, lotId: lotIds[o.lot], quantity: o.quantity }],
            });
          return so.post('/api/v1/stock-movements/receipts', {
            stockPointId: s[o.point],
            occurredOn: o.day,
            reason: 'donation',
            lines: [
              {
                itemId: s.clothing,
                lotNumber: numbers[o.lot],
                expiryOn: o.kind === 'bad_receipt' ? '2031-01-01' : EXPIRY,
                quantity: o.kind === 'receipt' ? o.quantity : 1,
              },
            ],
          });
        };
        for (const step of plan) {
          const before = await traces();
          const answers = await Promise.all(step.map(send));
          let entries = 0;
          let accepted = 0;
          for (const res of answers) {
            expect([201, 404, 409, 422], res.body).toContain(res.statusCode);
            seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode !== 201) continue;
            accepted++;
            const body = json<{ items?: Movement[] } & Movement>(res);
            const ids = body.items ? body.items.map((m) => m.id) : [body.id];
            written.push(...ids);
            entries += ids.length;
          }
          const after = await traces();
          // what was accepted is all that changed: refused requests wrote no entry, lot nor event
          expect(after).toEqual({
            rows: before.rows + entries,
            lots: before.lots,
            audits: before.audits + accepted,
          });
        }
        const inv = await invariants();
        expect(inv.lowest).toBeGreaterThanOrEqual(0);
        expect(inv.balances).toEqual(Object.fromEntries(Object.entries(inv.sums).filter(([, v]) => v !== 0)));
      }),
      { numRuns: 25 },
    );
    expect(seen.get(201)).toBeGreaterThan(0);
    expect(seen.get(422)).toBeGreaterThan(0);
  });
});
