import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { buildItem, buildProject } from '../../test/supplies-factories';
import { loss, receipt } from './movements.fixtures';
import {
  type Check,
  dry,
  expectAnswers,
  type MatrixWorld,
  matrixWorld,
  offered,
  readThen,
  rights,
} from './supplies.policy.fixtures';

// Every role (mission-wide) against every stock route — catalogue, projects, settings, stock
// points, the ledger, reports, transfers, counts — from DESIGN §5's stock row
// (supplies.policy.fixtures.ts, written out, not read from the policy code). Writes run with
// Sanad-Dry-Run, so every role tries them on the same records. Each role is also offered, on
// each record and in /me, exactly what it was allowed: an offered action is never refused, a
// refused one never offered. The catalogue and stock points serve the assistance row too (a
// distribution names its items and its point); only a mission-wide stock writer edits the catalogue.

let t: TestApp;
let m: MatrixWorld;
beforeAll(async () => {
  t = await testApp();
  m = await matrixWorld(t);
}, 120_000);
afterAll(() => t.close());

describe.each(ROLES)('%s and stock', (role: Role) => {
  let c: Client;
  const { readsStock, writesStock, readsAssistance, writesAssistance, readsCatalogue } = rights(role);
  beforeAll(async () => {
    c = await t.signIn({ role });
  });

  it('reaches the catalogue, projects, settings and stock points as DESIGN §5 says', async () => {
    const wh = `/api/v1/stock-points/${m.s.warehouse}`;
    const checks: Check[] = [
      { what: 'list items', allowed: readsCatalogue, sees: true, res: await c.get('/api/v1/items') },
      {
        what: 'export items',
        allowed: readsCatalogue,
        sees: true,
        res: await c.get('/api/v1/items/export?format=csv'),
      },
      {
        what: 'read an item',
        allowed: readsCatalogue,
        sees: true,
        res: await c.get(`/api/v1/items/${m.s.clothing}`),
      },
      {
        what: 'create an item',
        allowed: writesStock,
        sees: true,
        res: await dry(c, 'POST', '/api/v1/items', buildItem()),
      },
      {
        what: 'edit an item',
        allowed: writesStock,
        sees: true,
        res: await dry(c, 'PATCH', `/api/v1/items/${m.s.clothing}`, { version: m.item.version, packSize: 2 }),
      },
      { what: 'list projects', allowed: readsCatalogue, sees: true, res: await c.get('/api/v1/projects') },
      {
        what: 'read a project',
        allowed: readsCatalogue,
        sees: true,
        res: await c.get(`/api/v1/projects/${m.s.project}`),
      },
      {
        what: 'create a project',
        allowed: writesStock,
        sees: true,
        res: await dry(c, 'POST', '/api/v1/projects', buildProject()),
      },
      {
        what: 'edit a project',
        allowed: writesStock,
        sees: true,
        res: await dry(c, 'PATCH', `/api/v1/projects/${m.s.project}`, {
          version: m.project.version,
          name: 'Renamed',
        }),
      },
      {
        what: 'read settings',
        allowed: readsCatalogue,
        sees: true,
        res: await c.get('/api/v1/stock/settings'),
      },
      {
        what: 'edit settings',
        allowed: writesStock,
        sees: true,
        res: await dry(c, 'PATCH', '/api/v1/stock/settings', { version: 0, nearExpiryBlockDays: 30 }),
      },
      {
        what: 'read rules',
        allowed: readsCatalogue,
        sees: true,
        res: await c.get('/api/v1/distributions/rules'),
      },
      {
        what: 'set rules',
        allowed: writesStock,
        sees: true,
        res: await dry(c, 'PUT', '/api/v1/distributions/rules', {
          items: [{ category: 'clothing', intervalDays: 30, allowed: 1 }],
        }),
      },
      {
        what: 'list stock points',
        allowed: readsCatalogue,
        sees: true,
        res: await c.get('/api/v1/stock-points'),
      },
      { what: 'read a stock point', allowed: readsCatalogue, sees: false, res: await c.get(wh) },
      {
        what: 'create a stock point',
        allowed: writesStock,
        sees: true,
        res: await dry(c, 'POST', '/api/v1/stock-points', { name: 'Overflow', kind: 'warehouse' }),
      },
      {
        what: 'edit a stock point',
        allowed: writesStock,
        sees: readsCatalogue,
        res: await dry(c, 'PATCH', wh, { version: m.point.version, name: 'Main warehouse' }),
      },
      { what: 'read levels', allowed: readsCatalogue, sees: false, res: await c.get(`${wh}/levels`) },
      {
        what: 'set levels',
        allowed: writesStock,
        sees: readsCatalogue,
        res: await dry(c, 'PUT', `${wh}/levels`, { itemId: m.s.clothing, minimum: 10, maximum: 50 }),
      },
    ];
    expectAnswers(role, checks);
  });

  it('reaches the ledger and the stock reports as DESIGN §5 says', async () => {
    const card = `stockPointId=${m.s.storeB}&itemId=${m.s.clothing}`;
    const checks: Check[] = [
      { what: 'on hand', allowed: readsStock, sees: true, res: await c.get('/api/v1/stock') },
      {
        what: 'export on hand',
        allowed: readsStock,
        sees: true,
        res: await c.get('/api/v1/stock/export?format=csv'),
      },
      {
        what: 'FEFO proposal',
        allowed: readsStock,
        sees: true,
        res: await c.get(
          `/api/v1/stock/proposal?stockPointId=${m.s.warehouse}&itemId=${m.s.clothing}&quantity=3`,
        ),
      },
      { what: 'the ledger', allowed: readsStock, sees: true, res: await c.get('/api/v1/stock-movements') },
      {
        what: 'one entry',
        allowed: readsStock,
        sees: false,
        res: await c.get(`/api/v1/stock-movements/${m.entry.id}`),
      },
      {
        what: 'stock card',
        allowed: readsStock,
        sees: true,
        res: await c.get(`/api/v1/stock-movements/card?${card}`),
      },
      {
        what: 'export a stock card',
        allowed: readsStock,
        sees: true,
        res: await c.get(`/api/v1/stock-movements/card/export?format=xlsx&${card}`),
      },
      {
        what: 'receive',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(
          c,
          'POST',
          '/api/v1/stock-movements/receipts',
          receipt(m.s, { stockPointId: m.s.warehouse }),
        ),
      },
      {
        what: 'record a loss',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', '/api/v1/stock-movements/issues', loss(m.s.warehouse, m.s.clothing, 2)),
      },
      {
        what: 'reverse',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', `/api/v1/stock-movements/${m.entry.id}/reverse`, {
          reasonText: 'Entered at the wrong store',
        }),
      },
      { what: 'stock report', allowed: readsStock, sees: true, res: await c.get('/api/v1/stock/report') },
      {
        what: 'stock report as XLSX',
        allowed: readsStock,
        sees: true,
        res: await c.get('/api/v1/stock/report?format=xlsx'),
      },
      {
        what: 'below minimum',
        allowed: readsStock,
        sees: true,
        res: await c.get('/api/v1/stock/below-minimum'),
      },
      { what: 'consumption', allowed: readsStock, sees: true, res: await c.get('/api/v1/stock/consumption') },
      { what: 'alerts', allowed: readsStock, sees: true, res: await c.get('/api/v1/stock/alerts') },
    ];
    expectAnswers(role, checks);
  });

  it('reaches transfers and counts as DESIGN §5 says', async () => {
    const cnt = `/api/v1/stock-counts/${m.count.id}`;
    const checks: Check[] = [
      {
        what: 'list transfers',
        allowed: readsStock,
        sees: true,
        res: await c.get('/api/v1/stock-transfers'),
      },
      {
        what: 'in transit',
        allowed: readsStock,
        sees: true,
        res: await c.get('/api/v1/stock-transfers/in-transit'),
      },
      {
        what: 'read a transfer',
        allowed: readsStock,
        sees: false,
        res: await c.get(`/api/v1/stock-transfers/${m.tr.id}`),
      },
      {
        what: 'dispatch',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', '/api/v1/stock-transfers', {
          fromStockPointId: m.s.warehouse,
          toStockPointId: m.s.storeB,
          dispatchedOn: '2026-10-11',
          lines: [{ itemId: m.s.clothing, quantity: 1 }],
        }),
      },
      {
        what: 'receive',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', `/api/v1/stock-transfers/${m.tr.id}/receive`, {
          version: m.tr.version,
          receivedOn: '2026-10-12',
          lines: m.tr.lines.map((l) => ({ lineId: l.id, receivedQuantity: l.quantity })),
        }),
      },
      { what: 'list counts', allowed: readsStock, sees: true, res: await c.get('/api/v1/stock-counts') },
      { what: 'read a count', allowed: readsStock, sees: false, res: await c.get(cnt) },
      {
        what: 'open a count',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', '/api/v1/stock-counts', {
          stockPointId: m.s.storeB,
          countedOn: '2026-11-01',
        }),
      },
      {
        what: 'count',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'PATCH', `${cnt}/lines`, {
          version: m.count.version,
          lines: [{ itemId: m.s.clothing, lotId: m.lot, counted: 95 }],
        }),
      },
      {
        what: 'approve a count',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', `${cnt}/approve`, { version: m.count.version }),
      },
      {
        what: 'cancel a count',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', `${cnt}/cancel`, { version: m.count.version }),
      },
    ];
    expectAnswers(role, checks);
  });

  it('is offered exactly that, on each record and in /me', async () => {
    expect(await offered(c, `/api/v1/items/${m.s.clothing}`)).toEqual(
      readThen(readsCatalogue, [writesStock, 'update']),
    );
    expect(await offered(c, `/api/v1/projects/${m.s.project}`)).toEqual(
      readThen(readsCatalogue, [writesStock, 'update']),
    );
    expect(await offered(c, `/api/v1/stock-points/${m.s.warehouse}`)).toEqual(
      readThen(readsCatalogue, [writesStock, 'set_levels', 'update']),
    );
    expect(await offered(c, `/api/v1/stock-transfers/${m.tr.id}`)).toEqual(
      readThen(readsStock, [writesStock, 'receive']),
    );
    expect(await offered(c, `/api/v1/stock-counts/${m.count.id}`)).toEqual(
      readThen(readsStock, [writesStock, 'approve', 'cancel', 'update']),
    );
    expect(await offered(c, `/api/v1/stock-movements/${m.entry.id}`)).toEqual(
      readThen(readsStock, [writesStock, 'reverse']),
    );
    // the offers on distributions are in supplies.policy.assistance.int.test.ts; /me lists both
    const me = json<{ capabilities: string[] }>(await c.get('/api/v1/me'));
    const SUPPLIES =
      /^(catalogue|stock_points|stock|transfers|stock_counts|distributions|supplies|assistance):/;
    const expected = [
      ...(readsCatalogue ? ['catalogue:read', 'stock_points:read'] : []),
      ...(writesStock ? ['catalogue:create', 'stock_points:create', 'stock:receive', 'stock:issue'] : []),
      ...(readsStock ? ['stock:read', 'transfers:read', 'stock_counts:read', 'supplies:read'] : []),
      ...(writesStock ? ['transfers:create', 'transfers:receive', 'stock_counts:create'] : []),
      ...(readsAssistance ? ['distributions:read', 'assistance:read'] : []),
      ...(writesAssistance ? ['distributions:create'] : []),
    ];
    expect(me.capabilities.filter((x) => SUPPLIES.test(x)).sort()).toEqual(expected.sort());
  });
});
