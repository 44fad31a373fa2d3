import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ACCESS, canRead, ROLES } from '../../../domain/access/roles';
import type { stockReport } from '../../../domain/supplies/reports';
import { exportEvents, xlsxRows } from '../../test/exports';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { seedSupplies, stockUp } from '../../test/supplies-factories';
import { entry, transfer } from './stock-reports.fixtures';

// The stock report (on hand per point and item) over the API, and who may read the reports.
// Each test seeds its own world (new centres, points and items), so mission-wide answers are
// checked on that world's rows. The clock is 2026-11-02.

type Report = z.infer<typeof stockReport>;

let t: TestApp;
let officer: Client;
beforeAll(async () => {
  t = await testApp();
  officer = await t.signIn({ role: 'stock_officer' });
});
afterAll(() => t.close());

const api = '/api/v1/stock';
const report = async (c: Client, query = '') => {
  const res = await c.get(`${api}/report${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Report>(res);
};
const rowOf = (r: Report, pointId: string, itemId: string) =>
  r.rows.find((x) => x.stockPointId === pointId && x.itemId === itemId);
const officerAt = (centreId: string) => t.signIn({ role: 'stock_officer', centreIds: [centreId] });

describe('the stock report', () => {
  it('as XLSX: parsed, its rows, total and in-transit lines equal the API’s; Arabic, right-to-left, audited', async () => {
    const s = await seedSupplies(t);
    await stockUp(t, {
      stockPointId: s.warehouse,
      itemId: s.medicine,
      quantity: 2400,
      expiryOn: '2027-03-31',
    });
    await stockUp(t, {
      stockPointId: s.warehouse,
      itemId: s.medicine,
      quantity: 600,
      expiryOn: '2027-01-31',
    });
    const lot = await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 300 });
    await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 45 });
    await transfer(t, {
      from: s.warehouse,
      to: s.storeB,
      itemId: s.clothing,
      lotId: lot,
      quantity: 100,
      dispatchedOn: '2026-10-30',
    });

    const api1 = await report(officer);
    const med = rowOf(api1, s.warehouse, s.medicine);
    expect(med).toMatchObject({ lots: 2, onHand: 3000, earliestExpiry: '2027-01-31', category: 'medicine' });
    expect(rowOf(api1, s.warehouse, s.clothing)?.onHand).toBe(200);
    expect(api1.total).toBe(api1.rows.reduce((n, r) => n + r.onHand, 0));

    const res = await officer.get(`${api}/report?format=xlsx&lang=ar`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const { rows, rtl } = await xlsxRows(res);
    expect(rtl).toBe(true);
    const [header, ...body] = rows;
    expect(header).toEqual(expect.arrayContaining(['نقطة المخزون', 'الصنف', 'الكمية المتوفرة']));
    const onHandCol = header!.indexOf('الكمية المتوفرة');
    const lines = body.filter((r) => !!r[1]);
    expect(lines).toHaveLength(api1.rows.length);
    expect(lines.reduce((n, r) => n + Number(r[onHandCol]), 0)).toBe(api1.total);
    const labelled = (label: string) => Number(body.find((r) => r[0] === label)?.[onHandCol]);
    expect(labelled('المجموع')).toBe(api1.total);
    expect(labelled('قيد النقل')).toBe(api1.inTransit);
    // the category and unit in Arabic, the item's Arabic name
    const medLine = lines.find((r) => r[1] === med?.itemCode);
    expect(medLine).toEqual(expect.arrayContaining(['أدوية', 'كبسولة', 'أموكسيسيلين ٥٠٠ ملغ']));

    const [event] = await exportEvents(t, officer.username);
    expect(event).toMatchObject({
      entityType: 'stock_report',
      detail: { format: 'xlsx', rows: lines.length },
    });
  });

  it('as of a past date sums the ledger up to that date, ignoring later entries; a future date is refused', async () => {
    const s = await seedSupplies(t);
    const q = (asOf?: string) => `?stockPointId=${s.storeA}${asOf ? `&asOf=${asOf}` : ''}`;
    const lot = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 100,
      occurredOn: '2026-09-01',
    });
    await entry(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      lotId: lot,
      quantity: -30,
      occurredOn: '2026-10-15',
      reason: 'damaged',
    });
    await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.clothing,
      quantity: 50,
      occurredOn: '2026-10-20',
      expiryOn: '2027-05-01',
    });

    expect(rowOf(await report(officer, q('2026-08-31')), s.storeA, s.clothing)).toBeUndefined();
    const sept = await report(officer, q('2026-10-01'));
    expect(sept).toMatchObject({ asOf: '2026-10-01', total: 100 });
    expect(rowOf(sept, s.storeA, s.clothing)).toMatchObject({ lots: 1, onHand: 100 });
    expect(rowOf(await report(officer, q('2026-10-15')), s.storeA, s.clothing)?.onHand).toBe(70);
    const now = await report(officer, q());
    expect(now).toMatchObject({ asOf: '2026-11-02', total: 120 });
    expect(rowOf(now, s.storeA, s.clothing)).toMatchObject({ lots: 2, earliestExpiry: '2027-05-01' });

    const future = await officer.get(`${api}/report${q('2026-11-03')}`);
    expect(future.statusCode).toBe(422);
    expect(json(future).errors).toEqual([expect.objectContaining({ path: 'asOf' })]);
    expect((await officer.get(`${api}/report?asOf=2026-02-30`)).statusCode).toBe(400);
  });

  it('counts a dispatched transfer as in transit, at neither point; a received one no more', async () => {
    const s = await seedSupplies(t);
    const lot = await stockUp(t, {
      stockPointId: s.warehouse,
      itemId: s.clothing,
      quantity: 500,
      occurredOn: '2026-10-01',
    });
    await transfer(t, {
      from: s.warehouse,
      to: s.storeA,
      itemId: s.clothing,
      lotId: lot,
      quantity: 40,
      dispatchedOn: '2026-10-25',
    });
    await transfer(t, {
      from: s.warehouse,
      to: s.storeB,
      itemId: s.clothing,
      lotId: lot,
      quantity: 60,
      dispatchedOn: '2026-10-26',
      receivedOn: '2026-10-28',
    });
    const at = (point: string, asOf = '') =>
      report(officer, `?stockPointId=${point}${asOf && `&asOf=${asOf}`}`);

    const wh = await at(s.warehouse);
    expect(wh).toMatchObject({ total: 400, inTransit: 40 });
    expect(await at(s.storeA)).toMatchObject({ total: 0, inTransit: 40 });
    expect(await at(s.storeB)).toMatchObject({ total: 60, inTransit: 0 });
    // on the 27th both were on their way; on the 24th neither had left
    expect(await at(s.warehouse, '2026-10-27')).toMatchObject({ total: 400, inTransit: 100 });
    expect(await at(s.storeB, '2026-10-27')).toMatchObject({ total: 0, inTransit: 60 });
    expect(await at(s.warehouse, '2026-10-24')).toMatchObject({ total: 500, inTransit: 0 });
    // a reader of centre A's store sees what comes to it; one of centre B, nothing of this
    expect(await report(await officerAt(s.centreA))).toMatchObject({ total: 0, inTransit: 40 });
    expect(await report(await officerAt(s.centreB))).toMatchObject({ total: 60, inTransit: 0 });
  });

  it('is scoped: a centre’s stock officer sees only their centre’s store', async () => {
    const s = await seedSupplies(t);
    for (const p of [s.warehouse, s.storeA, s.storeB])
      await stockUp(t, { stockPointId: p, itemId: s.clothing, quantity: 10 });
    const a = await officerAt(s.centreA);
    const mine = await report(a);
    expect(mine.rows.map((r) => r.stockPointId)).toEqual([s.storeA]);
    expect(mine.total).toBe(10);
    expect(await report(a, `?stockPointId=${s.storeB}`)).toMatchObject({ rows: [], total: 0 });
    const wide = await report(officer);
    expect([s.warehouse, s.storeA, s.storeB].every((p) => rowOf(wide, p, s.clothing))).toBe(true);
  });
});

describe('who may read the reports', () => {
  it('refuses those who do not read stock (a protection officer) on every report, and audits nothing', async () => {
    const po = await t.signIn({ role: 'protection_officer' });
    for (const path of ['report', 'report?format=xlsx', 'below-minimum', 'consumption', 'alerts'])
      expect((await po.get(`${api}/${path}`)).statusCode, path).toBe(403);
    expect(await exportEvents(t, po.username)).toEqual([]);
  });

  it('answers every role that reads stock (DESIGN §5) and refuses every other', async () => {
    for (const role of ROLES) {
      const c = await t.signIn({ role });
      const expected = canRead(ACCESS.stock[role]) ? 200 : 403;
      for (const path of ['report', 'below-minimum', 'consumption', 'alerts'])
        expect((await c.get(`${api}/${path}`)).statusCode, `${role} ${path}`).toBe(expected);
    }
  });
});

it('documents the reports in the OpenAPI document', async () => {
  const doc = json<{ paths: Record<string, unknown> }>(
    await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
  );
  for (const p of ['report', 'below-minimum', 'consumption', 'alerts'])
    expect(doc.paths[`/api/v1/stock/${p}`], p).toBeDefined();
});
