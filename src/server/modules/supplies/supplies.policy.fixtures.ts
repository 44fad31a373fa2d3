import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../../domain/access/roles';
import { DRY_RUN_HEADER } from '../../platform/dry-run';
import { buildPerson } from '../../test/factories';
import { type Client, json, type TestApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies, stockUp } from '../../test/supplies-factories';
import { type Dist, open } from './distributions.fixtures';
import { receipt, type Written } from './movements.fixtures';
import type { Transfer } from './transfers.fixtures';

// DESIGN §5's stock and assistance rows, written out here rather than read from the policy code,
// so that a change to either shows up in the supplies policy matrices.

/** stock: r manager, caseworker, doctor; rw nurse, stock officer */
export const STOCK_READS: Role[] = ['manager', 'caseworker', 'doctor', 'nurse', 'stock_officer'];
export const STOCK_WRITES: Role[] = ['nurse', 'stock_officer'];
/** assistance: r manager, protection officer, doctor, return officer; rw caseworker, nurse, stock officer */
export const ASSISTANCE_READS: Role[] = [
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'stock_officer',
  'return_officer',
];
export const ASSISTANCE_WRITES: Role[] = ['caseworker', 'nurse', 'stock_officer'];
/** identity (who a recipient is): the roles among the assistance writers who may see people */
export const IDENTITY_READS: Role[] = [
  'admin',
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'counsellor',
  'return_officer',
];

/** A write tried whole and rolled back (Sanad-Dry-Run), so every role tries it on the same records. */
export const dry = (c: Client, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object = {}) =>
  c.request({ method, url, payload, headers: { [DRY_RUN_HEADER]: 'true' } });

/** One request and what DESIGN §5 says of it: allowed (2xx), or refused (403; 404 out of sight). */
export type Check = { what: string; allowed: boolean; sees: boolean; res: LightMyRequestResponse };

export function expectAnswers(who: string, checks: Check[]) {
  for (const { what, allowed, sees, res } of checks) {
    const s = res.statusCode;
    // a refusal is 403, or 404 for a record the user may not see at all
    const ok = allowed ? s >= 200 && s < 300 : s === 403 || (!sees && s === 404);
    expect(ok, `${who} ${what}: ${s} ${res.body.slice(0, 200)}`).toBe(true);
  }
}

/** What each role may do, from the tables above. */
export const rights = (role: Role) => {
  const readsStock = STOCK_READS.includes(role);
  const readsAssistance = ASSISTANCE_READS.includes(role);
  return {
    readsStock,
    writesStock: STOCK_WRITES.includes(role),
    readsAssistance,
    writesAssistance: ASSISTANCE_WRITES.includes(role),
    // the catalogue and stock points serve both rows (a distribution names its items and point)
    readsCatalogue: readsStock || readsAssistance,
    seesPeople: IDENTITY_READS.includes(role),
  };
};

export type Rec = { id: string; version: number; allowedActions: string[] };
const ok = <T = Rec>(res: LightMyRequestResponse) => {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return json<T>(res);
};

/** The actions offered on a record (sorted), or null when the user may not read it. */
export const offered = async (c: Client, url: string) => {
  const res = await c.get(url);
  return res.statusCode === 200 ? json<Rec>(res).allowedActions.sort() : null;
};
/** 'read' and the writes granted, sorted; null for one who may not read. */
export const readThen = (reads: boolean, ...writes: [boolean, ...string[]][]) =>
  reads ? ['read', ...writes.flatMap(([w, ...a]) => (w ? a : []))].sort() : null;

/**
 * One record of each kind for every role to try: stock in the warehouse, a receipt at store B
 * (reversible), a transfer in transit to store A, a count at the warehouse counted as on hand (so
 * approving needs no reason), a person held at A, a distribution at A with a line for them, and a
 * bulk distribution at A.
 */
export async function matrixWorld(t: TestApp) {
  const s: SuppliesWorld = await seedSupplies(t);
  const lot = await stockUp(t, { stockPointId: s.warehouse, itemId: s.clothing, quantity: 100 });
  const so = await t.signIn({ role: 'stock_officer' });
  const cw = await t.signIn({ role: 'caseworker' });
  const [entry] = ok<Written>(
    await so.post('/api/v1/stock-movements/receipts', receipt(s, { stockPointId: s.storeB })),
  ).items;
  const tr = ok<Transfer>(
    await so.post('/api/v1/stock-transfers', {
      fromStockPointId: s.warehouse,
      toStockPointId: s.storeA,
      dispatchedOn: '2026-10-10',
      lines: [{ itemId: s.clothing, lotId: lot, quantity: 5 }],
    }),
  );
  const opened = ok(
    await so.post('/api/v1/stock-counts', { stockPointId: s.warehouse, countedOn: '2026-11-01' }),
  );
  const person = ok(await t.admin.post('/api/v1/persons', buildPerson(s.centreA))).id;
  const individual = await open(cw, {
    centreId: s.centreA,
    stockPointId: s.warehouse,
    itemIds: [s.clothing],
  });
  const dist = ok<Dist>(
    await cw.post(`/api/v1/distributions/${individual.id}/recipients`, {
      personId: person,
      lines: [{ itemId: s.clothing, quantity: 1 }],
    }),
  );
  const sheet = ok<{ version: number; lines: { itemId: string; lotId: string; onHand: number }[] }>(
    await so.get(`/api/v1/stock-counts/${opened.id}`),
  );
  const count = ok(
    await so.patch(`/api/v1/stock-counts/${opened.id}/lines`, {
      version: sheet.version,
      lines: sheet.lines.map((l) => ({ itemId: l.itemId, lotId: l.lotId, counted: l.onHand })),
    }),
  );
  const bulk = await open(so, {
    centreId: s.centreA,
    stockPointId: s.warehouse,
    itemIds: [s.clothing],
    kind: 'bulk',
  });
  return {
    s,
    lot,
    entry: entry!,
    tr,
    count,
    person,
    dist,
    bulk,
    item: ok(await so.get(`/api/v1/items/${s.clothing}`)),
    point: ok(await so.get(`/api/v1/stock-points/${s.warehouse}`)),
    project: ok(await so.get(`/api/v1/projects/${s.project}`)),
  };
}
export type MatrixWorld = Awaited<ReturnType<typeof matrixWorld>>;
