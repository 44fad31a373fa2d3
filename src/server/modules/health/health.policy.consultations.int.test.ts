import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../domain/access/roles';
import { json, type TestApp, testApp } from '../../test/harness';
import {
  type Check,
  consultationBody,
  DISPENSES,
  expectMatrix,
  expectOffers,
  MEDICAL,
  type PolicyWorld,
  policyWorld,
  type RecordKind,
  SCOPED,
  signInAs,
  type User,
} from './health.policy.fixtures';

// Every role (and a doctor and a nurse of centre B, a nurse of another organisation at A) against
// the consultation routes. Doctors and nurses record and correct; dispensing also writes stock,
// which only the nurse's assignment does (DESIGN §5, medical and stock rows).

const url = (id: string) => `/api/v1/consultations/${id}`;

const CHECKS: Check[] = [
  {
    name: 'list consultations',
    roles: MEDICAL,
    at: 'kind',
    req: () => ({ method: 'GET', url: '/api/v1/consultations' }),
  },
  {
    name: 'read a consultation',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({ method: 'GET', url: url(w.prescribed.id) }),
  },
  {
    name: 'record a consultation (prescription only)',
    unseen: 'sessionId',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'POST',
      url: '/api/v1/consultations',
      payload: consultationBody(w, w.fresh, false),
    }),
  },
  {
    name: 'record a consultation and dispense',
    unseen: 'sessionId',
    roles: DISPENSES,
    at: 'A',
    req: (w) => ({
      method: 'POST',
      url: '/api/v1/consultations',
      payload: consultationBody(w, w.fresh, true),
    }),
  },
  {
    name: 'correct a consultation',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'PATCH',
      url: url(w.prescribed.id),
      payload: { version: w.prescribed.version, treatmentNotes: 'Review in three days' },
    }),
  },
  {
    name: 'dispense a prescription',
    roles: DISPENSES,
    at: 'A',
    req: (w) => ({
      method: 'POST',
      url: `${url(w.prescribed.id)}/dispense`,
      payload: { version: w.prescribed.version },
    }),
  },
];

const consultation = (name: string, pick: (w: PolicyWorld) => PolicyWorld['prescribed']): RecordKind => ({
  name,
  read: (w) => url(pick(w).id),
  attempts: {
    read: (w) => ({ method: 'GET', url: url(pick(w).id) }),
    update: (w) => ({
      method: 'PATCH',
      url: url(pick(w).id),
      payload: { version: pick(w).version, outcome: 'follow_up', followUpOn: '2026-11-09' },
    }),
    dispense: (w) => ({
      method: 'POST',
      url: `${url(pick(w).id)}/dispense`,
      payload: { version: pick(w).version },
    }),
  },
});
const KINDS = [
  consultation('consultation to dispense', (w) => w.prescribed),
  consultation('consultation dispensed', (w) => w.dispensed),
];

let t: TestApp;
let w: PolicyWorld;
beforeAll(async () => {
  t = await testApp();
  w = await policyWorld(t);
}, 60_000);
afterAll(() => t.close());

const USERS: User[] = [...ROLES.map((role) => ({ name: role, role })), ...SCOPED];

describe('consultations, user by user', () => {
  it.each(USERS.map((u) => [u.name, u] as const))('%s', async (_, u) => {
    const c = await signInAs(t, w, u);
    await expectMatrix(c, u, w, CHECKS);
    expect(await expectOffers(c, u, w, KINDS)).toBe(MEDICAL.includes(u.role) && u.centre !== 'B' ? 6 : 0);
    if (MEDICAL.includes(u.role) && u.centre !== 'B') {
      // what is offered, in full: the doctor prescribes, the nurse also dispenses
      const offered = json<{ allowedActions: string[] }>(await c.get(url(w.prescribed.id))).allowedActions;
      expect(offered.sort()).toEqual(
        u.role === 'nurse' ? ['dispense', 'read', 'update'] : ['read', 'update'],
      );
    }
  });
});

describe('a clinician of centre B', () => {
  it('lists none of A’s consultations', async () => {
    const c = await signInAs(t, w, SCOPED[1]!);
    // B's own (the measles case the world records there) and nothing else, counted as listed
    const page = json<{ items: { centreId: string }[]; total: number }>(await c.get('/api/v1/consultations'));
    expect(page.items.map((i) => i.centreId)).toEqual([w.centreB]);
    expect(page.total).toBe(1);
    const byPerson = await c.get(`/api/v1/consultations?personId=${w.seen.personId}`);
    expect(json<{ items: unknown[] }>(byPerson).items).toEqual([]);
  });
});
