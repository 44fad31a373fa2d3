import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import type { ReturnCase } from '../../../domain/returns/cases';
import { json, type TestApp, testApp } from '../../test/harness';
import {
  type Check,
  expectMatrix,
  expectOffers,
  type RecordKind,
  signInAs,
  type User,
} from '../health/health.policy.fixtures';
import {
  caseIn,
  flagProtectionNeed,
  type ReturnsWorld,
  returnee,
  returnsWorld,
  TODAY,
} from './returns.fixtures';

// Every role (and a return officer of centre B, one of another organisation at centre A, a
// protection officer and a doctor of centre B) against every return cases route, written out from
// DESIGN §5's returns row: return and protection officers read and write, managers and
// caseworkers read, doctors and nurses see a return in progress as a flag; only a protection
// officer clears the protection gate. Each record's allowedActions must agree with what its
// writes then do (offered ⇒ 2xx, not offered ⇒ 4xx). Writes are dry runs: one world for all.

const READERS: Role[] = ['manager', 'caseworker', 'protection_officer', 'return_officer'];
const WRITERS: Role[] = ['protection_officer', 'return_officer'];
const CLEARS: Role[] = ['protection_officer'];
const FLAG: Role[] = [...READERS, 'doctor', 'nurse'];

type Rec = Pick<ReturnCase, 'id' | 'version'>;
interface World extends ReturnsWorld {
  /** a case just opened (requested), a flagged person's case (consented, gate blocked), one departed */
  opened: Rec;
  blocked: Rec;
  departed: Rec;
  /** held at A, with no case */
  fresh: string;
}

const url = (id: string) => `/api/v1/returns/${id}`;
const post = (u: string, payload: Record<string, unknown>) => ({ method: 'POST' as const, url: u, payload });
const travelDocument = {
  type: 'passport',
  issuingOrganisationId: '',
  number: 'P0123456',
  issuedOn: '2025-01-10',
  expiresOn: '2030-01-09',
};
const exit = { reference: 'EXIT-77', issuedOn: TODAY, validUntil: '2026-12-31' };
const clearance = (r: Rec) => ({
  version: r.version,
  reason: 'Return remains appropriate: assessed with the person.',
});

const CHECKS: Check<World>[] = [
  { name: 'list cases', roles: READERS, at: 'kind', req: () => ({ method: 'GET', url: '/api/v1/returns' }) },
  { name: 'read a case', roles: READERS, at: 'A', req: (w) => ({ method: 'GET', url: url(w.opened.id) }) },
  {
    name: 'open a case',
    roles: WRITERS,
    at: 'A',
    req: (w) =>
      post('/api/v1/returns', {
        personId: w.fresh,
        programme: 'vhr',
        destinationCountry: 'SDN',
        requestedOn: TODAY,
      }),
  },
  {
    name: 'correct a case',
    roles: WRITERS,
    at: 'A',
    req: (w) => ({
      method: 'PATCH',
      url: url(w.opened.id),
      payload: { version: w.opened.version, projectId: null },
    }),
  },
  {
    name: 'move a case',
    roles: WRITERS,
    at: 'A',
    req: (w) => post(`${url(w.opened.id)}/transitions`, { version: w.opened.version, to: 'counselled' }),
  },
  {
    name: 'clear the protection gate',
    roles: CLEARS,
    at: 'A',
    req: (w) => post(`${url(w.blocked.id)}/protection-clearance`, clearance(w.blocked)),
  },
  {
    name: 'record a travel document',
    roles: WRITERS,
    at: 'A',
    req: (w) =>
      post(`${url(w.opened.id)}/travel-documents`, { ...travelDocument, issuingOrganisationId: w.embassy }),
  },
  {
    name: 'record an exit visa',
    roles: WRITERS,
    at: 'A',
    req: (w) => post(`${url(w.opened.id)}/exit-clearances`, exit),
  },
  {
    name: 'record an arrival',
    roles: WRITERS,
    at: 'A',
    req: (w) => post(`${url(w.departed.id)}/arrival`, { arrivedOn: TODAY }),
  },
  {
    name: 'a person’s returns (or the flag)',
    roles: FLAG,
    at: 'A',
    req: (w) => ({ method: 'GET', url: `/api/v1/persons/${w.fresh}/returns` }),
  },
];

const kind = (name: string, pick: (w: World) => Rec, to: string): RecordKind<World> => ({
  name,
  read: (w) => url(pick(w).id),
  attempts: {
    read: (w) => ({ method: 'GET', url: url(pick(w).id) }),
    update: (w) => ({
      method: 'PATCH',
      url: url(pick(w).id),
      payload: { version: pick(w).version, projectId: w.project },
    }),
    transition: (w) =>
      post(`${url(pick(w).id)}/transitions`, {
        version: pick(w).version,
        to,
        reason: 'The person asked to stop',
      }),
    clear_protection: (w) => post(`${url(pick(w).id)}/protection-clearance`, clearance(pick(w))),
    add_travel_document: (w) =>
      post(`${url(pick(w).id)}/travel-documents`, { ...travelDocument, issuingOrganisationId: w.embassy }),
    add_exit_clearance: (w) => post(`${url(pick(w).id)}/exit-clearances`, exit),
    record_arrival: (w) => post(`${url(pick(w).id)}/arrival`, { arrivedOn: TODAY }),
  },
});
const KINDS = [
  kind('case opened', (w) => w.opened, 'counselled'),
  kind('case blocked at the protection gate', (w) => w.blocked, 'withdrawn'),
  kind('case departed', (w) => w.departed, 'arrived'),
];

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await testApp();
  const r = await returnsWorld(t);
  const opened = json<Rec>(
    await r.returnOfficer.post('/api/v1/returns', {
      personId: await returnee(r),
      programme: 'vhr',
      destinationCountry: 'SDN',
      embassyOrganisationId: r.embassy,
      requestedOn: TODAY,
    }),
  );
  const flagged = await returnee(r);
  await flagProtectionNeed(r, flagged);
  const rec = async (id: string) => json<Rec>(await r.returnOfficer.get(url(id)));
  w = {
    ...r,
    opened,
    blocked: await rec(await caseIn(t, r, flagged, { state: 'consented' })),
    departed: await rec(await caseIn(t, r, await returnee(r), { state: 'departed' })),
    fresh: await returnee(r),
  };
}, 180_000);
afterAll(() => t.close());

const SCOPED: User[] = [
  { name: 'return officer of centre B', role: 'return_officer', centre: 'B' },
  {
    name: 'return officer of another organisation at centre A',
    role: 'return_officer',
    centre: 'A',
    otherOrg: true,
  },
  { name: 'protection officer of centre B', role: 'protection_officer', centre: 'B' },
  { name: 'doctor of centre B', role: 'doctor', centre: 'B' },
];
const USERS: User[] = [...ROLES.map((role) => ({ name: role, role })), ...SCOPED];

describe('return cases, user by user', () => {
  it.each(USERS.map((u) => [u.name, u] as const))('%s', async (_, u) => {
    const c = await signInAs(t, w, u);
    await expectMatrix(c, u, w, CHECKS);
    const reads = READERS.includes(u.role) && u.centre !== 'B';
    expect(await expectOffers(c, u, w, KINDS)).toBe(reads ? 21 : 0);
    if (reads) {
      // what is offered on the blocked case, in full: only a protection officer clears; no travel
      // document while the gate is shut; readers only read
      const offered = json<{ allowedActions: string[] }>(
        await c.get(url(w.blocked.id)),
      ).allowedActions.sort();
      const writes = ['add_exit_clearance', 'read', 'transition', 'update'];
      expect(offered).toEqual(
        u.role === 'protection_officer'
          ? ['add_exit_clearance', 'clear_protection', 'read', 'transition', 'update']
          : WRITERS.includes(u.role)
            ? writes
            : ['read'],
      );
    }
  });
});

describe('capabilities', () => {
  it('offers return cases to readers, creating to writers, clearing to protection officers', async () => {
    for (const role of ROLES) {
      const c = await t.signIn({ role });
      const caps = json<{ capabilities: string[] }>(await c.get('/api/v1/me')).capabilities;
      expect(caps.includes('return_cases:read'), role).toBe(READERS.includes(role));
      expect(caps.includes('return_cases:create'), role).toBe(WRITERS.includes(role));
      expect(caps.includes('return_cases:clear_protection'), role).toBe(CLEARS.includes(role));
    }
  });
});
