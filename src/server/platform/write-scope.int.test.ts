import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS, type Category, ROLES, type Role } from '../../domain/access/roles';
import type { RoleAssignment } from '../../domain/directory/schemas';
import { buildCentre, buildOrganisation, buildPerson } from '../test/factories';
import { type Client, json, type TestApp, testApp } from '../test/harness';

// DESIGN §5: a write is allowed only by an assignment that grants that write and whose scope
// holds the record. A person is held by a centre scope when they are in one of its centres now,
// or the user's organisation recorded something about them at one of its centres.

let t: TestApp;
let centre: Record<'A' | 'B' | 'C', string>;
let org: Record<'X' | 'Y', string>;
/** each person's reach per organisation, as set up below */
let people: { id: string; reach: Record<'X' | 'Y', string[]> }[];

const post = async (c: Client, url: string, body: unknown) => {
  const res = await c.post(url, body);
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return json<{ id: string }>(res);
};

beforeAll(async () => {
  t = await testApp();
  const centreOf = async (name: string) => (await post(t.admin, '/api/v1/centres', buildCentre({ name }))).id;
  centre = { A: await centreOf('Centre A'), B: await centreOf('Centre B'), C: await centreOf('Centre C') };
  const me = json<{ organisationId: string }>(await t.admin.get('/api/v1/me'));
  org = { X: me.organisationId, Y: (await post(t.admin, '/api/v1/organisations', buildOrganisation())).id };
  const x = await t.signIn({ role: 'caseworker', organisationId: org.X });
  const y = await t.signIn({ role: 'caseworker', organisationId: org.Y });
  const { A, B } = centre;
  const inA = (await post(x, '/api/v1/persons', buildPerson(A))).id;
  const inB = (await post(y, '/api/v1/persons', buildPerson(B))).id;
  // registered by Y in A, then moved to B by X: Y keeps a footprint in A, X has one in B only
  const moved = (await post(y, '/api/v1/persons', buildPerson(A))).id;
  await post(x, `/api/v1/persons/${moved}/episodes`, { type: 'transfer', centreId: B, date: '2026-10-20' });
  people = [
    { id: inA, reach: { X: [A], Y: [A] } },
    { id: inB, reach: { X: [B], Y: [B] } },
    { id: moved, reach: { X: [B], Y: [A, B] } },
  ];
});
afterAll(() => t.close());

const holds = (a: RoleAssignment, reach: string[]) =>
  a.centreIds.length === 0 || a.centreIds.some((c) => reach.includes(c));
/** The table of DESIGN §5, read literally. */
const expected = (roles: RoleAssignment[], category: Category, access: 'read' | 'write', reach: string[]) =>
  roles.some(
    (a) => ACCESS[category][a.role as Role].includes(access === 'read' ? 'r' : 'w') && holds(a, reach),
  );

type Write = { name: string; category: Category; send(c: Client, personId: string): Promise<number> };
const WRITES: Write[] = [
  {
    name: 'edit the person record',
    category: 'identity',
    async send(c, personId) {
      const { version } = json<{ version: number }>(await t.admin.get(`/api/v1/persons/${personId}`));
      return (await c.patch(`/api/v1/persons/${personId}`, { version, phone: '+218 91 000 0000' }))
        .statusCode;
    },
  },
  {
    name: 'write a note',
    category: 'protection',
    send: async (c, personId) =>
      (await c.post('/api/v1/notes', { personId, category: 'follow_up', body: 'Seen at the clinic.' }))
        .statusCode,
  },
  {
    name: 'record a consent',
    category: 'protection',
    send: async (c, personId) =>
      (
        await c.post('/api/v1/consents', {
          personId,
          purpose: 'referral',
          recipientOrganisationId: org.Y,
          decision: 'given',
          method: 'verbal',
          language: 'fr',
          givenOn: '2026-10-25',
        })
      ).statusCode,
  },
];

let users = 0;
const scopes = () =>
  fc.constantFrom<string[][]>([], [centre.A], [centre.B], [centre.C], [centre.A, centre.B]);
const assignment = () =>
  fc.record({ role: fc.constantFrom(...ROLES), centreIds: fc.constant(null).chain(() => scopes()) });

describe('writes of users with several roles', () => {
  it('are allowed exactly when one assignment grants the write and its scope holds the person', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(assignment(), { minLength: 1, maxLength: 3, selector: (a) => a.role }),
        fc.constantFrom<'X' | 'Y'>('X', 'Y'),
        async (roles, o) => {
          const c = await t.signIn({ username: `multi-${++users}`, organisationId: org[o], roles });
          for (const p of people) {
            for (const w of WRITES) {
              const status = await w.send(c, p.id);
              const may = expected(roles, w.category, 'write', p.reach[o]);
              const context = `${JSON.stringify(roles)} of ${o} may ${may ? '' : 'not '}${w.name} (${p.reach[o]})`;
              if (may) expect(status, context).toBeLessThan(300);
              else expect([403, 404], context).toContain(status);
              // refused: a 404 only where the person is out of the user's sight altogether
              if (status === 404)
                expect(expected(roles, 'identity', 'read', p.reach[o]), context).toBe(false);
            }
          }
        },
      ),
      { numRuns: 30, seed: 20261201 },
    );
  });

  it('the manager for the mission who is caseworker for A writes as a caseworker in A only', async () => {
    const roles = [
      { role: 'manager' as const, centreIds: [] },
      { role: 'caseworker' as const, centreIds: [centre.A] },
    ];
    const c = await t.signIn({ username: 'manager-and-caseworker', organisationId: org.Y, roles });
    const [inA, inB] = people;
    for (const w of WRITES) {
      expect(await w.send(c, inA!.id), w.name).toBeLessThan(300);
      expect(await w.send(c, inB!.id), w.name).toBe(403);
    }
  });
});

describe('the scope rule for centre-scoped users (DESIGN §5)', () => {
  it('reaches people held in their centres or recorded by their organisation there, not everyone their organisation recorded', async () => {
    const [inA, inB, moved] = people.map((p) => p.id);
    const sees = async (c: Client) => {
      const out: string[] = [];
      for (const id of [inA, inB, moved])
        if ((await c.get(`/api/v1/persons/${id}`)).statusCode === 200) out.push(id!);
      return out;
    };
    // the mission's own organisation recorded all three people, yet its caseworker for C sees none
    const missionAtC = await t.signIn({ role: 'caseworker', centreIds: [centre.C], organisationId: org.X });
    expect(await sees(missionAtC)).toEqual([]);
    const missionAtA = await t.signIn({ role: 'caseworker', centreIds: [centre.A], organisationId: org.X });
    expect(await sees(missionAtA)).toEqual([inA]);
    // the partner that registered the moved person in A keeps following them after the transfer
    const partnerAtA = await t.signIn({ role: 'caseworker', centreIds: [centre.A], organisationId: org.Y });
    expect(await sees(partnerAtA)).toEqual([inA, moved]);
    const list = json<{ items: { id: string }[] }>(await missionAtC.get('/api/v1/persons'));
    expect(list.items).toEqual([]);
  });
});
