import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { open, register } from './distributions.fixtures';

// The distribution report counts unique people, not services, by one or two dimensions.

type Row = { keys: string[]; labels: string[]; people: number; lines: number; quantity: number };
type Report = { by: string[]; rows: Row[]; totalPeople: number; totalQuantity: number };

let t: TestApp;
let s: SuppliesWorld;
let cw: Client;
let so: Client;
beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  cw = await t.signIn({ role: 'caseworker', centreIds: [s.centreA] });
  so = await t.signIn({ role: 'stock_officer' });
  await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 50, projectId: s.project });
  await stockUp(t, { stockPointId: s.storeA, itemId: s.medicine, quantity: 500 });
  await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 50 });
  // a woman of 30 receives two items; a boy of 10 and a man of 70 one each
  const woman = await register(cw, s.centreA, { sex: 'female', birthDate: '1996-05-01' });
  const boy = await register(cw, s.centreA, { sex: 'male', birthDate: '2016-03-01' });
  const man = await register(cw, s.centreA, { sex: 'male', birthDate: '1956-01-01' });
  const d = await open(cw, {
    centreId: s.centreA,
    stockPointId: s.storeA,
    itemIds: [s.clothing, s.medicine],
  });
  const give = async (personId: string, lines: { itemId: string; quantity: number }[]) => {
    const res = await cw.post(`/api/v1/distributions/${d.id}/recipients`, { personId, lines });
    expect(res.statusCode, res.body).toBe(201);
  };
  await give(woman, [
    { itemId: s.clothing, quantity: 1 },
    { itemId: s.medicine, quantity: 20 },
  ]);
  await give(boy, [{ itemId: s.clothing, quantity: 1 }]);
  await give(man, [{ itemId: s.clothing, quantity: 1 }]);
  const bulk = await open(cw, {
    centreId: s.centreA,
    stockPointId: s.storeA,
    itemIds: [s.clothing],
    kind: 'bulk',
  });
  const res = await cw.post(`/api/v1/distributions/${bulk.id}/lines`, { itemId: s.clothing, quantity: 30 });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(() => t.close());

const report = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/distributions/report?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Report>(res);
};

describe('the distribution report', () => {
  it('counts a person with two lines once', async () => {
    const byCentre = await report(cw, 'by=centre');
    expect(byCentre.rows).toEqual([
      { keys: [s.centreA], labels: [expect.any(String)], people: 3, lines: 4, quantity: 23 },
    ]);
    expect(byCentre.totalPeople).toBe(3);
    const byItem = await report(cw, 'by=item&lang=fr');
    expect(byItem.rows.map((r) => [r.labels[0], r.people, r.quantity])).toEqual(
      expect.arrayContaining([
        ['Kit vêtements adulte', 3, 3],
        ['Amoxicilline 500 mg', 1, 20],
      ]),
    );
    // the woman is in both item rows, and counted once in the total
    expect(byItem.totalPeople).toBe(3);
  });

  it('breaks people down by sex and age group at the distribution date', async () => {
    const r = await report(cw, 'by=sex&by=ageGroup');
    expect(r.rows.map((x) => [...x.keys, x.people])).toEqual([
      ['female', '18-59', 1],
      ['male', '5-11', 1],
      ['male', '60+', 1],
    ]);
    expect(r.rows[0]?.labels).toEqual(['Female', '18–59']);
  });

  it('attributes lines to the project of the stock they consumed', async () => {
    const r = await report(cw, 'by=project');
    const keys = r.rows.map((x) => x.keys[0]);
    expect(keys).toContain(s.project);
    expect(r.rows.find((x) => x.keys[0] === 'none')?.labels).toEqual(['No project']);
  });

  it('reports bulk issues apart: quantities, no people, no sex nor age', async () => {
    const bulk = await report(cw, 'kind=bulk&by=month');
    expect(bulk.rows).toEqual([
      { keys: ['2026-10'], labels: ['2026-10'], people: 0, lines: 1, quantity: 30 },
    ]);
    const refused = await cw.get('/api/v1/distributions/report?kind=bulk&by=sex');
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toMatchObject({ errors: [{ path: 'by' }] });
    expect((await cw.get('/api/v1/distributions/report?by=sex&by=item&by=month')).statusCode).toBe(422);
  });

  it('writes the same figures to XLSX, with a total row equal to the JSON’s totals, audited as an export', async () => {
    const json1 = await report(cw, 'by=item');
    const res = await cw.get('/api/v1/distributions/report?by=item&format=xlsx&lang=en');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const rows: unknown[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['Item', 'People (unique)', 'Lines', 'Quantity (base units)']);
    const body = rows.slice(1, -1);
    expect(body.map((r) => r[3])).toEqual(json1.rows.map((r) => r.quantity));
    expect(rows.at(-1)).toEqual(['Total', json1.totalPeople, 4, json1.totalQuantity]);
    const audit = json<{ items: unknown[] }>(
      await t.admin.get('/api/v1/audit?action=export&entityType=distribution_report'),
    );
    expect(audit.items).toHaveLength(1);
  });

  it('is scoped to the centres where the reader reads assistance, and offered to assistance readers only', async () => {
    const other = await t.signIn({ role: 'caseworker', centreIds: [s.centreB] });
    expect((await report(other, 'by=centre')).rows).toEqual([]);
    // the stock officer reads assistance mission-wide: the figures, without any name
    expect((await report(so, 'by=centre')).totalPeople).toBe(3);
    const monitor = await t.signIn({ role: 'monitor' });
    expect((await monitor.get('/api/v1/distributions/report')).statusCode).toBe(403);
  });
});
