import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item, StockPoint } from '../../../domain/supplies/catalogue';
import { buildCentre } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { buildItem, buildStockPoint } from '../../test/supplies-factories';
import { expectProblem, ok } from '../directory/directory.policy.support';
import { auditOf, expectFields, put } from './catalogue.fixtures';

// Stock points: a centre store or clinic pharmacy is reached through its centre; a warehouse
// serving no centre only through a mission-wide assignment. Min/max levels per item.

type Page = { items: StockPoint[]; nextCursor: string | null; total: number; totalCapped: boolean };
type Level = { stockPointId: string; itemId: string; minimum: number; maximum: number };

let t: TestApp;
let so: Client; // the mission's stock officer
let soA: Client; // stock officer of centre A
let cwA: Client; // caseworker of centre A (reads stock)
let monitor: Client;
let centreA: string;
let centreB: string;
let closed: string;
let warehouse: StockPoint;
let storeA: StockPoint;
let pharmacyA: StockPoint;
let storeB: StockPoint;
let soap: Item;

const centre = async (name: string) =>
  json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre({ name }))).id;
const create = async (c: Client, body: unknown) =>
  ok<StockPoint>(await c.post('/api/v1/stock-points', body), 201);

beforeAll(async () => {
  t = await testApp();
  centreA = await centre('Abu Salim');
  centreB = await centre('Tajoura');
  closed = await centre('Zawiya');
  ok(await t.admin.patch(`/api/v1/centres/${closed}`, { version: 1, active: false }));
  so = await t.signIn({ role: 'stock_officer' });
  soA = await t.signIn({ role: 'stock_officer', centreIds: [centreA] });
  cwA = await t.signIn({ role: 'caseworker', centreIds: [centreA] });
  monitor = await t.signIn({ role: 'monitor' });
  warehouse = await create(so, buildStockPoint({ name: 'Tripoli warehouse', kind: 'warehouse' }));
  storeA = await create(so, buildStockPoint({ name: 'Abu Salim store', centreId: centreA }));
  pharmacyA = await create(
    so,
    buildStockPoint({ name: 'Abu Salim clinic pharmacy', kind: 'clinic_pharmacy', centreId: centreA }),
  );
  storeB = await create(so, {
    ...buildStockPoint({ name: 'Tajoura store', centreId: centreB }),
    nameAr: 'مخزن تاجوراء',
  });
  soap = ok<Item>(await so.post('/api/v1/items', buildItem({ code: 'HYG-SOAP', category: 'hygiene' })), 201);
});
afterAll(() => t.close());

const list = async (c: Client, query = '') => ok<Page>(await c.get(`/api/v1/stock-points${query}`));
const names = (p: Page) => p.items.map((i) => i.name);

describe('creating stock points', () => {
  it('names the centre it serves, offers the writer its actions, and audits the creation', async () => {
    expect(storeA).toMatchObject({
      kind: 'centre_store',
      centreId: centreA,
      centreName: 'Abu Salim',
      active: true,
      version: 1,
      allowedActions: ['read', 'update', 'set_levels'],
    });
    expect(warehouse).toMatchObject({ kind: 'warehouse', centreId: null, centreName: null });
    expect(await auditOf(t, 'stock_point', storeA.id)).toMatchObject([
      { action: 'create', actorUsername: so.username },
    ]);
  });

  it('refuses a store or pharmacy without a centre, an unknown kind, an unknown field (400 naming it)', async () => {
    expectFields(await so.post('/api/v1/stock-points', { name: 'Loose store', kind: 'centre_store' }), 400, [
      'centreId',
    ]);
    expectFields(
      await so.post('/api/v1/stock-points', buildStockPoint({ kind: 'shop', centreId: centreA })),
      400,
      ['kind'],
    );
    expectFields(
      await so.post('/api/v1/stock-points', { ...buildStockPoint({ centreId: centreA }), shelf: 3 }),
      400,
      ['shelf'],
    );
    expectFields(await so.post('/api/v1/stock-points', buildStockPoint({ centreId: 'nope' })), 400, [
      'centreId',
    ]);
  });

  it('refuses an unknown or closed centre (422 on centreId), and a name already used (409 on name)', async () => {
    const unknown = '0190a000-0000-7000-8000-000000000000';
    expectFields(await so.post('/api/v1/stock-points', buildStockPoint({ centreId: unknown })), 422, [
      'centreId',
    ]);
    expectFields(await so.post('/api/v1/stock-points', buildStockPoint({ centreId: closed })), 422, [
      'centreId',
    ]);
    expectFields(
      await so.post('/api/v1/stock-points', buildStockPoint({ name: 'ABU SALIM STORE', centreId: centreA })),
      409,
      ['name'],
    );
    expect((await list(so, `?centreId=${closed}`)).total).toBe(0);
  });
});

describe('the list', () => {
  it('is counted, sorted by name by default, by kind or centre either way', async () => {
    const all = await list(so);
    expect(all.total).toBe(4);
    expect(names(all)).toEqual([
      'Abu Salim clinic pharmacy',
      'Abu Salim store',
      'Tajoura store',
      'Tripoli warehouse',
    ]);
    expect(names(await list(so, '?sort=kind'))).toEqual([
      'Abu Salim store',
      'Tajoura store',
      'Abu Salim clinic pharmacy',
      'Tripoli warehouse',
    ]);
    // a warehouse serving no centre sorts first (an empty centre name); ties by creation, reversed
    expect(names(await list(so, '?sort=centre&order=desc'))).toEqual([
      'Tajoura store',
      'Abu Salim clinic pharmacy',
      'Abu Salim store',
      'Tripoli warehouse',
    ]);
  });

  it('pages by cursor with the same total on each page', async () => {
    const first = await list(so, '?limit=3&sort=centre');
    const rest = await list(so, `?limit=3&sort=centre&cursor=${first.nextCursor}`);
    expect([first.total, rest.total]).toEqual([4, 4]);
    expect(rest.nextCursor).toBeNull();
    expect([...names(first), ...names(rest)]).toEqual(names(await list(so, '?sort=centre')));
  });

  it('filters by kind, centre, active and a name in any language', async () => {
    expect(names(await list(so, '?kind=warehouse'))).toEqual(['Tripoli warehouse']);
    expect(names(await list(so, `?centreId=${centreA}`))).toEqual([
      'Abu Salim clinic pharmacy',
      'Abu Salim store',
    ]);
    expect((await list(so, '?active=false')).total).toBe(0);
    expect(names(await list(so, `?q=${encodeURIComponent('تاجوراء')}`))).toEqual(['Tajoura store']);
    expect(names(await list(so, '?q=PHARM'))).toEqual(['Abu Salim clinic pharmacy']);
  });
});

describe('scope: a centre-scoped stock officer', () => {
  it("sees only their centre's points, neither the warehouse nor another centre's store", async () => {
    const mine = await list(soA);
    expect(names(mine)).toEqual(['Abu Salim clinic pharmacy', 'Abu Salim store']);
    expect(mine.total).toBe(2);
    expectProblem(await soA.get(`/api/v1/stock-points/${warehouse.id}`), 404);
    expectProblem(await soA.get(`/api/v1/stock-points/${storeB.id}`), 404);
    expect(ok<StockPoint>(await soA.get(`/api/v1/stock-points/${storeA.id}`)).allowedActions).toEqual([
      'read',
      'update',
      'set_levels',
    ]);
  });

  it('creates points only at their centre, never a warehouse serving no centre', async () => {
    const mine = await create(soA, buildStockPoint({ kind: 'clinic_pharmacy', centreId: centreA }));
    expect(mine.centreId).toBe(centreA);
    expectProblem(await soA.post('/api/v1/stock-points', buildStockPoint({ centreId: centreB })), 403);
    expectProblem(await soA.post('/api/v1/stock-points', buildStockPoint({ kind: 'warehouse' })), 403);
  });

  it("edits their centre's points, not another's (not even found), and cannot move one to another centre", async () => {
    const p = await create(soA, buildStockPoint({ centreId: centreA }));
    const renamed = ok<StockPoint>(
      await soA.patch(`/api/v1/stock-points/${p.id}`, { version: 1, name: `${p.name} (east)` }),
    );
    expect(renamed.version).toBe(2);
    expectProblem(
      await soA.patch(`/api/v1/stock-points/${storeB.id}`, { version: 1, name: 'Mine now' }),
      404,
    );
    expectProblem(
      await soA.patch(`/api/v1/stock-points/${warehouse.id}`, { version: 1, name: 'Mine now' }),
      404,
    );
    expectProblem(await soA.patch(`/api/v1/stock-points/${p.id}`, { version: 2, centreId: centreB }), 403);
    expectProblem(
      await soA.patch(`/api/v1/stock-points/${p.id}`, { version: 2, kind: 'warehouse', centreId: null }),
      403,
    );
  });
});

describe('other roles', () => {
  it('a caseworker of a centre reads its points but changes nothing', async () => {
    const seen = await list(cwA);
    expect(seen.items.every((p) => p.centreId === centreA)).toBe(true);
    expect(seen.items[0]?.allowedActions).toEqual(['read']);
    expectProblem(await cwA.post('/api/v1/stock-points', buildStockPoint({ centreId: centreA })), 403);
    expectProblem(await cwA.patch(`/api/v1/stock-points/${storeA.id}`, { version: 1, name: 'X' }), 403);
    expectProblem(
      await put(cwA, `/api/v1/stock-points/${storeA.id}/levels`, { itemId: soap.id, minimum: 1, maximum: 2 }),
      403,
    );
    expect(
      ok<{ items: Level[] }>(await cwA.get(`/api/v1/stock-points/${storeA.id}/levels`)).items,
    ).toBeInstanceOf(Array);
  });

  it('a monitor (no stock, no assistance) is refused the list', async () => {
    expectProblem(await monitor.get('/api/v1/stock-points'), 403);
    expectProblem(await monitor.get(`/api/v1/stock-points/${storeA.id}`), 404);
  });
});

describe('updating stock points', () => {
  it('checks the point as changed: a warehouse turned centre store needs a centre; the centre must be open', async () => {
    const w = await create(so, buildStockPoint({ kind: 'warehouse' }));
    expectFields(await so.patch(`/api/v1/stock-points/${w.id}`, { version: 1, kind: 'centre_store' }), 422, [
      'centreId',
    ]);
    expectFields(
      await so.patch(`/api/v1/stock-points/${w.id}`, { version: 1, kind: 'centre_store', centreId: closed }),
      422,
      ['centreId'],
    );
    const moved = ok<StockPoint>(
      await so.patch(`/api/v1/stock-points/${w.id}`, { version: 1, kind: 'centre_store', centreId: centreB }),
    );
    expect(moved).toMatchObject({
      kind: 'centre_store',
      centreId: centreB,
      centreName: 'Tajoura',
      version: 2,
    });
    expect(
      expectProblem(await so.patch(`/api/v1/stock-points/${w.id}`, { version: 1, name: 'Late' }), 409),
    ).toMatchObject({
      code: 'stale_version',
    });
    const events = await auditOf(t, 'stock_point', w.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'update']);
    expect(events[1]?.changedFields.sort()).toEqual(['centreId', 'kind']);
  });

  it('deactivates a point, audited as such; the active filter then finds it', async () => {
    const p = await create(so, buildStockPoint({ centreId: centreB }));
    ok(await so.patch(`/api/v1/stock-points/${p.id}`, { version: 1, active: false }));
    expect(names(await list(so, '?active=false'))).toEqual([p.name]);
    expect((await auditOf(t, 'stock_point', p.id)).map((e) => e.action)).toEqual(['create', 'deactivate']);
  });
});

describe('minimum and maximum levels', () => {
  const levels = async (c: Client, id: string) =>
    ok<{ items: Level[] }>(await c.get(`/api/v1/stock-points/${id}/levels`)).items;

  it('sets and resets one item at a point, audited (create, then the fields changed)', async () => {
    const url = `/api/v1/stock-points/${storeB.id}/levels`;
    expect(ok<Level>(await put(so, url, { itemId: soap.id, minimum: 50, maximum: 200 }))).toEqual({
      stockPointId: storeB.id,
      itemId: soap.id,
      minimum: 50,
      maximum: 200,
    });
    ok(await put(so, url, { itemId: soap.id, minimum: 80, maximum: 200 }));
    expect(await levels(so, storeB.id)).toEqual([
      { stockPointId: storeB.id, itemId: soap.id, minimum: 80, maximum: 200 },
    ]);
    expect(await levels(so, storeA.id)).toEqual([]);
    const events = await auditOf(t, 'stock_level', storeB.id);
    expect(events.map((e) => [e.action, e.changedFields, e.detail])).toEqual([
      ['create', ['minimum', 'maximum'], { itemId: soap.id }],
      ['update', ['minimum'], { itemId: soap.id }],
    ]);
  });

  it('refuses a maximum below the minimum, negative levels (400), an unknown item (422)', async () => {
    const url = `/api/v1/stock-points/${storeA.id}/levels`;
    expectFields(await put(so, url, { itemId: soap.id, minimum: 10, maximum: 5 }), 400, ['maximum']);
    expectFields(await put(so, url, { itemId: soap.id, minimum: -1, maximum: 5 }), 400, ['minimum']);
    expectFields(
      await put(so, url, { itemId: '0190a000-0000-7000-8000-000000000000', minimum: 1, maximum: 5 }),
      422,
      ['itemId'],
    );
    expect(await levels(so, storeA.id)).toEqual([]);
  });

  it("a centre-scoped stock officer sets levels at their centre's points only", async () => {
    ok(
      await put(soA, `/api/v1/stock-points/${pharmacyA.id}/levels`, {
        itemId: soap.id,
        minimum: 5,
        maximum: 10,
      }),
    );
    expectProblem(
      await put(soA, `/api/v1/stock-points/${warehouse.id}/levels`, {
        itemId: soap.id,
        minimum: 5,
        maximum: 10,
      }),
      404,
    );
    expectProblem(await soA.get(`/api/v1/stock-points/${storeB.id}/levels`), 404);
  });
});
