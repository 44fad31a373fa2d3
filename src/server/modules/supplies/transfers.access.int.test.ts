import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { onHand, type Transfer, transferCalls } from './transfers.fixtures';

// Transfers: who may dispatch and receive where, what the lists show each reader, and a replayed
// dispatch (offline sync) that moves stock once.

let t: TestApp;
let s: SuppliesWorld;
let officer: Client; // stock officer, mission-wide
let officerA: Client; // stock officer of centre A
let officerB: Client; // stock officer of centre B
let managerB: Client; // manager for the mission (reads stock everywhere), stock officer of centre B only

beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  officer = await t.signIn({ role: 'stock_officer' });
  officerA = await t.signIn({ role: 'stock_officer', centreIds: [s.centreA] });
  officerB = await t.signIn({ role: 'stock_officer', centreIds: [s.centreB] });
  managerB = await t.signIn({
    roles: [
      { role: 'manager', centreIds: [] },
      { role: 'stock_officer', centreIds: [s.centreB] },
    ],
  });
}, 120_000);
afterAll(() => t.close());

const { dispatch, dispatched, receive, all, inTransit } = transferCalls(() => s);

describe('who may dispatch and receive', () => {
  it("keeps a centre's stock officer to their own stores", async () => {
    const lot = await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 10 });
    const lines = [{ itemId: s.clothing, lotId: lot, quantity: 1 }];
    // officer of B: store A and the warehouse are out of sight
    expect(
      (await dispatch(officerB, { fromStockPointId: s.storeA, toStockPointId: s.storeB, lines })).statusCode,
    ).toBe(404);
    // a manager for the mission sees store A, but writes stock in B only
    const res = await dispatch(managerB, { fromStockPointId: s.storeA, toStockPointId: s.storeB, lines });
    expect(res.statusCode).toBe(403);
    // officer of A: sends within their centre only (store B is not a destination they see)
    const far = await dispatch(officerA, { fromStockPointId: s.storeA, toStockPointId: s.storeB, lines });
    expect(json(far)).toMatchObject({ status: 422, errors: [{ path: 'toStockPointId' }] });

    await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 10 });
    const tr = await dispatched(officer, { lines: [{ itemId: s.clothing, quantity: 2 }] });
    // officer of B sees neither end: 404 to read and to receive, and it is not in their lists
    expect((await officerB.get(`/api/v1/stock-transfers/${tr.id}`)).statusCode).toBe(404);
    expect((await receive(officerB, tr, all(tr))).statusCode).toBe(404);
    const listB = json<{ items: Transfer[]; total: number }>(
      await officerB.get('/api/v1/stock-transfers?limit=200'),
    );
    expect(listB.items.map((x) => x.id)).not.toContain(tr.id);
    expect((await inTransit(officerB)).map((l) => l.transferId)).not.toContain(tr.id);
    // the manager reads it, may not receive it
    const seen = json<Transfer>(await managerB.get(`/api/v1/stock-transfers/${tr.id}`));
    expect(seen.allowedActions).toEqual(['read']);
    expect((await receive(managerB, tr, all(tr))).statusCode).toBe(403);
    // officer of A receives into their store
    expect(json<Transfer>(await officerA.get(`/api/v1/stock-transfers/${tr.id}`)).allowedActions).toEqual([
      'read',
      'receive',
    ]);
    expect((await receive(officerA, tr, all(tr))).statusCode).toBe(200);
  });

  it('refuses roles without stock writes (403)', async () => {
    const caseworker = await t.signIn({ role: 'caseworker' });
    expect((await dispatch(caseworker, { lines: [{ itemId: s.clothing, quantity: 1 }] })).statusCode).toBe(
      403,
    );
    const viewer = await t.signIn({ role: 'viewer' });
    expect((await viewer.get('/api/v1/stock-transfers')).statusCode).toBe(403);
  });
});

describe('the list', () => {
  it('is counted, filtered by point and status, and sortable', async () => {
    await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 10 });
    const tr = await dispatched(officer, {
      toStockPointId: s.storeB,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    });
    const page = json<{ items: Transfer[]; total: number; nextCursor: string | null }>(
      await officer.get(`/api/v1/stock-transfers?stockPointId=${s.storeB}&status=dispatched`),
    );
    expect(page.items.map((x) => x.id)).toContain(tr.id);
    expect(page.total).toBe(page.items.length);
    expect(page.items.every((x) => x.status === 'dispatched')).toBe(true);
    const sorted = json<{ items: Transfer[] }>(
      await officer.get('/api/v1/stock-transfers?sort=reference&order=asc&limit=200'),
    );
    const refs = sorted.items.map((x) => x.reference);
    expect(refs).toEqual([...refs].sort());
    const one = json<{ items: Transfer[]; nextCursor: string }>(
      await officer.get('/api/v1/stock-transfers?limit=1'),
    );
    const next = json<{ items: Transfer[] }>(
      await officer.get(`/api/v1/stock-transfers?limit=1&cursor=${one.nextCursor}`),
    );
    expect(next.items[0]?.id).not.toBe(one.items[0]?.id);
    const found = json<{ items: Transfer[] }>(await officer.get(`/api/v1/stock-transfers?q=${tr.reference}`));
    expect(found.items.map((x) => x.id)).toEqual([tr.id]);
  });
});

describe('a replayed dispatch', () => {
  it('answers the first result and moves the stock once', async () => {
    const lot = await stockUp(t, { stockPointId: s.warehouse, itemId: s.medicine, quantity: 50 });
    const body = {
      fromStockPointId: s.warehouse,
      toStockPointId: s.storeB,
      dispatchedOn: '2026-10-10',
      lines: [{ itemId: s.medicine, lotId: lot, quantity: 20 }],
    };
    const key = { 'idempotency-key': 'offline-dispatch-1' };
    const first = await officer.post('/api/v1/stock-transfers', body, key);
    expect(first.statusCode, first.body).toBe(201);
    const again = await officer.post('/api/v1/stock-transfers', body, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replay']).toBe('true');
    expect(json<Transfer>(again).id).toBe(json<Transfer>(first).id);
    expect(await onHand(t, s.warehouse, lot)).toBe(30);
  });
});
