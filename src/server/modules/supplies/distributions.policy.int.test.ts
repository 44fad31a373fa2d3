import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { json, type TestApp, testApp } from '../../test/harness';
import { type SuppliesWorld, seedSupplies } from '../../test/supplies-factories';
import { type Dist, open } from './distributions.fixtures';

// Every role against the distribution endpoints, from DESIGN §5's assistance row, written out
// here rather than read from the code under test: r = manager, caseworker, protection officer,
// doctor, nurse, stock officer, return officer; w = caseworker, nurse, stock officer.

const READS: Role[] = [
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'stock_officer',
  'return_officer',
];
const WRITES: Role[] = ['caseworker', 'nurse', 'stock_officer'];

let t: TestApp;
let s: SuppliesWorld;
let d: Dist;
beforeAll(async () => {
  t = await testApp();
  s = await seedSupplies(t);
  d = await open(await t.signIn({ role: 'stock_officer' }), {
    centreId: s.centreA,
    stockPointId: s.warehouse,
    itemIds: [s.clothing],
    kind: 'bulk',
  });
});
afterAll(() => t.close());

describe('distributions, role by role (mission-wide)', () => {
  it.each(ROLES)('%s', async (role) => {
    const c = await t.signIn({ role });
    const reads = READS.includes(role);
    const writes = WRITES.includes(role);
    expect((await c.get('/api/v1/distributions')).statusCode).toBe(reads ? 200 : 403);
    expect((await c.get('/api/v1/distributions/report')).statusCode).toBe(reads ? 200 : 403);
    const one = await c.get(`/api/v1/distributions/${d.id}`);
    // a reader sees the event and what it may do; anyone else is told nothing of it
    expect(one.statusCode).toBe(reads ? 200 : 404);
    if (reads)
      expect(json<Dist>(one).allowedActions.sort()).toEqual(
        writes ? ['cancel_line', 'close', 'read', 'record'] : ['read'],
      );
    const created = await c.post('/api/v1/distributions', {
      centreId: s.centreB,
      stockPointId: s.warehouse,
      occurredOn: '2026-10-15',
      kind: 'bulk',
      itemIds: [s.clothing],
    });
    expect(created.statusCode, created.body).toBe(writes ? 201 : 403);
    const line = await c.post(`/api/v1/distributions/${d.id}/lines`, { itemId: s.clothing, quantity: 1 });
    // a writer gets past the policy and is stopped by the empty warehouse
    expect(line.statusCode).toBe(writes ? 422 : reads ? 403 : 404);
  });

  it('keeps a centre-scoped writer to its own centre, and out of the mission’s warehouse', async () => {
    const nurseA = await t.signIn({ role: 'nurse', centreIds: [s.centreA] });
    const fromWarehouse = json<Dist>(await nurseA.get(`/api/v1/distributions/${d.id}`));
    expect(fromWarehouse.allowedActions).toEqual(['read']);
    const nurseB = await t.signIn({ role: 'nurse', centreIds: [s.centreB] });
    expect((await nurseB.get(`/api/v1/distributions/${d.id}`)).statusCode).toBe(404);
    const atA = await nurseB.post('/api/v1/distributions', {
      centreId: s.centreA,
      stockPointId: s.storeA,
      occurredOn: '2026-10-15',
      kind: 'bulk',
      itemIds: [s.clothing],
    });
    expect(atA.statusCode).toBe(403);
    const atB = await nurseB.post('/api/v1/distributions', {
      centreId: s.centreB,
      stockPointId: s.storeB,
      occurredOn: '2026-10-15',
      kind: 'bulk',
      itemIds: [s.clothing],
    });
    expect(atB.statusCode, atB.body).toBe(201);
  });
});
