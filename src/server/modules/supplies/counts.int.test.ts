import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { auditOf, movementsAt, onHand, traces } from './transfers.fixtures';

// Stock counts: a sheet per point; counting does not freeze the store, so approval adjusts each
// counted lot against the on-hand at approval, with a reason where they differ.

let t: TestApp;
let s: SuppliesWorld;
let officer: Client; // stock officer, mission-wide
let officerA: Client; // stock officer of centre A

type Line = {
  itemId: string;
  lotId: string;
  lotNumber: string;
  counted: number | null;
  onHand: number;
  difference: number | null;
  reason: string | null;
};
type Count = {
  id: string;
  reference: string;
  status: string;
  version: number;
  approvedAt: string | null;
  lines: Line[];
  allowedActions: string[];
};

beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  officer = await t.signIn({ role: 'stock_officer' });
  officerA = await t.signIn({ role: 'stock_officer', centreIds: [s.centreA] });
}, 120_000);
afterAll(() => t.close());

const open = async (c: Client, stockPointId: string) => {
  const res = await c.post('/api/v1/stock-counts', { stockPointId, countedOn: '2026-11-01' });
  expect(res.statusCode, res.body).toBe(201);
  return json<Count>(res);
};
const setLines = (c: Client, count: Count, lines: object[]) =>
  c.patch(`/api/v1/stock-counts/${count.id}/lines`, { version: count.version, lines });
const approve = (c: Client, count: Count, reasons: object[] = []) =>
  c.post(`/api/v1/stock-counts/${count.id}/approve`, { version: count.version, reasons });
/** Ten leave the point after the sheet was made: a transfer to the warehouse. */
const issue = async (from: string, itemId: string, lotId: string, quantity: number) => {
  const res = await officer.post('/api/v1/stock-transfers', {
    fromStockPointId: from,
    toStockPointId: s.warehouse,
    dispatchedOn: '2026-11-02',
    lines: [{ itemId, lotId, quantity }],
  });
  expect(res.statusCode, res.body).toBe(201);
};

describe('a count approved after stock moved', () => {
  it('count 100, issue 10, approve: the adjustment is based on 90, and needs a reason', async () => {
    const lot = await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 100 });
    const sheet = await open(officerA, s.storeA);
    expect(sheet.reference).toMatch(/^SC-2026-\d{6}$/);
    expect(sheet).toMatchObject({
      status: 'open',
      lines: [{ lotId: lot, counted: null, onHand: 100, difference: null }],
    });
    expect(sheet.allowedActions).toEqual(['read', 'update', 'approve', 'cancel']);

    const counted = await setLines(officerA, sheet, [{ itemId: s.clothing, lotId: lot, counted: 95 }]);
    expect(counted.statusCode, counted.body).toBe(200);
    expect(json<Count>(counted).lines).toMatchObject([{ counted: 95, onHand: 100, difference: -5 }]);

    await issue(s.storeA, s.clothing, lot, 10);
    const live = json<Count>(await officerA.get(`/api/v1/stock-counts/${sheet.id}`));
    expect(live.lines).toMatchObject([{ counted: 95, onHand: 90, difference: 5 }]);

    // it now differs by +5: no reason, nothing written
    const before = await traces(t);
    const refused = await approve(officerA, live);
    expect(refused.statusCode).toBe(422);
    const problem = json<{ errors: { path: string; message: string }[] }>(refused);
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors[0]?.path).toBe('reasons');
    expect(problem.errors[0]?.message).toContain(live.lines[0]?.lotNumber);
    expect(await traces(t)).toEqual(before);
    expect(json<Count>(await officerA.get(`/api/v1/stock-counts/${sheet.id}`)).status).toBe('open');

    const res = await approve(officerA, live, [
      {
        itemId: s.clothing,
        lotId: lot,
        reason: 'count_unrecorded_receipt',
        reasonText: 'Returned by a centre',
      },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const done = json<Count>(res);
    expect(done).toMatchObject({
      status: 'approved',
      lines: [{ counted: 95, onHand: 90, difference: 5, reason: 'count_unrecorded_receipt' }],
    });
    expect(done.approvedAt).toBe(t.now().toISOString());
    expect(done.allowedActions).toEqual(['read']);
    expect(await onHand(t, s.storeA, lot)).toBe(95);
    const [adjustment] = (await movementsAt(t, s.storeA, lot)).slice(-1);
    expect(adjustment).toMatchObject({
      quantity: 5,
      kind: 'count_adjustment',
      reason: 'count_unrecorded_receipt',
      reasonText: 'Returned by a centre',
      countId: sheet.id,
      occurredOn: '2026-11-02', // the approval day
    });
    expect((await auditOf(t, 'stock_count')).filter((e) => e.entityId === sheet.id)).toMatchObject([
      { action: 'create' },
      { action: 'update', changedFields: ['lines'] },
      { action: 'transition', detail: { to: 'approved', adjustments: 1 } },
    ]);
    // approved: no further change
    const again = await approve(officerA, done);
    expect(json(again)).toMatchObject({ status: 409, code: 'count_closed' });
  });

  it('posts nothing for a lot counted as on hand, nor for one not counted, and can write a lot down', async () => {
    const same = await stockUp(t, { stockPointId: s.storeB, itemId: s.clothing, quantity: 40 });
    const fewer = await stockUp(t, { stockPointId: s.storeB, itemId: s.medicine, quantity: 60 });
    const skipped = await stockUp(t, { stockPointId: s.storeB, itemId: s.medicine, quantity: 7 });
    const sheet = await open(officer, s.storeB);
    expect(sheet.lines.map((l) => l.lotId).sort()).toEqual([same, fewer, skipped].sort());
    const set = json<Count>(
      await setLines(officer, sheet, [
        { itemId: s.clothing, lotId: same, counted: 40 },
        { itemId: s.medicine, lotId: fewer, counted: 52 },
      ]),
    );
    const res = await approve(officer, set, [{ itemId: s.medicine, lotId: fewer, reason: 'count_damaged' }]);
    expect(res.statusCode, res.body).toBe(200);
    const byLot = new Map(json<Count>(res).lines.map((l) => [l.lotId, l]));
    expect(byLot.get(same)).toMatchObject({ counted: 40, onHand: 40, difference: 0, reason: null });
    expect(byLot.get(fewer)).toMatchObject({
      counted: 52,
      onHand: 60,
      difference: -8,
      reason: 'count_damaged',
    });
    expect(byLot.get(skipped)).toMatchObject({ counted: null, onHand: 7, difference: null });
    expect(await onHand(t, s.storeB, fewer)).toBe(52);
    expect(await onHand(t, s.storeB, skipped)).toBe(7);
    expect((await movementsAt(t, s.storeB)).filter((m) => m.countId === sheet.id)).toMatchObject([
      { lotId: fewer, quantity: -8 },
    ]);
  });
});

describe('the sheet', () => {
  it('opens one sheet when two are asked for at once', async () => {
    const point = s.storeB;
    await stockUp(t, { stockPointId: point, itemId: s.clothing, quantity: 2 });
    const body = { stockPointId: point, countedOn: '2026-11-01' };
    const answers = await Promise.all([
      officer.post('/api/v1/stock-counts', body),
      officer.post('/api/v1/stock-counts', body),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const created = json<Count>(answers.find((r) => r.statusCode === 201)!);
    const cancel = await officer.post(`/api/v1/stock-counts/${created.id}/cancel`, {
      version: created.version,
    });
    expect(cancel.statusCode).toBe(200);
  });

  it('is one open sheet per point, and a cancelled one frees the point', async () => {
    await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 3 });
    const first = await open(officer, s.warehouse);
    const second = await officer.post('/api/v1/stock-counts', {
      stockPointId: s.warehouse,
      countedOn: '2026-11-01',
    });
    expect(json(second)).toMatchObject({ status: 409, code: 'count_open' });

    const stale = await officer.post(`/api/v1/stock-counts/${first.id}/cancel`, {
      version: first.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const cancelled = await officer.post(`/api/v1/stock-counts/${first.id}/cancel`, {
      version: first.version,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(json<Count>(cancelled)).toMatchObject({ status: 'cancelled', allowedActions: ['read'] });
    expect(json(await setLines(officer, json<Count>(cancelled), []))).toMatchObject({ status: 400 });
    const edit = await setLines(officer, json<Count>(cancelled), [
      { itemId: s.clothing, lotId: first.lines[0]?.lotId, counted: 1 },
    ]);
    expect(json(edit)).toMatchObject({ status: 409, code: 'count_closed' });
    expect(
      (await auditOf(t, 'stock_count')).filter((e) => e.entityId === first.id).map((e) => e.action),
    ).toEqual(['create', 'transition']);
    await open(officer, s.warehouse);
  });

  it('takes a lot not on the sheet if it is a lot of that item', async () => {
    const onSheet = await stockUp(t, {
      stockPointId: s.storeA,
      itemId: s.medicine,
      quantity: 4,
      lotNumber: 'ON-SHEET',
    });
    const count = await open(officer, s.storeA);
    const elsewhere = await stockUp(t, {
      stockPointId: s.warehouse,
      itemId: s.medicine,
      quantity: 9,
      lotNumber: 'FOUND',
    });
    const wrongItem = await setLines(officer, count, [{ itemId: s.clothing, lotId: elsewhere, counted: 2 }]);
    expect(json(wrongItem)).toMatchObject({ status: 422, errors: [{ path: 'lines.0.lotId' }] });
    const twice = await setLines(officer, count, [
      { itemId: s.medicine, lotId: onSheet, counted: 2 },
      { itemId: s.medicine, lotId: onSheet, counted: 3 },
    ]);
    expect(json(twice)).toMatchObject({ status: 422, errors: [{ path: 'lines.1.lotId' }] });
    const added = await setLines(officer, count, [{ itemId: s.medicine, lotId: elsewhere, counted: 2 }]);
    expect(added.statusCode, added.body).toBe(200);
    const line = json<Count>(added).lines.find((l) => l.lotId === elsewhere);
    expect(line).toMatchObject({ counted: 2, onHand: 0, difference: 2 });
    const approved = await approve(officer, json<Count>(added), [
      { itemId: s.medicine, lotId: elsewhere, reason: 'count_other', reasonText: 'Box found behind a shelf' },
    ]);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await onHand(t, s.storeA, elsewhere)).toBe(2);
    expect(await onHand(t, s.storeA, onSheet)).toBe(4);
  });

  it('checks reasons: free text where the reason needs it, only lots of the sheet', async () => {
    const lot = await stockUp(t, { stockPointId: s.storeB, itemId: s.clothing, quantity: 10 });
    const sheet = json<Count>(
      await setLines(officer, await open(officer, s.storeB), [
        { itemId: s.clothing, lotId: lot, counted: 9 },
      ]),
    );
    const noText = await approve(officer, sheet, [{ itemId: s.clothing, lotId: lot, reason: 'count_other' }]);
    expect(json(noText)).toMatchObject({ status: 422, errors: [{ path: 'reasons.0.reasonText' }] });
    const stranger = await approve(officer, sheet, [
      { itemId: s.clothing, lotId: lot, reason: 'count_error' },
      { itemId: s.clothing, lotId: s.project, reason: 'count_error' },
    ]);
    expect(json(stranger)).toMatchObject({ status: 422, errors: [{ path: 'reasons.1.lotId' }] });
    const notACountReason = await approve(officer, sheet, [
      { itemId: s.clothing, lotId: lot, reason: 'damaged' },
    ]);
    expect(json(notACountReason)).toMatchObject({ status: 400, errors: [{ path: 'reasons.0.reason' }] });
    const cancel = await officer.post(`/api/v1/stock-counts/${sheet.id}/cancel`, { version: sheet.version });
    expect(cancel.statusCode).toBe(200);
  });

  it('refuses to approve a sheet with nothing counted', async () => {
    await stockUp(t, { stockPointId: s.storeB, itemId: s.clothing, quantity: 1 });
    const sheet = await open(officer, s.storeB);
    expect(json(await approve(officer, sheet))).toMatchObject({ status: 422, errors: [{ path: 'lines' }] });
  });
});

describe('who may count', () => {
  it("keeps a centre's stock officer to their own stores; readers read", async () => {
    const officerB = await t.signIn({ role: 'stock_officer', centreIds: [s.centreB] });
    expect(
      (await officerB.post('/api/v1/stock-counts', { stockPointId: s.storeA, countedOn: '2026-11-01' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await officerA.post('/api/v1/stock-counts', { stockPointId: s.warehouse, countedOn: '2026-11-01' }))
        .statusCode,
    ).toBe(404);
    const manager = await t.signIn({ role: 'manager' });
    expect(
      (await manager.post('/api/v1/stock-counts', { stockPointId: s.storeA, countedOn: '2026-11-01' }))
        .statusCode,
    ).toBe(403);
    const list = json<{ items: Count[]; total: number }>(await manager.get('/api/v1/stock-counts?limit=200'));
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((c) => c.allowedActions.join() === 'read')).toBe(true);
    const mine = json<{ items: { stockPointId: string; id: string }[] }>(
      await officerB.get('/api/v1/stock-counts?limit=200'),
    );
    expect(mine.items.every((c) => c.stockPointId === s.storeB)).toBe(true);
    const a = json<{ items: { id: string }[] }>(
      await officerA.get(`/api/v1/stock-counts?stockPointId=${s.storeA}`),
    );
    expect((await officerB.get(`/api/v1/stock-counts/${a.items[0]?.id}`)).statusCode).toBe(404);
    const viewer = await t.signIn({ role: 'viewer' });
    expect((await viewer.get('/api/v1/stock-counts')).statusCode).toBe(403);
  });

  it('sorts the list and pages it', async () => {
    const asc = json<{ items: Count[] }>(
      await officer.get('/api/v1/stock-counts?sort=reference&order=asc&limit=200'),
    );
    const refs = asc.items.map((c) => c.reference);
    expect(refs.length).toBeGreaterThan(2);
    expect(refs).toEqual([...refs].sort());
    const one = json<{ items: Count[]; nextCursor: string }>(
      await officer.get('/api/v1/stock-counts?limit=1'),
    );
    const next = json<{ items: Count[] }>(
      await officer.get(`/api/v1/stock-counts?limit=1&cursor=${one.nextCursor}`),
    );
    expect(next.items[0]?.id).not.toBe(one.items[0]?.id);
  });
});
