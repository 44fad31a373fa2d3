import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { buildCentre, buildOrganisation, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Who may do what with identity data and centre facts (DESIGN §5), written out rather than
// derived from the policy code, so a change to either shows up. Every role, mission-wide.
const READS: Role[] = [
  'admin',
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'counsellor',
  'return_officer',
];
const WRITES: Role[] = ['admin', 'caseworker', 'protection_officer', 'nurse'];
const MERGES: Role[] = ['admin', 'manager'];
const COUNTS: Role[] = ['manager', 'monitor'];

let t: TestApp;
let a: string;
let b: string;
const ok = (res: Parameters<typeof json>[0]) => {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return json<{ id: string; version: number; allowedActions: string[] }>(res);
};
const register = async () => ok(await t.admin.post('/api/v1/persons', buildPerson(a)));
/** A second record of someone released before: merging it leaves stays that do not overlap. */
const releasedDuplicate = async () => {
  const d = ok(await t.admin.post('/api/v1/persons', buildPerson(a, { admittedOn: '2026-09-01' })));
  ok(await t.admin.post(`/api/v1/persons/${d.id}/episodes`, { type: 'release', date: '2026-09-10' }));
  return d;
};

beforeAll(async () => {
  t = await testApp();
  a = ok(await t.admin.post('/api/v1/centres', buildCentre({ name: 'Centre A' }))).id;
  b = ok(await t.admin.post('/api/v1/centres', buildCentre({ name: 'Centre B' }))).id;
});
afterAll(() => t.close());

type Check = [what: string, allowed: boolean, status: number];

describe.each(ROLES)('%s and the registry', (role) => {
  let c: Client;
  beforeAll(async () => {
    c = await t.signIn({ role });
  });

  it('may do exactly what DESIGN §5 allows, and is offered exactly that', async () => {
    const reads = READS.includes(role);
    const writes = WRITES.includes(role);
    const p = await register();
    const dup = await register();
    const checks: Check[] = [
      ['list people', reads, (await c.get('/api/v1/persons')).statusCode],
      ['read a person', reads, (await c.get(`/api/v1/persons/${p.id}`)).statusCode],
      ['read stays', reads, (await c.get(`/api/v1/persons/${p.id}/episodes`)).statusCode],
      ['read family', reads, (await c.get(`/api/v1/persons/${p.id}/family`)).statusCode],
      ['read timeline', reads, (await c.get(`/api/v1/persons/${p.id}/timeline`)).statusCode],
      ['read merges', reads, (await c.get(`/api/v1/persons/${p.id}/merges`)).statusCode],
      [
        'check duplicates',
        reads,
        (await c.post('/api/v1/persons/duplicates', { givenName: 'Amadou', familyName: 'Diallo' }))
          .statusCode,
      ],
      ['register', writes, (await c.post('/api/v1/persons', buildPerson(a))).statusCode],
      [
        'edit',
        writes,
        (await c.patch(`/api/v1/persons/${p.id}`, { version: p.version, phone: '+218 91 000 0001' }))
          .statusCode,
      ],
      [
        'transfer several at once',
        writes,
        (
          await c.post('/api/v1/transfers/bulk', {
            personIds: [(await register()).id, (await register()).id],
            fromCentreId: a,
            toCentreId: b,
            date: '2026-10-20',
          })
        ).statusCode,
      ],
      [
        'transfer',
        writes,
        (
          await c.post(`/api/v1/persons/${p.id}/episodes`, {
            type: 'transfer',
            centreId: b,
            date: '2026-10-20',
          })
        ).statusCode,
      ],
      [
        'merge',
        MERGES.includes(role),
        (
          await c.post(`/api/v1/persons/${dup.id}/merges`, {
            duplicateId: (await releasedDuplicate()).id,
            version: dup.version,
          })
        ).statusCode,
      ],
      ['read a centre’s population', true, (await c.get(`/api/v1/centres/${a}/population`)).statusCode],
      [
        'record a headcount',
        COUNTS.includes(role),
        (await c.post(`/api/v1/centres/${a}/headcounts`, { countedOn: '2026-11-01', total: 120 })).statusCode,
      ],
    ];
    for (const [what, allowed, status] of checks) {
      // a role that may not read people gets 403, or 404 for a person it may not see
      const refused = status === 403 || (!reads && status === 404);
      expect(allowed ? status < 300 : refused, `${role} ${what}: ${status}`).toBe(true);
    }
    if (reads) {
      const offered = ok(await c.get(`/api/v1/persons/${(await register()).id}`)).allowedActions;
      const expected = [
        'read',
        ...(writes ? ['update', 'transfer', 'release'] : []),
        ...(MERGES.includes(role) ? ['merge', 'unmerge'] : []),
      ];
      expect(offered.sort()).toEqual(expected.sort());
    }
  });
});

describe('a user of another centre and organisation', () => {
  it('sees no one held elsewhere and may record no one there', async () => {
    const org = ok(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const c = await t.signIn({ role: 'caseworker', centreIds: [b], organisationId: org });
    const p = await register();
    expect((await c.get(`/api/v1/persons/${p.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/persons/${p.id}/episodes`)).statusCode).toBe(404);
    expect(
      (await c.patch(`/api/v1/persons/${p.id}`, { version: p.version, phone: '+218 91 000 0002' }))
        .statusCode,
    ).toBe(404);
    expect((await c.post('/api/v1/persons', buildPerson(a))).statusCode).toBe(403);
    // may transfer people (at B), but not someone held at A: refused as not found, nobody moved
    const bulk = await c.post('/api/v1/transfers/bulk', {
      personIds: [p.id],
      fromCentreId: a,
      toCentreId: b,
      date: '2026-10-20',
    });
    expect(bulk.statusCode).toBe(422);
    expect(json<{ errors: unknown[] }>(bulk).errors).toEqual([
      { path: 'personIds.0', message: 'Person not found' },
    ]);
    expect(
      json<{ current: { centreId: string } }>(await t.admin.get(`/api/v1/persons/${p.id}`)).current.centreId,
    ).toBe(a);
    const list = json<{ items: { id: string }[] }>(await c.get('/api/v1/persons'));
    expect(list.items.map((i) => i.id)).not.toContain(p.id);
    expect(
      (await c.post(`/api/v1/centres/${a}/headcounts`, { countedOn: '2026-11-01', total: 1 })).statusCode,
    ).toBe(404);
  });
});
