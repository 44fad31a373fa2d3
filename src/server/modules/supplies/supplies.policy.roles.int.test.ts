import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import {
  buildItem,
  buildProject,
  type SuppliesWorld,
  seedSupplies,
  stockUp,
} from '../../test/supplies-factories';
import { type Dist, open } from './distributions.fixtures';
import {
  ASSISTANCE_READS,
  ASSISTANCE_WRITES,
  type Check,
  dry,
  expectAnswers,
  IDENTITY_READS,
  STOCK_READS,
  STOCK_WRITES,
} from './supplies.policy.fixtures';
import type { Transfer } from './transfers.fixtures';

// Every role (mission-wide) against every supplies route, from DESIGN §5's stock and assistance
// rows (supplies.policy.fixtures.ts). Writes run with Sanad-Dry-Run, so every role tries them on the
// same records. Each role is also offered, on a sample of each record and in /me, exactly what
// it was allowed: an offered action is never refused, a refused one never offered.
// The catalogue and stock points serve both rows: those who read stock or assistance read them
// (a distribution names its items and its stock point); only a mission-wide stock writer edits
// the catalogue.

type Rec = { id: string; version: number; allowedActions: string[] };
let t: TestApp;
let s: SuppliesWorld;
let lot: string;
let person: string;
let tr: Transfer;
let count: Rec;
let dist: Dist;
let bulk: Dist;
let item: Rec;
let project: Rec;
let point: Rec;

const ok = <T = Rec>(res: Awaited<ReturnType<Client['get']>>) => {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return json<T>(res);
};

beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  lot = await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 100 });
  const so = await t.signIn({ role: 'stock_officer' });
  const cw = await t.signIn({ role: 'caseworker' });
  item = ok(await so.get(`/api/v1/items/${s.clothing}`));
  point = ok(await so.get(`/api/v1/stock-points/${s.warehouse}`));
  project = ok(await so.get(`/api/v1/projects/${s.project}`));
  tr = ok<Transfer>(
    await so.post('/api/v1/stock-transfers', {
      fromStockPointId: s.warehouse,
      toStockPointId: s.storeA,
      dispatchedOn: '2026-10-10',
      lines: [{ itemId: s.clothing, lotId: lot, quantity: 5 }],
    }),
  );
  count = ok(await so.post('/api/v1/stock-counts', { stockPointId: s.warehouse, countedOn: '2026-11-01' }));
  person = ok(await t.admin.post('/api/v1/persons', buildPerson(s.centreA))).id;
  dist = await open(cw, { centreId: s.centreA, stockPointId: s.warehouse, itemIds: [s.clothing] });
  dist = ok<Dist>(
    await cw.post(`/api/v1/distributions/${dist.id}/recipients`, {
      personId: person,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    }),
  );
  // counted as on hand, so an approval needs no reason
  const sheet = ok<{ version: number; lines: { itemId: string; lotId: string; onHand: number }[] }>(
    await so.get(`/api/v1/stock-counts/${count.id}`),
  );
  count = ok(
    await so.patch(`/api/v1/stock-counts/${count.id}/lines`, {
      version: sheet.version,
      lines: sheet.lines.map((l) => ({ itemId: l.itemId, lotId: l.lotId, counted: l.onHand })),
    }),
  );
  bulk = await open(so, {
    centreId: s.centreA,
    stockPointId: s.warehouse,
    itemIds: [s.clothing],
    kind: 'bulk',
  });
}, 120_000);
afterAll(() => t.close());

describe.each(ROLES)('%s and supplies', (role: Role) => {
  let c: Client;
  const readsStock = STOCK_READS.includes(role);
  const writesStock = STOCK_WRITES.includes(role);
  const readsAssistance = ASSISTANCE_READS.includes(role);
  const writesAssistance = ASSISTANCE_WRITES.includes(role);
  const readsCatalogue = readsStock || readsAssistance;
  beforeAll(async () => {
    c = await t.signIn({ role });
  });

  it('reaches the catalogue, projects, settings and stock points as DESIGN §5 says', async () => {
    const wh = `/api/v1/stock-points/${s.warehouse}`;
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
        res: await c.get(`/api/v1/items/${s.clothing}`),
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
        res: await dry(c, 'PATCH', `/api/v1/items/${s.clothing}`, { version: item.version, packSize: 2 }),
      },
      { what: 'list projects', allowed: readsCatalogue, sees: true, res: await c.get('/api/v1/projects') },
      {
        what: 'read a project',
        allowed: readsCatalogue,
        sees: true,
        res: await c.get(`/api/v1/projects/${s.project}`),
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
        res: await dry(c, 'PATCH', `/api/v1/projects/${s.project}`, {
          version: project.version,
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
        res: await dry(c, 'PATCH', wh, { version: point.version, name: 'Main warehouse' }),
      },
      { what: 'read levels', allowed: readsCatalogue, sees: false, res: await c.get(`${wh}/levels`) },
      {
        what: 'set levels',
        allowed: writesStock,
        sees: readsCatalogue,
        res: await dry(c, 'PUT', `${wh}/levels`, { itemId: s.clothing, minimum: 10, maximum: 50 }),
      },
    ];
    expectAnswers(role, checks);
  });

  it('reaches stock reports, transfers and counts as DESIGN §5 says', async () => {
    const cnt = `/api/v1/stock-counts/${count.id}`;
    const checks: Check[] = [
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
        res: await c.get(`/api/v1/stock-transfers/${tr.id}`),
      },
      {
        what: 'dispatch',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', '/api/v1/stock-transfers', {
          fromStockPointId: s.warehouse,
          toStockPointId: s.storeB,
          dispatchedOn: '2026-10-11',
          lines: [{ itemId: s.clothing, quantity: 1 }],
        }),
      },
      {
        what: 'receive',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', `/api/v1/stock-transfers/${tr.id}/receive`, {
          version: tr.version,
          receivedOn: '2026-10-12',
          lines: tr.lines.map((l) => ({ lineId: l.id, receivedQuantity: l.quantity })),
        }),
      },
      { what: 'list counts', allowed: readsStock, sees: true, res: await c.get('/api/v1/stock-counts') },
      { what: 'read a count', allowed: readsStock, sees: false, res: await c.get(cnt) },
      {
        what: 'open a count',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', '/api/v1/stock-counts', {
          stockPointId: s.storeB,
          countedOn: '2026-11-01',
        }),
      },
      {
        what: 'count',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'PATCH', `${cnt}/lines`, {
          version: count.version,
          lines: [{ itemId: s.clothing, lotId: lot, counted: 95 }],
        }),
      },
      {
        what: 'approve a count',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', `${cnt}/approve`, { version: count.version }),
      },
      {
        what: 'cancel a count',
        allowed: writesStock,
        sees: readsStock,
        res: await dry(c, 'POST', `${cnt}/cancel`, { version: count.version }),
      },
    ];
    expectAnswers(role, checks);
  });

  it('reaches distributions and what a person received as DESIGN §5 says', async () => {
    const d = `/api/v1/distributions/${dist.id}`;
    const line = dist.lines[0]!;
    // recording to a named person needs sight of the person (DESIGN §5 identity row): a stock
    // officer records bulk lines, and reads lines without names
    const seesPeople = IDENTITY_READS.includes(role);
    const checks: Check[] = [
      { what: 'list', allowed: readsAssistance, sees: true, res: await c.get('/api/v1/distributions') },
      {
        what: 'report',
        allowed: readsAssistance,
        sees: true,
        res: await c.get('/api/v1/distributions/report'),
      },
      {
        what: 'report as XLSX',
        allowed: readsAssistance,
        sees: true,
        res: await c.get('/api/v1/distributions/report?format=xlsx'),
      },
      { what: 'read', allowed: readsAssistance, sees: false, res: await c.get(d) },
      {
        what: 'check eligibility',
        allowed: writesAssistance && seesPeople,
        sees: seesPeople,
        res: await c.get(
          `/api/v1/distributions/eligibility?personId=${person}&on=2026-10-15&itemIds=${s.clothing}`,
        ),
      },
      {
        what: 'create',
        allowed: writesAssistance,
        sees: true,
        res: await dry(c, 'POST', '/api/v1/distributions', {
          centreId: s.centreB,
          stockPointId: s.warehouse,
          occurredOn: '2026-10-15',
          kind: 'bulk',
          itemIds: [s.clothing],
        }),
      },
      {
        what: 'record a recipient',
        allowed: writesAssistance && seesPeople,
        sees: readsAssistance && seesPeople,
        res: await dry(c, 'POST', `${d}/recipients`, {
          personId: person,
          lines: [{ itemId: s.clothing, quantity: 1 }],
        }),
      },
      {
        what: 'record a bulk line',
        allowed: writesAssistance,
        sees: readsAssistance,
        res: await dry(c, 'POST', `/api/v1/distributions/${bulk.id}/lines`, {
          itemId: s.clothing,
          quantity: 3,
        }),
      },
      {
        what: 'cancel a line',
        allowed: writesAssistance,
        sees: readsAssistance,
        res: await dry(c, 'POST', `${d}/lines/${line.id}/cancel`, { reason: 'Recorded twice' }),
      },
      {
        what: 'close',
        allowed: writesAssistance,
        sees: readsAssistance,
        res: await dry(c, 'POST', `${d}/close`, { version: dist.version }),
      },
      {
        what: 'what a person received',
        allowed: readsAssistance && seesPeople,
        sees: seesPeople,
        res: await c.get(`/api/v1/persons/${person}/assistance`),
      },
    ];
    expectAnswers(role, checks);
  });

  it('is offered exactly that, on each record and in /me', async () => {
    const offered = async (url: string) => {
      const res = await c.get(url);
      return res.statusCode === 200 ? json<Rec>(res).allowedActions.sort() : null;
    };
    const readThen = (reads: boolean, ...writes: [boolean, ...string[]][]) =>
      reads ? ['read', ...writes.flatMap(([w, ...a]) => (w ? a : []))].sort() : null;
    expect(await offered(`/api/v1/items/${s.clothing}`)).toEqual(
      readThen(readsCatalogue, [writesStock, 'update']),
    );
    expect(await offered(`/api/v1/projects/${s.project}`)).toEqual(
      readThen(readsCatalogue, [writesStock, 'update']),
    );
    expect(await offered(`/api/v1/stock-points/${s.warehouse}`)).toEqual(
      readThen(readsCatalogue, [writesStock, 'set_levels', 'update']),
    );
    expect(await offered(`/api/v1/stock-transfers/${tr.id}`)).toEqual(
      readThen(readsStock, [writesStock, 'receive']),
    );
    expect(await offered(`/api/v1/stock-counts/${count.id}`)).toEqual(
      readThen(readsStock, [writesStock, 'approve', 'cancel', 'update']),
    );
    expect(await offered(`/api/v1/distributions/${dist.id}`)).toEqual(
      readThen(readsAssistance, [writesAssistance, 'cancel_line', 'close', 'record']),
    );
    if (readsAssistance) {
      const seen = json<Dist>(await c.get(`/api/v1/distributions/${dist.id}`));
      expect(seen.lines[0]?.allowedActions).toEqual(writesAssistance ? ['cancel_line'] : []);
    }
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
