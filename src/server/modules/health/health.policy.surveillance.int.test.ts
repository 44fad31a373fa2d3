import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../domain/access/roles';
import { DEFAULT_ALERT_RULES } from '../../../domain/health/alert-rules';
import type { AlertView } from '../../../domain/health/surveillance';
import { json, type TestApp, testApp } from '../../test/harness';
import {
  type Check,
  expectMatrix,
  expectOffers,
  MEDICAL,
  type PolicyWorld,
  policyWorld,
  type RecordKind,
  SCOPED,
  SURVEILLANCE,
  signInAs,
  type User,
} from './health.policy.fixtures';

// Every role (and a doctor and a nurse of centre B, a nurse of another organisation at A) against
// surveillance, alerts and alert rules. The figures name no one: clinicians and managers read
// them; clinicians verify or discard an alert, managers also record the response; only a
// mission-wide clinician changes the rules.

const WEEK = '2026-W45';
const alertUrl = (id: string) => `/api/v1/alerts/${id}`;
const transition = (a: AlertView, status: string) => ({
  method: 'POST' as const,
  url: `${alertUrl(a.id)}/transition`,
  payload: { status, version: a.version, note: 'Checked the register with the nurse' },
});

const CHECKS: Check[] = [
  {
    name: 'the week’s table',
    roles: SURVEILLANCE,
    at: 'kind',
    req: () => ({ method: 'GET', url: `/api/v1/surveillance?week=${WEEK}` }),
  },
  {
    name: 'the week’s table as XLSX',
    roles: SURVEILLANCE,
    at: 'kind',
    req: () => ({ method: 'GET', url: `/api/v1/surveillance?week=${WEEK}&format=xlsx` }),
  },
  {
    name: 'an epidemic curve',
    roles: SURVEILLANCE,
    at: 'kind',
    req: () => ({
      method: 'GET',
      url: '/api/v1/surveillance/curve?syndrome=measles&from=2026-W30&to=2026-W45',
    }),
  },
  {
    name: 'list alerts',
    roles: SURVEILLANCE,
    at: 'kind',
    req: () => ({ method: 'GET', url: '/api/v1/alerts' }),
  },
  {
    name: 'read an alert',
    roles: SURVEILLANCE,
    at: 'A',
    req: (w) => ({ method: 'GET', url: alertUrl(w.newAlert.id) }),
  },
  { name: 'verify an alert', roles: MEDICAL, at: 'A', req: (w) => transition(w.newAlert, 'verified') },
  { name: 'discard an alert', roles: MEDICAL, at: 'A', req: (w) => transition(w.newAlert, 'discarded') },
  {
    name: 'record the response to an alert',
    roles: SURVEILLANCE,
    at: 'A',
    req: (w) => transition(w.verifiedAlert, 'responded'),
  },
  {
    name: 'read the alert rules',
    roles: SURVEILLANCE,
    at: 'kind',
    req: () => ({ method: 'GET', url: '/api/v1/alert-rules' }),
  },
  {
    name: 'set the alert rules',
    roles: MEDICAL,
    at: 'mission',
    req: () => ({
      method: 'PUT',
      url: '/api/v1/alert-rules',
      payload: {
        rules: DEFAULT_ALERT_RULES.map((r) => (r.code === 'tb_cluster' ? { ...r, threshold: 1 } : r)),
      },
    }),
  },
];

const alert = (name: string, pick: (w: PolicyWorld) => AlertView): RecordKind => ({
  name,
  read: (w) => alertUrl(pick(w).id),
  attempts: {
    read: (w) => ({ method: 'GET', url: alertUrl(pick(w).id) }),
    verify: (w) => transition(pick(w), 'verified'),
    discard: (w) => transition(pick(w), 'discarded'),
    respond: (w) => transition(pick(w), 'responded'),
  },
});
const KINDS = [alert('new alert', (w) => w.newAlert), alert('verified alert', (w) => w.verifiedAlert)];

let t: TestApp;
let w: PolicyWorld;
beforeAll(async () => {
  t = await testApp();
  w = await policyWorld(t);
}, 60_000);
afterAll(() => t.close());

const USERS: User[] = [...ROLES.map((role) => ({ name: role, role })), ...SCOPED];

describe('surveillance and alerts, user by user', () => {
  it.each(USERS.map((u) => [u.name, u] as const))('%s', async (_, u) => {
    const c = await signInAs(t, w, u);
    await expectMatrix(c, u, w, CHECKS);
    const reads = SURVEILLANCE.includes(u.role) && u.centre !== 'B';
    expect(await expectOffers(c, u, w, KINDS)).toBe(reads ? 8 : 0);
    if (reads) {
      const offered = async (a: AlertView) =>
        json<AlertView>(await c.get(alertUrl(a.id))).allowedActions.sort();
      const clinician = MEDICAL.includes(u.role);
      expect(await offered(w.newAlert)).toEqual(clinician ? ['discard', 'read', 'verify'] : ['read']);
      expect(await offered(w.verifiedAlert)).toEqual(
        clinician ? ['discard', 'read', 'respond'] : ['read', 'respond'],
      );
    }
  });
});

describe('a clinician of centre B', () => {
  it('sees B’s figures and alerts only, and acts on B’s', async () => {
    const c = await signInAs(t, w, SCOPED[0]!);
    const table = json<{ rows: { centreId: string }[] }>(await c.get(`/api/v1/surveillance?week=${WEEK}`));
    expect(table.rows.map((r) => r.centreId)).toEqual([w.centreB]);
    const asked = await c.get(`/api/v1/surveillance?week=${WEEK}&centreId=${w.centreA}`);
    expect(asked.statusCode === 404 || json<{ rows: unknown[] }>(asked).rows.length === 0).toBe(true);
    const alerts = json<{ items: AlertView[] }>(await c.get('/api/v1/alerts'));
    expect(alerts.items.map((a) => a.id)).toEqual([w.alertB.id]);
    expect(alerts.items[0]!.allowedActions.sort()).toEqual(['discard', 'read', 'verify']);
  });
});
