import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { type Dist, open } from './distributions.fixtures';
import { receipt, type Written } from './movements.fixtures';
import { dry } from './supplies.policy.fixtures';

// Where each user reaches supplies (DESIGN §5): a stock point through its centre, a warehouse
// serving no centre only mission-wide; a write by one assignment that grants it and holds the
// place; another mission sees nothing; a partner NGO keeps the lines it recorded (its footprint).

type Page = { items: { id: string }[] };
let t: TestApp;
let s: SuppliesWorld;
let lotA: string;
let lotW: string;
let countA: string;
let transferW: string;
let distA: Dist;
let entryA: string; // a receipt at store A

const ids = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return json<Page>(res).items.map((i) => i.id);
};
const reportPoints = async (c: Client) =>
  json<{ rows: { stockPointId: string }[] }>(await c.get('/api/v1/stock/report')).rows.map(
    (r) => r.stockPointId,
  );
const stockPoints = async (c: Client) =>
  json<{ items: { stockPointId: string }[] }>(await c.get('/api/v1/stock?limit=200')).items.map(
    (r) => r.stockPointId,
  );
const ledgerIds = async (c: Client) =>
  json<{ items: { id: string }[] }>(await c.get('/api/v1/stock-movements?limit=200')).items.map((r) => r.id);
const receiveAt = (c: Client, stockPointId: string) =>
  dry(c, 'POST', '/api/v1/stock-movements/receipts', receipt(s, { stockPointId }));
const reverse = (c: Client, id: string) =>
  dry(c, 'POST', `/api/v1/stock-movements/${id}/reverse`, { reasonText: 'Entered twice' });
const openCount = (c: Client, stockPointId: string) =>
  dry(c, 'POST', '/api/v1/stock-counts', { stockPointId, countedOn: '2026-11-01' });
const setLevels = (c: Client, point: string) =>
  dry(c, 'PUT', `/api/v1/stock-points/${point}/levels`, { itemId: s.clothing, minimum: 5, maximum: 50 });

beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  lotA = await stockUp(t, { stockPointId: s.storeA, itemId: s.clothing, quantity: 50 });
  lotW = await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 50 });
  await stockUp(t, { stockPointId: s.storeB, itemId: s.clothing, quantity: 50 });
  const so = await t.signIn({ role: 'stock_officer' });
  const created = async (url: string, body: object) => {
    const res = await so.post(url, body);
    expect(res.statusCode, res.body).toBe(201);
    return json<{ id: string }>(res).id;
  };
  const [entry] = json<Written>(await so.post('/api/v1/stock-movements/receipts', receipt(s))).items;
  entryA = entry!.id;
  countA = await created('/api/v1/stock-counts', { stockPointId: s.storeA, countedOn: '2026-11-01' });
  transferW = await created('/api/v1/stock-transfers', {
    fromStockPointId: s.warehouse,
    toStockPointId: s.storeA,
    dispatchedOn: '2026-10-10',
    lines: [{ itemId: s.clothing, lotId: lotW, quantity: 2 }],
  });
  distA = await open(so, {
    centreId: s.centreA,
    stockPointId: s.storeA,
    itemIds: [s.clothing],
    kind: 'bulk',
  });
}, 120_000);
afterAll(() => t.close());

describe.each(['nurse', 'stock_officer'] as const)('a %s scoped to centre B', (role) => {
  let c: Client;
  beforeAll(async () => {
    c = await t.signIn({ role, centreIds: [s.centreB] });
  });

  it("sees B's store only: not A's, not the warehouse", async () => {
    const points = await ids(c, '/api/v1/stock-points?limit=200');
    expect(points).toContain(s.storeB);
    expect(points).not.toContain(s.storeA);
    expect(points).not.toContain(s.warehouse);
    expect((await c.get(`/api/v1/stock-points/${s.storeA}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/stock-points/${s.warehouse}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/stock-points/${s.storeA}/levels`)).statusCode).toBe(404);
    const b = json<{ allowedActions: string[] }>(await c.get(`/api/v1/stock-points/${s.storeB}`));
    expect(b.allowedActions.sort()).toEqual(['read', 'set_levels', 'update']);
    expect(await reportPoints(c)).toEqual([s.storeB]);
    expect([...new Set(await stockPoints(c))]).toEqual([s.storeB]);
    expect(await ledgerIds(c)).not.toContain(entryA);
    expect((await c.get(`/api/v1/stock-movements/${entryA}`)).statusCode).toBe(404);
    expect(
      (await c.get(`/api/v1/stock-movements/card?stockPointId=${s.storeA}&itemId=${s.clothing}`)).statusCode,
    ).toBe(404);
    expect(await ids(c, '/api/v1/stock-counts?limit=200')).not.toContain(countA);
    expect((await c.get(`/api/v1/stock-counts/${countA}`)).statusCode).toBe(404);
    expect(await ids(c, '/api/v1/stock-transfers?limit=200')).not.toContain(transferW);
    expect((await c.get(`/api/v1/stock-transfers/${transferW}`)).statusCode).toBe(404);
    expect(await ids(c, '/api/v1/distributions?limit=200')).not.toContain(distA.id);
    expect((await c.get(`/api/v1/distributions/${distA.id}`)).statusCode).toBe(404);
  });

  it("writes at B's store only", async () => {
    // A's store and the warehouse are out of sight: not found
    expect((await openCount(c, s.storeA)).statusCode).toBe(404);
    expect((await openCount(c, s.warehouse)).statusCode).toBe(404);
    expect((await setLevels(c, s.storeA)).statusCode).toBe(404);
    expect((await setLevels(c, s.warehouse)).statusCode).toBe(404);
    expect((await receiveAt(c, s.storeA)).statusCode).toBeOneOf([404, 422]);
    expect((await receiveAt(c, s.warehouse)).statusCode).toBeOneOf([404, 422]);
    expect((await reverse(c, entryA)).statusCode).toBe(404);
    const fromA = await dry(c, 'POST', '/api/v1/stock-transfers', {
      fromStockPointId: s.storeA,
      toStockPointId: s.storeB,
      dispatchedOn: '2026-10-11',
      lines: [{ itemId: s.clothing, lotId: lotA, quantity: 1 }],
    });
    expect(fromA.statusCode).toBe(404);
    const line = await dry(c, 'POST', `/api/v1/distributions/${distA.id}/lines`, {
      itemId: s.clothing,
      quantity: 1,
    });
    expect(line.statusCode).toBe(404);
    // points of A, and warehouses, are created by those who write there
    const point = (body: object) => dry(c, 'POST', '/api/v1/stock-points', { name: 'Annex', ...body });
    expect((await point({ kind: 'centre_store', centreId: s.centreA })).statusCode).toBe(403);
    expect((await point({ kind: 'warehouse' })).statusCode).toBe(403);
    expect((await point({ kind: 'centre_store', centreId: s.centreB })).statusCode).toBe(201);
    // the catalogue serves the whole mission: a centre's writer does not edit it
    expect(
      (await dry(c, 'PATCH', '/api/v1/stock/settings', { version: 0, nearExpiryBlockDays: 10 })).statusCode,
    ).toBe(403);
    // at B: allowed
    expect((await openCount(c, s.storeB)).statusCode).toBe(201);
    expect((await setLevels(c, s.storeB)).statusCode).toBe(200);
    expect((await receiveAt(c, s.storeB)).statusCode).toBe(201);
    const atB = await dry(c, 'POST', '/api/v1/distributions', {
      centreId: s.centreB,
      stockPointId: s.storeB,
      occurredOn: '2026-10-15',
      kind: 'bulk',
      itemIds: [s.clothing],
    });
    expect(atB.statusCode, atB.body).toBe(201);
  });
});

describe('a manager for the mission who is stock officer for centre B', () => {
  it('reads stock everywhere and writes it at B only', async () => {
    const c = await t.signIn({
      roles: [
        { role: 'manager', centreIds: [] },
        { role: 'stock_officer', centreIds: [s.centreB] },
      ],
    });
    const points = await ids(c, '/api/v1/stock-points?limit=200');
    expect(points).toEqual(expect.arrayContaining([s.storeA, s.storeB, s.warehouse]));
    const offered = async (url: string) =>
      json<{ allowedActions: string[] }>(await c.get(url)).allowedActions.sort();
    expect(await offered(`/api/v1/stock-points/${s.storeA}`)).toEqual(['read']);
    expect(await offered(`/api/v1/stock-points/${s.warehouse}`)).toEqual(['read']);
    expect(await offered(`/api/v1/stock-points/${s.storeB}`)).toEqual(['read', 'set_levels', 'update']);
    expect(await offered(`/api/v1/stock-counts/${countA}`)).toEqual(['read']);
    expect(await offered(`/api/v1/distributions/${distA.id}`)).toEqual(['read']);
    expect(await reportPoints(c)).toEqual(expect.arrayContaining([s.storeA, s.storeB, s.warehouse]));
    expect(await offered(`/api/v1/stock-movements/${entryA}`)).toEqual(['read']);
    // writes at A or the warehouse are refused although the manager sees them
    expect((await openCount(c, s.storeA)).statusCode).toBe(403);
    expect((await openCount(c, s.warehouse)).statusCode).toBe(403);
    expect((await setLevels(c, s.storeA)).statusCode).toBe(403);
    expect((await setLevels(c, s.warehouse)).statusCode).toBe(403);
    expect((await receiveAt(c, s.storeA)).statusCode).toBe(403);
    expect((await receiveAt(c, s.warehouse)).statusCode).toBe(403);
    expect((await reverse(c, entryA)).statusCode).toBe(403);
    expect((await dry(c, 'POST', `/api/v1/stock-counts/${countA}/cancel`, { version: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (await dry(c, 'POST', `/api/v1/distributions/${distA.id}/lines`, { itemId: s.clothing, quantity: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await dry(c, 'POST', '/api/v1/stock-points', { name: 'Annex', kind: 'warehouse' })).statusCode,
    ).toBe(403);
    expect(
      (await dry(c, 'PATCH', '/api/v1/stock/settings', { version: 0, nearExpiryBlockDays: 10 })).statusCode,
    ).toBe(403);
    // and at B they go through
    expect((await openCount(c, s.storeB)).statusCode).toBe(201);
    expect((await receiveAt(c, s.storeB)).statusCode).toBe(201);
    expect((await setLevels(c, s.storeB)).statusCode).toBe(200);
  });
});

describe('a user of another mission', () => {
  it('sees nothing of this mission and changes nothing in it', async () => {
    const other = await t.createMission('OTH');
    const c = await t.signIn({ role: 'stock_officer', ...other });
    for (const list of [
      'items',
      'projects',
      'stock-points',
      'stock-counts',
      'stock-transfers',
      'distributions',
    ])
      expect(await ids(c, `/api/v1/${list}?limit=200`), list).toEqual([]);
    expect(await reportPoints(c)).toEqual([]);
    expect(await stockPoints(c)).toEqual([]);
    expect(await ledgerIds(c)).toEqual([]);
    expect((await reverse(c, entryA)).statusCode).toBe(404);
    expect(json<{ items: unknown[] }>(await c.get('/api/v1/stock-transfers/in-transit')).items).toEqual([]);
    for (const url of [
      `/items/${s.clothing}`,
      `/projects/${s.project}`,
      `/stock-points/${s.storeA}`,
      `/stock-points/${s.warehouse}/levels`,
      `/stock-counts/${countA}`,
      `/stock-transfers/${transferW}`,
      `/distributions/${distA.id}`,
      `/stock-movements/${entryA}`,
    ])
      expect((await c.get(`/api/v1${url}`)).statusCode, url).toBe(404);
    expect(
      (await dry(c, 'PATCH', `/api/v1/items/${s.clothing}`, { version: 1, packSize: 3 })).statusCode,
    ).toBe(404);
    expect((await setLevels(c, s.warehouse)).statusCode).toBe(404);
    expect((await dry(c, 'POST', `/api/v1/stock-counts/${countA}/cancel`, { version: 1 })).statusCode).toBe(
      404,
    );
    expect(
      (await dry(c, 'POST', `/api/v1/distributions/${distA.id}/lines`, { itemId: s.clothing, quantity: 1 }))
        .statusCode,
    ).toBe(404);
    // a point of this mission named in a body is unknown there
    expect((await openCount(c, s.warehouse)).statusCode).toBeOneOf([404, 422]);
  });
});

describe('a caseworker of a partner organisation at centre A', () => {
  it('sees the distributions at A, and after a transfer keeps only the lines it recorded', async () => {
    const org = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const partner = await t.signIn({ role: 'caseworker', centreIds: [s.centreA], organisationId: org });
    const ours = await t.signIn({ role: 'caseworker' }); // the mission's own organisation
    const p = json<{ id: string }>(await t.admin.post('/api/v1/persons', buildPerson(s.centreA))).id;
    const give = async (c: Client, centreId: string, stockPointId: string, occurredOn: string) => {
      const d = await open(c, { centreId, stockPointId, itemIds: [s.clothing], occurredOn });
      const res = await c.post(`/api/v1/distributions/${d.id}/recipients`, {
        personId: p,
        lines: [{ itemId: s.clothing, quantity: 1 }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return d.id;
    };
    const byPartner = await give(partner, s.centreA, s.storeA, '2026-10-05');
    const byUs = await give(ours, s.centreA, s.storeA, '2026-10-06');
    const received = async () =>
      json<{ items: { distributionId: string }[] }>(
        await partner.get(`/api/v1/persons/${p}/assistance`),
      ).items.map((i) => i.distributionId);
    expect(await ids(partner, '/api/v1/distributions?limit=200')).toEqual(
      expect.arrayContaining([byPartner, byUs, distA.id]),
    );
    expect((await received()).sort()).toEqual([byPartner, byUs].sort());

    const moved = await t.admin.post(`/api/v1/persons/${p}/episodes`, {
      type: 'transfer',
      centreId: s.centreB,
      date: '2026-10-20',
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const atB = await give(ours, s.centreB, s.storeB, '2026-10-25');
    // the person is still followed through the partner's footprint at A, with its lines only
    expect((await partner.get(`/api/v1/persons/${p}`)).statusCode).toBe(200);
    expect(await received()).toEqual([byPartner]);
    // the events at A stay in its lists (they are at its centre); the one at B is out of sight
    const list = await ids(partner, '/api/v1/distributions?limit=200');
    expect(list).toEqual(expect.arrayContaining([byPartner, byUs]));
    expect(list).not.toContain(atB);
    expect((await partner.get(`/api/v1/distributions/${atB}`)).statusCode).toBe(404);
  });
});
