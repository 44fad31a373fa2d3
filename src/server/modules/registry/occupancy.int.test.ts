import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../domain/access/roles';
import type { CentreOccupancy } from '../../../domain/registry/occupancy';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

let t: TestApp;
let big: string;
let small: string;
let empty: string;
let cwBig: Client;

const occupancy = async (c: Client) => {
  const res = await c.get('/api/v1/centres/occupancy');
  expect(res.statusCode, res.body).toBe(200);
  return new Map(json<{ items: CentreOccupancy[] }>(res).items.map((x) => [x.centreId, x]));
};

beforeAll(async () => {
  t = await testApp();
  const centre = async (capacity: number) =>
    json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre({ capacity }))).id;
  big = await centre(8);
  small = await centre(40);
  empty = await centre(0);
  const cwSmall = await t.signIn({ role: 'caseworker', centreIds: [small] });
  cwBig = await t.signIn({ role: 'caseworker', centreIds: [big] });
  for (let i = 0; i < 6; i++)
    expect((await cwBig.post('/api/v1/persons', buildPerson(big))).statusCode).toBe(201);
  for (let i = 0; i < 3; i++)
    expect((await cwSmall.post('/api/v1/persons', buildPerson(small))).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('centre occupancy', () => {
  it('gives a manager every centre’s people now against capacity, in one answer', async () => {
    const manager = await t.signIn({ role: 'manager' });
    const all = await occupancy(manager);
    expect(all.get(big)).toEqual({
      centreId: big,
      capacity: 8,
      total: 6,
      occupancy: 6 / 8,
      suppressed: false,
    });
    expect(all.get(small)).toMatchObject({ total: 3, occupancy: 3 / 40, suppressed: false });
    // no capacity: no occupancy rate, but the count
    expect(all.get(empty)).toMatchObject({ total: 0, occupancy: null, suppressed: false });
  });

  it('hides a small count from a reader who may not see the people there', async () => {
    const viewer = await t.signIn({ role: 'viewer' });
    const seen = await occupancy(viewer);
    expect(seen.get(big)).toMatchObject({ total: 6, suppressed: false });
    expect(seen.get(small)).toMatchObject({ total: null, occupancy: null, suppressed: true });
    // a caseworker of the big centre sees the small one's count only as hidden
    const other = await occupancy(cwBig);
    expect(other.get(small)?.total ?? null).toBeNull();
    expect(other.get(big)?.total).toBe(6);
  });

  it('answers every role (each sees the centres in its scope), and no one signed out', async () => {
    for (const role of ROLES) {
      const c = await t.signIn({ role, centreIds: role === 'admin' ? [] : [big] });
      const res = await c.get('/api/v1/centres/occupancy');
      expect(res.statusCode, `${role}: ${res.body}`).toBe(200);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/centres/occupancy' });
    expect(anonymous.statusCode).toBe(401);
  });
});
