import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../../../domain/directory/schemas';
import type { Actor } from '../../platform/actor';
import { buildCentre, buildPerson } from '../../test/factories';
import { json, PASSWORD, type TestApp, testApp } from '../../test/harness';
import { auditPolicy } from '../audit/audit.policy';
import { centrePolicy } from '../directory/centres.policy';
import { missionPolicy } from '../directory/mission.policy';
import { organisationPolicy } from '../directory/organisations.policy';
import { userPolicy } from '../directory/users.policy';
import { counsellingPolicy } from '../health/counselling.policy';
import {
  alertPolicy,
  clinicSchedulePolicy,
  clinicSessionPolicy,
  consultationPolicy,
  surveillancePolicy,
} from '../health/health.policy';
import {
  casePolicy,
  consentPolicy,
  notePolicy,
  referralPolicy,
  screeningPolicy,
  sharingProfilePolicy,
  taskPolicy,
} from '../protection/protection.policy';
import { personPolicy } from '../registry/persons.policy';
import { embassyRequestPolicy } from '../returns/embassy-requests.policy';
import { returnCasePolicy } from '../returns/returns.policy';

// /me's capabilities are what the web app shows and hides: each must be the resource policy's own
// answer for the kind of record, for any set of roles, so a page can never offer what a route
// refuses (nor hide what it allows).

interface Asks {
  // biome-ignore lint/suspicious/noExplicitAny: every policy's closed set of actions
  can(actor: Actor, action: any): boolean;
}
const ASKED: [capability: string, policy: Asks, action: string][] = [
  ['organisations:read', organisationPolicy, 'list'],
  ['organisations:create', organisationPolicy, 'create'],
  ['centres:create', centrePolicy, 'create'],
  ['users:read', userPolicy, 'list'],
  ['users:create', userPolicy, 'create'],
  ['audit:read', auditPolicy, 'list'],
  ['persons:read', personPolicy, 'list'],
  ['persons:create', personPolicy, 'create'],
  ['screenings:read', screeningPolicy, 'list'],
  ['screenings:create', screeningPolicy, 'create'],
  ['screenings:override', screeningPolicy, 'override'],
  ['referrals:create', referralPolicy, 'create'],
  ['referrals:override_consent', referralPolicy, 'override_consent'],
  ['referrals:read', referralPolicy, 'list'],
  ['cases:read', casePolicy, 'list'],
  ['consents:create', consentPolicy, 'create'],
  ['notes:create', notePolicy, 'create'],
  ['tasks:create', taskPolicy, 'create'],
  ['sharing_profiles:read', sharingProfilePolicy, 'read'],
  ['sharing_profiles:update', sharingProfilePolicy, 'update'],
  ['mission:update', missionPolicy, 'update'],
  ['consultations:read', consultationPolicy, 'list'],
  ['consultations:dispense', consultationPolicy, 'dispense'],
  ['surveillance:read', surveillancePolicy, 'read'],
  ['alerts:read', alertPolicy, 'list'],
  ['counselling:read', counsellingPolicy, 'list'],
  ['counselling:create', counsellingPolicy, 'create'],
  ['clinic_schedules:read', clinicSchedulePolicy, 'list'],
  ['clinic_schedules:create', clinicSchedulePolicy, 'create'],
  ['clinic_sessions:read', clinicSessionPolicy, 'list'],
  ['clinic_sessions:create', clinicSessionPolicy, 'create'],
  ['embassy_requests:read', embassyRequestPolicy, 'list'],
  ['embassy_requests:create', embassyRequestPolicy, 'create'],
  ['return_cases:read', returnCasePolicy, 'list'],
  ['return_cases:create', returnCasePolicy, 'create'],
  ['return_cases:clear_protection', returnCasePolicy, 'clear_protection'],
];

type Me = { id: string; username: string; organisation: { id: string }; capabilities: string[] };

let t: TestApp;
let orgId: string;
let centreA: string;
let centreB: string;
let personInA: string;
let n = 0;

/** An account with exactly these assignments, signed in: its /me and a GET as it. */
async function as(roles: RoleAssignment[]) {
  const username = `caps${++n}`;
  const created = await t.admin.post('/api/v1/users', {
    username,
    displayName: `Capabilities ${n}`,
    organisationId: orgId,
    password: PASSWORD,
    roles,
  });
  expect(created.statusCode, created.body).toBe(201);
  const login = await t.login(username, PASSWORD);
  expect(login.statusCode, login.body).toBe(204);
  const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  // an account made by an administrator replaces its first password before anything else
  const changed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/me/password',
    payload: { currentPassword: PASSWORD, newPassword: `${PASSWORD} mine` },
    headers: { cookie, 'x-requested-with': 'sanad' },
  });
  expect(changed.statusCode, changed.body).toBe(204);
  const me = json<Me>(await get('/api/v1/me'));
  const actor: Actor = {
    userId: me.id,
    username: me.username,
    missionId: t.missionId,
    organisationId: me.organisation.id,
    roles,
    ip: null,
  };
  return { me, actor, get };
}

beforeAll(async () => {
  t = await testApp();
  orgId = json<Me>(await t.admin.get('/api/v1/me')).organisation.id;
  centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  centreB = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const po = await t.signIn({ role: 'protection_officer' });
  personInA = json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centreA))).id;
});
afterAll(() => t.close());

describe('/me capabilities are the policies’ answers', () => {
  const sets: [string, () => RoleAssignment[]][] = [
    ['nurse for centre A only', () => [{ role: 'nurse', centreIds: [centreA] }]],
    ['protection officer for the mission', () => [{ role: 'protection_officer', centreIds: [] }]],
    [
      'manager for the mission and caseworker for centre B',
      () => [
        { role: 'manager', centreIds: [] },
        { role: 'caseworker', centreIds: [centreB] },
      ],
    ],
    [
      'doctor and counsellor',
      () => [
        { role: 'doctor', centreIds: [centreA] },
        { role: 'counsellor', centreIds: [] },
      ],
    ],
    ['viewer', () => [{ role: 'viewer', centreIds: [] }]],
    ['monitor', () => [{ role: 'monitor', centreIds: [] }]],
  ];

  it.each(sets)('%s', async (_name, roles) => {
    const { me, actor } = await as(roles());
    for (const [capability, policy, action] of ASKED) {
      expect([capability, me.capabilities.includes(capability)]).toEqual([
        capability,
        policy.can(actor, action),
      ]);
    }
  });

  it('gives a nurse of centre A flags, and no screening to record or read', async () => {
    const { me } = await as([{ role: 'nurse', centreIds: [centreA] }]);
    expect(me.capabilities).toContain('protection:flags');
    for (const c of ['screenings:create', 'screenings:read', 'screenings:override', 'tasks:create'])
      expect(me.capabilities).not.toContain(c);
  });

  it('gives a protection officer the overrides, and a caseworker none', async () => {
    const po = await as([{ role: 'protection_officer', centreIds: [] }]);
    expect(po.me.capabilities).toEqual(
      expect.arrayContaining(['screenings:create', 'screenings:override', 'referrals:override_consent']),
    );
    const cw = await as([{ role: 'caseworker', centreIds: [centreA] }]);
    expect(cw.me.capabilities).toContain('screenings:create');
    expect(cw.me.capabilities).not.toContain('screenings:override');
    expect(cw.me.capabilities).not.toContain('referrals:override_consent');
  });
});

describe('"My tasks" only for those who can be given a task', () => {
  // a task goes to someone who may read its person: a role that sees no one has only an empty list
  it.each([
    ['viewer', false],
    ['monitor', false],
    ['stock_officer', false],
    ['caseworker', true],
    ['nurse', true],
    ['protection_officer', true],
  ] as const)('%s: tasks:read is %s', async (role, shown) => {
    const { me, actor } = await as([{ role, centreIds: [] }]);
    expect(me.capabilities.includes('tasks:read')).toBe(shown);
    expect(me.capabilities.includes('tasks:read')).toBe(
      taskPolicy.can(actor, 'list') && personPolicy.can(actor, 'list'),
    );
  });
});

describe('what a person’s protection summary offers', () => {
  const offered = async (roles: RoleAssignment[]) => {
    const { get } = await as(roles);
    const res = await get(`/api/v1/persons/${personInA}/protection`);
    expect(res.statusCode, res.body).toBe(200);
    return json<{ allowedActions: string[] }>(res).allowedActions;
  };

  it('offers a nurse of the person’s centre only a hospital referral and its consent', async () => {
    // medical referrals go through protection's referrals (issue 12): service and purpose `medical`
    expect((await offered([{ role: 'nurse', centreIds: [centreA] }])).sort()).toEqual([
      'consents:create',
      'referrals:create',
    ]);
  });

  it('offers a caseworker the writes but no override', async () => {
    const actions = await offered([{ role: 'caseworker', centreIds: [centreA] }]);
    expect(actions).toEqual(
      expect.arrayContaining([
        'screenings:create',
        'referrals:create',
        'consents:create',
        'notes:create',
        'tasks:create',
      ]),
    );
    expect(actions).not.toContain('screenings:override');
    expect(actions).not.toContain('referrals:override_consent');
  });

  it('offers a protection officer the overrides', async () => {
    expect(await offered([{ role: 'protection_officer', centreIds: [centreA] }])).toEqual(
      expect.arrayContaining(['screenings:create', 'screenings:override', 'referrals:override_consent']),
    );
  });
});
