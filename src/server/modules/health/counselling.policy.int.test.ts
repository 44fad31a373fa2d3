import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { buildOrganisation } from '../../test/factories';
import { json, type TestApp, testApp } from '../../test/harness';
import {
  type CounsellingWorld,
  counsellingWorld,
  type FollowUpOut,
  individual,
  K10_SELF_HARM,
  record,
  type SessionOut,
} from './counselling.fixtures';

// Every role against the counselling endpoints, from DESIGN §5 written out here rather than read
// from the code under test: mhpss rw = counsellor only; identity r (who see stubs) = admin,
// manager, caseworker, protection officer, doctor, nurse, counsellor, return officer.

const IDENTITY: Role[] = [
  'admin',
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'counsellor',
  'return_officer',
];

let t: TestApp;
let s: CounsellingWorld;
let made: SessionOut;
let followUp: FollowUpOut;
beforeAll(async () => {
  t = await testApp();
  s = await counsellingWorld(t);
  made = await record(
    s.counsellorA,
    individual(s.a1, s.centreA, { measure: K10_SELF_HARM, notes: 'private' }),
  );
  followUp = json<{ items: FollowUpOut[] }>(await s.counsellorA.get('/api/v1/mhpss-follow-ups')).items[0]!;
});
afterAll(() => t.close());

describe('counselling, role by role (mission-wide)', () => {
  it.each(ROLES)('%s', async (role) => {
    const c = await t.signIn({ role });
    const mhpss = role === 'counsellor';
    const identity = IDENTITY.includes(role);
    expect((await c.get('/api/v1/counselling-sessions')).statusCode).toBe(mhpss ? 200 : 403);
    const one = await c.get(`/api/v1/counselling-sessions/${made.id}`);
    expect(one.statusCode).toBe(mhpss ? 200 : 403);
    if (mhpss) expect(json<SessionOut>(one).allowedActions.sort()).toEqual(['read', 'update']);
    const create = await c.request({
      method: 'POST',
      url: '/api/v1/counselling-sessions',
      payload: individual(s.a2, s.centreA),
      headers: { 'sanad-dry-run': 'true' },
    });
    expect(create.statusCode).toBe(mhpss ? 201 : 403);
    expect((await c.patch(`/api/v1/counselling-sessions/${made.id}`, { version: 99 })).statusCode).toBe(
      mhpss ? 409 : 403,
    );
    const person = await c.get(`/api/v1/persons/${s.a1}/counselling`);
    expect(person.statusCode).toBe(identity ? 200 : 403);
    if (identity) {
      const body = json<{ sessions: { id: string }[]; stubs: { id: string }[] }>(person);
      expect([body.sessions.map((x) => x.id), body.stubs.map((x) => x.id)]).toEqual(
        mhpss ? [[made.id], []] : [[], [made.id]],
      );
    }
    expect((await c.get('/api/v1/mhpss-follow-ups?mine=false')).statusCode).toBe(mhpss ? 200 : 403);
    // only the assignee completes: every other role, counsellors included, is refused
    expect(
      (await c.post(`/api/v1/mhpss-follow-ups/${followUp.id}/complete`, { version: followUp.version }))
        .statusCode,
    ).toBe(403);
  });
});

describe('counsellors of another centre or organisation', () => {
  it('a counsellor of centre B sees neither the session nor the follow-up (404), nor writes at A (403)', async () => {
    const c = await t.signIn({ role: 'counsellor', centreIds: [s.centreB] });
    expect((await c.get(`/api/v1/counselling-sessions/${made.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/v1/persons/${s.a1}/counselling`)).statusCode).toBe(404);
    expect((await c.get('/api/v1/mhpss-follow-ups?mine=false')).json().items).toEqual([]);
    const res = await c.post('/api/v1/counselling-sessions', individual(s.b1, s.centreA));
    expect(res.statusCode).toBe(403);
  });

  it('a counsellor of another organisation at A reads the session of someone held there', async () => {
    const org = json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const c = await t.signIn({ role: 'counsellor', organisationId: org, centreIds: [s.centreA] });
    const one = await c.get(`/api/v1/counselling-sessions/${made.id}`);
    expect(one.statusCode).toBe(200);
    expect(json<SessionOut>(one).allowedActions.sort()).toEqual(['read', 'update']);
  });
});
