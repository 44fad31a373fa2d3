import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { type Client, json } from '../test/harness';
import { every, items, type Kind, page, type Rec, sampler, TODAY } from './allowed-actions.fixtures';

// Supplies records in the allowedActions walk, sampled from the supplies demo as a mission-wide
// stock officer: stock points, catalogue items and projects, ledger entries, transfers (one in
// transit), counts (two opened here, since the demo's are approved), distributions (each centre's
// last monthly one is open) and their lines. Two centres matter: `stockCentre`, where the transfer in
// transit goes, and `otherCentre`; each has an open count and an open distribution.

type Point = Rec & { kind: string; centreId: string | null };
type TransferLine = { id: string; quantity: number };
type CountLine = {
  itemId: string;
  lotId: string;
  counted: number | null;
  onHand: number;
  difference: number | null;
};
type DistLine = Rec & { cancelled: boolean };
type Dist = Rec & { itemIds: string[]; lines: DistLine[] };
const linesOf = <L>(r: Rec) => (r as unknown as { lines?: L[] }).lines ?? [];

export const suppliesCentres = { stockCentre: '', otherCentre: '' };
let points: Point[] = [];
let itemIds: string[] = [];
let openCounts: string[] = [];

const ok = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return json<T>(res);
};

/** Opens a count at the point and counts every lot: as on hand, one lot one short. */
async function openCount(so: Client, stockPointId: string): Promise<string> {
  const sheet = ok<Rec>(await so.post('/api/v1/stock-counts', { stockPointId, countedOn: TODAY }), 201);
  const lines = linesOf<CountLine>(sheet).map((l, i) => ({
    itemId: l.itemId,
    lotId: l.lotId,
    counted: i === 0 ? Math.max(0, l.onHand - 1) : l.onHand,
  }));
  ok(await so.patch(`/api/v1/stock-counts/${sheet.id}/lines`, { version: sheet.version, lines }));
  return sheet.id;
}

/** The two centres, their points, and an open count at each centre's store. */
async function setUp(so: Client) {
  points = await items<Point>(so, '/api/v1/stock-points?limit=50');
  const [transit] = await items<Rec & { toStockPointId: string }>(
    so,
    '/api/v1/stock-transfers?status=dispatched&limit=5',
  );
  const stockCentre = points.find((p) => p.id === transit?.toStockPointId)?.centreId;
  const otherCentre = points.find((p) => p.centreId && p.centreId !== stockCentre)?.centreId;
  if (!stockCentre || !otherCentre) throw new Error('the supplies demo has no transfer in transit');
  Object.assign(suppliesCentres, { stockCentre, otherCentre });
  openCounts = [];
  for (const centre of [stockCentre, otherCentre]) openCounts.push(await openCount(so, storeOf(centre).id));
}
const storeOf = (centreId: string) =>
  points.find((p) => p.kind === 'centre_store' && p.centreId === centreId)!;

/** The latest open distribution at a centre (the demo leaves each centre's last monthly one open). */
async function openAt(so: Client, centreId: string): Promise<Dist> {
  const list = await items(so, `/api/v1/distributions?centreId=${centreId}&kind=individual&limit=5`);
  const d = list.find((x) => x.status === 'open');
  if (!d) throw new Error('the supplies demo left no distribution open at the centre');
  return (await page(so, `/api/v1/distributions/${d.id}`)) as Dist;
}

const post = (url: string, payload: Record<string, unknown>) => ({ method: 'POST' as const, url, payload });
const patch = (url: string, payload: Record<string, unknown>) => ({ method: 'PATCH' as const, url, payload });
const get = (url: string) => ({ method: 'GET' as const, url });

export const SUPPLIES_KINDS: Kind[] = [
  {
    name: 'stock point',
    actions: ['read', 'update', 'set_levels'],
    async sample() {
      await setUp(await sampler('stock_officer'));
      const { stockCentre, otherCentre } = suppliesCentres;
      return [
        points.find((p) => p.kind === 'warehouse')!,
        storeOf(stockCentre),
        points.find((p) => p.kind === 'clinic_pharmacy' && p.centreId === otherCentre)!,
      ];
    },
    seen: (c, r) => page(c, `/api/v1/stock-points/${r.id}`),
    attempt(action, r) {
      const url = `/api/v1/stock-points/${r.id}`;
      if (action === 'read') return get(url);
      if (action === 'update') return patch(url, { version: r.version, nameFr: 'Magasin du centre' });
      if (action === 'set_levels')
        return {
          method: 'PUT',
          url: `${url}/levels`,
          payload: { itemId: itemIds[0], minimum: 20, maximum: 120 },
        };
      return null;
    },
  },
  {
    name: 'item',
    actions: ['read', 'update'],
    async sample() {
      const found = every(await items(await sampler('stock_officer'), '/api/v1/items?limit=100'), 2);
      itemIds = found.map((i) => i.id);
      return found;
    },
    seen: (c, r) => page(c, `/api/v1/items/${r.id}`),
    attempt(action, r) {
      const url = `/api/v1/items/${r.id}`;
      if (action === 'read') return get(url);
      if (action === 'update') return patch(url, { version: r.version, nameFr: 'Article du catalogue' });
      return null;
    },
  },
  {
    name: 'project',
    actions: ['read', 'update'],
    sample: async () =>
      (await items(await sampler('stock_officer'), '/api/v1/projects?limit=10')).slice(0, 2),
    seen: (c, r) => page(c, `/api/v1/projects/${r.id}`),
    attempt(action, r) {
      const url = `/api/v1/projects/${r.id}`;
      if (action === 'read') return get(url);
      if (action === 'update') return patch(url, { version: r.version, endsOn: '2027-12-31' });
      return null;
    },
  },
  {
    name: 'movement',
    actions: ['read', 'reverse'],
    async sample() {
      // a receipt at the warehouse, an adjustment at a centre's store (both reversible), and a
      // distribution's entry (corrected through its distribution, never reversed here)
      const so = await sampler('stock_officer');
      const newest = async (query: string) =>
        (await items(so, `/api/v1/stock-movements?limit=1&${query}`))[0];
      const store = storeOf(suppliesCentres.stockCentre).id;
      return [
        await newest('kind=receipt'),
        (await newest(`kind=count_adjustment&stockPointId=${store}`)) ??
          (await newest('kind=count_adjustment')),
        await newest(`kind=distribution&stockPointId=${storeOf(suppliesCentres.otherCentre).id}`),
      ].filter((m): m is Rec => !!m);
    },
    seen: (c, r) => page(c, `/api/v1/stock-movements/${r.id}`),
    attempt(action, r) {
      if (action === 'read') return get(`/api/v1/stock-movements/${r.id}`);
      if (action === 'reverse')
        return post(`/api/v1/stock-movements/${r.id}/reverse`, { reasonText: 'Entered twice by mistake' });
      return null;
    },
  },
  {
    name: 'transfer',
    actions: ['read', 'receive'],
    async sample() {
      const so = await sampler('stock_officer');
      const [transit] = await items(so, '/api/v1/stock-transfers?status=dispatched&limit=1');
      const other = storeOf(suppliesCentres.otherCentre).id;
      const [received] = await items(
        so,
        `/api/v1/stock-transfers?status=received&stockPointId=${other}&limit=1`,
      );
      return [transit!, received!];
    },
    seen: (c, r) => page(c, `/api/v1/stock-transfers/${r.id}`),
    attempt(action, r) {
      if (action === 'read') return get(`/api/v1/stock-transfers/${r.id}`);
      if (action !== 'receive') return null;
      // everything arrived
      const lines = linesOf<TransferLine>(r).map((l) => ({ lineId: l.id, receivedQuantity: l.quantity }));
      return post(`/api/v1/stock-transfers/${r.id}/receive`, {
        version: r.version,
        receivedOn: TODAY,
        lines,
      });
    },
  },
  {
    name: 'stock count',
    actions: ['read', 'update', 'approve', 'cancel'],
    async sample() {
      const so = await sampler('stock_officer');
      const [approved] = await items(so, '/api/v1/stock-counts?status=approved&limit=1');
      const ids = [...openCounts, approved!.id];
      return Promise.all(ids.map(async (id) => (await page(so, `/api/v1/stock-counts/${id}`))!));
    },
    seen: (c, r) => page(c, `/api/v1/stock-counts/${r.id}`),
    attempt(action, r) {
      const url = `/api/v1/stock-counts/${r.id}`;
      const lines = linesOf<CountLine>(r);
      switch (action) {
        case 'read':
          return get(url);
        case 'update':
          return patch(`${url}/lines`, {
            version: r.version,
            lines: lines.slice(0, 1).map((l) => ({ itemId: l.itemId, lotId: l.lotId, counted: l.onHand })),
          });
        case 'approve':
          // a reason for every lot counted otherwise than on hand
          return post(`${url}/approve`, {
            version: r.version,
            reasons: lines
              .filter((l) => l.counted !== null && l.difference)
              .map((l) => ({ itemId: l.itemId, lotId: l.lotId, reason: 'count_damaged' })),
          });
        case 'cancel':
          return post(`${url}/cancel`, { version: r.version });
        default:
          return null;
      }
    },
  },
  {
    name: 'distribution',
    actions: ['read', 'record', 'close'],
    async sample() {
      const so = await sampler('stock_officer');
      const open = [
        await openAt(so, suppliesCentres.stockCentre),
        await openAt(so, suppliesCentres.otherCentre),
      ];
      const [closed] = await items(
        so,
        '/api/v1/distributions?kind=individual&sort=occurredOn&order=asc&limit=1',
      );
      const all = [...open, (await page(so, `/api/v1/distributions/${closed!.id}`)) as Dist];
      // the person each is tried for: one held at its centre that day, as its recorder lists them
      for (const d of all) {
        const people = await so.get(`/api/v1/distributions/${d.id}/people?limit=1`);
        d.personId =
          people.statusCode === 200
            ? json<{ items: { id: string }[] }>(people).items[0]?.id
            : (d.lines.find((l) => l.personId)?.personId ?? undefined);
      }
      return all;
    },
    seen: (c, r) => page(c, `/api/v1/distributions/${r.id}`),
    attempt(action, r) {
      const url = `/api/v1/distributions/${r.id}`;
      if (action === 'read') return get(url);
      if (action === 'close') return post(`${url}/close`, { version: r.version });
      if (action !== 'record') return null;
      // one more clothing set for someone already served this month: a reason overrides the rule
      return post(`${url}/recipients`, {
        personId: r.personId,
        lines: [{ itemId: (r as Dist).itemIds[0], quantity: 1 }],
        overrideReason: 'Clothes ruined when the room flooded',
      });
    },
  },
  {
    name: 'distribution line',
    actions: ['cancel_line'],
    async sample() {
      const so = await sampler('stock_officer');
      const lines = async (centreId: string, n: number) => {
        const d = await openAt(so, centreId);
        return d.lines
          .filter((l) => !l.cancelled)
          .slice(0, n)
          .map((l) => ({ ...l, version: 0, parentId: d.id }));
      };
      return [
        ...(await lines(suppliesCentres.stockCentre, 2)),
        ...(await lines(suppliesCentres.otherCentre, 1)),
      ];
    },
    async seen(c, r) {
      const d = (await page(c, `/api/v1/distributions/${r.parentId}`)) as Dist | null;
      return d?.lines.find((l) => l.id === r.id) ?? null;
    },
    attempt(action, r) {
      if (action !== 'cancel_line') return null;
      return post(`/api/v1/distributions/${r.parentId}/lines/${r.id}/cancel`, {
        reason: 'Recorded against the wrong person',
      });
    },
  },
];
