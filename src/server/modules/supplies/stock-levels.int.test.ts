import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { belowMinimumReport, consumptionReport, StockAlerts } from '../../../domain/supplies/reports';
import { exportEvents, xlsxRows } from '../../test/exports';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { seedSupplies, stockUp } from '../../test/supplies-factories';
import { entry, setLevel } from './stock-reports.fixtures';

// The reports on stock levels and use: below minimum, consumption (AMC, months of stock) and the
// stock officer's alerts. Each test seeds its own world; the clock is 2026-11-02.

type Below = z.infer<typeof belowMinimumReport>;
type Consumption = z.infer<typeof consumptionReport>;

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await testApp();
  officer = await t.signIn({ role: 'stock_officer' });
});
afterAll(() => t.close());

const api = '/api/v1/stock';
const officerAt = (centreId: string) => t.signIn({ role: 'stock_officer', centreIds: [centreId] });
describe('below minimum', () => {
  it('lists items whose usable stock is under the minimum, with what to order to reach the maximum', async () => {
    const s = await seedSupplies(t);
    await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 30 });
    // expired: on hand, not usable
    await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 100,
      occurredOn: '2026-09-01',
      expiryOn: '2026-10-01',
    });
    await stockUp(t, { stockPointId: s.storeA, itemId: s.medicine, quantity: 40 });
    await setLevel(t, s.storeA, s.clothing, 50, 200);
    await setLevel(t, s.storeA, s.medicine, 10, 100);
    await setLevel(t, s.storeB, s.medicine, 20, 80);

    const res = await officer.get(`${api}/below-minimum`);
    expect(res.statusCode, res.body).toBe(200);
    const mine = json<Below>(res).rows.filter((r) => r.itemId === s.clothing || r.itemId === s.medicine);
    expect(mine).toHaveLength(2);
    expect(mine).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stockPointId: s.storeA,
          itemId: s.clothing,
          onHand: 30,
          minimum: 50,
          maximum: 200,
          toOrder: 170,
        }),
        expect.objectContaining({
          stockPointId: s.storeB,
          itemId: s.medicine,
          onHand: 0,
          minimum: 20,
          toOrder: 80,
        }),
      ]),
    );

    const a = json<Below>(await (await officerAt(s.centreA)).get(`${api}/below-minimum`));
    expect(a.rows.map((r) => [r.stockPointId, r.itemId])).toEqual([[s.storeA, s.clothing]]);
    const filtered = json<Below>(await officer.get(`${api}/below-minimum?stockPointId=${s.storeB}`));
    expect(filtered.rows.map((r) => r.itemId)).toEqual([s.medicine]);

    const file = await officer.get(`${api}/below-minimum?stockPointId=${s.storeA}&format=xlsx&lang=fr`);
    expect(file.statusCode).toBe(200);
    const { rows, rtl } = await xlsxRows(file);
    expect(rtl).toBe(false);
    expect(rows[0]).toEqual(expect.arrayContaining(['Stock utilisable', 'À commander']));
    expect(rows.slice(1).map((r) => r[rows[0]!.indexOf('À commander')])).toEqual(['170']);
    expect((await exportEvents(t, officer.username))[0]).toMatchObject({ entityType: 'stock_below_minimum' });
  });
});

describe('consumption', () => {
  const consumption = async (c: Client, query: string) => {
    const res = await c.get(`${api}/consumption${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return json<Consumption>(res);
  };

  it('sums distributions and dispensing per month (net of reversals), with the AMC and months of stock', async () => {
    const s = await seedSupplies(t);
    const med = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.medicine,
      quantity: 1000,
      occurredOn: '2026-07-01',
    });
    const wh = await stockUp(t, {
      stockPointId: s.warehouse,
      itemId: s.medicine,
      quantity: 100,
      occurredOn: '2026-07-01',
    });
    const clo = await stockUp(t, {
      stockPointId: s.storeB,
      itemId: s.clothing,
      quantity: 500,
      occurredOn: '2026-07-01',
    });
    const out = (
      stockPointId: string,
      lotId: string,
      itemId: string,
      quantity: number,
      occurredOn: string,
      reason: 'dispensed' | 'distributed' | 'damaged' = 'dispensed',
    ) => entry(t, { stockPointId, itemId, lotId, quantity: -quantity, occurredOn, reason });
    await out(s.storeA, med, s.medicine, 30, '2026-08-10');
    await out(s.storeA, med, s.medicine, 60, '2026-09-05');
    await out(s.warehouse, wh, s.medicine, 15, '2026-09-20');
    await out(s.storeA, med, s.medicine, 90, '2026-10-20');
    const undone = await out(s.storeA, med, s.medicine, 10, '2026-10-21');
    await entry(t, {
      stockPointId: s.storeA,
      itemId: s.medicine,
      lotId: med,
      quantity: 10,
      occurredOn: '2026-10-21',
      reason: 'reversal',
      reasonText: 'entered twice',
      reversesId: undone,
    });
    await out(s.storeA, med, s.medicine, 5, '2026-10-22', 'damaged'); // a loss is not consumption
    await out(s.storeA, med, s.medicine, 40, '2026-11-01'); // after the last whole month
    await out(s.storeB, clo, s.clothing, 20, '2026-10-03', 'distributed');
    await setLevel(t, s.storeA, s.medicine, 1000, 2000);

    const atA = await consumption(officer, `?stockPointId=${s.storeA}`);
    expect(atA.months).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(atA.rows).toEqual([
      expect.objectContaining({
        stockPointId: s.storeA,
        itemId: s.medicine,
        monthly: [30, 60, 90],
        averageMonthly: 60,
        onHand: 775,
        monthsOfStock: 12.92,
        minimum: 1000,
        maximum: 2000,
        belowMinimum: true,
      }),
    ]);
    // per item over every point: the warehouse's dispensing too, no point named
    const all = await consumption(officer, '?months=4&to=2026-11');
    expect(all.months).toEqual(['2026-08', '2026-09', '2026-10', '2026-11']);
    expect(all.rows.find((r) => r.itemId === s.medicine)).toMatchObject({
      stockPointId: null,
      monthly: [30, 75, 90, 40],
      averageMonthly: 58.75,
      onHand: 860,
    });
    expect(all.rows.find((r) => r.itemId === s.clothing)).toMatchObject({
      monthly: [0, 0, 20, 0],
      averageMonthly: 5,
      onHand: 480,
      monthsOfStock: 96,
    });
    const byPoint = await consumption(officer, '?byPoint=true&category=clothing');
    expect(byPoint.rows.filter((r) => r.itemId === s.clothing)).toEqual([
      expect.objectContaining({ stockPointId: s.storeB, monthly: [0, 0, 20] }),
    ]);
    expect(byPoint.rows.every((r) => r.itemId !== s.medicine)).toBe(true);
    // nothing consumed: no months of stock
    const july = await consumption(officer, `?stockPointId=${s.storeA}&to=2026-07&months=1`);
    expect(july.rows[0]).toMatchObject({ monthly: [0], averageMonthly: 0, monthsOfStock: null });

    const later = await officer.get(`${api}/consumption?to=2026-12`);
    expect(later.statusCode).toBe(422);
    expect(json(later).errors).toEqual([expect.objectContaining({ path: 'to' })]);
    expect((await officer.get(`${api}/consumption?to=2026-13`)).statusCode).toBe(400);
    expect((await officer.get(`${api}/consumption?months=25`)).statusCode).toBe(400);

    const file = await officer.get(`${api}/consumption?stockPointId=${s.storeA}&format=xlsx&lang=en`);
    const { rows } = await xlsxRows(file);
    expect(rows[0]).toEqual(
      expect.arrayContaining(['2026-08', '2026-10', 'Average monthly consumption', 'Months of stock']),
    );
    const amc = rows[0]!.indexOf('Average monthly consumption');
    expect(rows[1]!.slice(amc - 3, amc + 1)).toEqual(['30', '60', '90', '60']);
    expect(rows[1]!.at(-1)).toBe('Yes');
  });
});

describe('alerts (the stock officer’s home)', () => {
  it('counts expired and soon-expiring lots with stock and items below minimum, in the reader’s scope', async () => {
    const s = await seedSupplies(t);
    await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.medicine,
      quantity: 20,
      occurredOn: '2026-06-01',
      expiryOn: '2026-10-15',
      lotNumber: 'EXP-1',
    });
    await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.medicine,
      quantity: 30,
      expiryOn: '2026-12-01',
      lotNumber: 'SOON-1',
    });
    await stockUp(t, { stockPointId: s.storeA, itemId: s.medicine, quantity: 50, expiryOn: '2027-06-01' });
    // expired, but written off: nothing left to alert about
    const gone = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 5,
      occurredOn: '2026-06-01',
      expiryOn: '2026-09-01',
    });
    await entry(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      lotId: gone,
      quantity: -5,
      occurredOn: '2026-09-02',
      reason: 'expired',
    });
    await setLevel(t, s.storeA, s.clothing, 10, 40);
    // another centre's store: not the centre A reader's business
    await stockUp(t, {
      stockPointId: s.storeB,
      itemId: s.medicine,
      quantity: 9,
      occurredOn: '2026-06-01',
      expiryOn: '2026-10-01',
    });

    const a = await officerAt(s.centreA);
    const res = await a.get(`${api}/alerts`);
    expect(res.statusCode, res.body).toBe(200);
    const alerts = json<StockAlerts>(res);
    expect(alerts).toMatchObject({ belowMinimum: 1, expiringSoon: 1, expired: 1, withinDays: 60 });
    expect(alerts.items).toEqual([
      expect.objectContaining({ kind: 'expired', stockPointId: s.storeA, lotNumber: 'EXP-1', onHand: 20 }),
      expect.objectContaining({
        kind: 'expiring_soon',
        lotNumber: 'SOON-1',
        expiryOn: '2026-12-01',
        onHand: 30,
      }),
      expect.objectContaining({
        kind: 'below_minimum',
        itemId: s.clothing,
        onHand: 0,
        minimum: 10,
        lotId: null,
      }),
    ]);
    const wide = json<StockAlerts>(await officer.get(`${api}/alerts`));
    expect(wide.expired).toBeGreaterThanOrEqual(2);
  });
});
