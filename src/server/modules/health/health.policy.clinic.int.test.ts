import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../../domain/access/roles';
import type { ClinicSession } from '../../../domain/health/clinic';
import { json, type TestApp, testApp } from '../../test/harness';
import {
  type Check,
  consultationBody,
  expectMatrix,
  expectOffers,
  FITNESS,
  MEDICAL,
  type PolicyWorld,
  policyWorld,
  type RecordKind,
  SCOPED,
  signInAs,
  type User,
} from './health.policy.fixtures';

// Every role (and a doctor and a nurse of centre B, a nurse of another organisation at A) against
// the clinic's routes: weekly schedules, sessions and their queue, the diagnosis list, fitness to
// travel. The table is DESIGN §5's medical row (health.policy.fixtures.ts).

const sessionUrl = (id: string) => `/api/v1/clinic-sessions/${id}`;
const entryUrl = (w: PolicyWorld, id: string) => `${sessionUrl(w.open.id)}/queue/${id}`;

const CHECKS: Check[] = [
  {
    name: 'list schedules',
    roles: MEDICAL,
    at: 'kind',
    req: () => ({ method: 'GET', url: '/api/v1/clinic-schedules' }),
  },
  {
    name: 'read a schedule',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({ method: 'GET', url: `/api/v1/clinic-schedules/${w.schedule.id}` }),
  },
  {
    name: 'create a schedule',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'POST',
      url: '/api/v1/clinic-schedules',
      payload: { centreId: w.centreA, weekday: 3, startsAt: '10:00', stockPointId: w.pharmacyA },
    }),
  },
  {
    name: 'update a schedule',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'PATCH',
      url: `/api/v1/clinic-schedules/${w.schedule.id}`,
      payload: { version: w.schedule.version, startsAt: '09:30' },
    }),
  },
  {
    name: 'list sessions',
    roles: MEDICAL,
    at: 'kind',
    req: () => ({ method: 'GET', url: '/api/v1/clinic-sessions' }),
  },
  {
    name: 'today’s clinics',
    roles: MEDICAL,
    at: 'kind',
    req: () => ({ method: 'GET', url: '/api/v1/clinic-sessions/today' }),
  },
  {
    name: 'read a session',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({ method: 'GET', url: sessionUrl(w.open.id) }),
  },
  {
    name: 'open a session',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'POST',
      url: '/api/v1/clinic-sessions',
      payload: { centreId: w.centreA, heldOn: '2026-10-19', stockPointId: w.pharmacyA },
    }),
  },
  {
    name: 'write a session’s note',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'PATCH',
      url: sessionUrl(w.open.id),
      payload: { version: w.open.version, note: 'No water in the medical room' },
    }),
  },
  {
    name: 'close a session',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'PATCH',
      url: sessionUrl(w.open.id),
      payload: { version: w.open.version, status: 'closed' },
    }),
  },
  {
    name: 'reopen a session',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'PATCH',
      url: sessionUrl(w.closed.id),
      payload: { version: w.closed.version, status: 'open' },
    }),
  },
  {
    name: 'queue a patient',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({ method: 'POST', url: `${sessionUrl(w.open.id)}/queue`, payload: { personId: w.fresh } }),
  },
  {
    name: 'mark a patient as left',
    roles: MEDICAL,
    at: 'A',
    req: (w) => ({
      method: 'PATCH',
      url: entryUrl(w, w.waiting.id),
      payload: { status: 'left', version: w.waiting.version },
    }),
  },
  {
    name: 'search diagnoses',
    roles: MEDICAL,
    at: 'kind',
    req: () => ({ method: 'GET', url: '/api/v1/diagnoses?q=scab' }),
  },
  {
    name: 'add a diagnosis',
    roles: MEDICAL,
    at: 'mission',
    req: () => ({
      method: 'POST',
      url: '/api/v1/diagnoses',
      payload: {
        code: 'L98.4',
        group: 'skin',
        names: { en: 'Tropical ulcer', ar: 'قرحة استوائية', fr: 'Ulcère tropical' },
      },
    }),
  },
  {
    name: 'read fitness to travel',
    roles: FITNESS,
    at: 'A',
    req: (w) => ({ method: 'GET', url: `/api/v1/persons/${w.seen.personId}/fitness-to-travel` }),
  },
];

const entryIn = (id: string) => (body: unknown) => (body as ClinicSession).queue.find((e) => e.id === id)!;
const sessionActions = (id: (w: PolicyWorld) => { id: string; version: number }) => ({
  read: (w: PolicyWorld) => ({ method: 'GET' as const, url: sessionUrl(id(w).id) }),
  update: (w: PolicyWorld) => ({
    method: 'PATCH' as const,
    url: sessionUrl(id(w).id),
    payload: { version: id(w).version, note: 'Generator down until noon' },
  }),
  close: (w: PolicyWorld) => ({
    method: 'PATCH' as const,
    url: sessionUrl(id(w).id),
    payload: { version: id(w).version, status: 'closed' },
  }),
  reopen: (w: PolicyWorld) => ({
    method: 'PATCH' as const,
    url: sessionUrl(id(w).id),
    payload: { version: id(w).version, status: 'open' },
  }),
  queue: (w: PolicyWorld) => ({
    method: 'POST' as const,
    url: `${sessionUrl(id(w).id)}/queue`,
    payload: { personId: w.fresh },
  }),
});
const entryActions = (e: (w: PolicyWorld) => PolicyWorld['waiting']) => ({
  read: (w: PolicyWorld) => ({ method: 'GET' as const, url: sessionUrl(w.open.id) }),
  leave: (w: PolicyWorld) => ({
    method: 'PATCH' as const,
    url: entryUrl(w, e(w).id),
    payload: { status: 'left', version: e(w).version },
  }),
  consult: (w: PolicyWorld) => ({
    method: 'POST' as const,
    url: '/api/v1/consultations',
    payload: { ...consultationBody(w, e(w).personId, false), queueEntryId: e(w).id },
  }),
});

const KINDS: RecordKind[] = [
  {
    name: 'schedule',
    read: (w) => `/api/v1/clinic-schedules/${w.schedule.id}`,
    attempts: {
      read: (w) => ({ method: 'GET', url: `/api/v1/clinic-schedules/${w.schedule.id}` }),
      update: (w) => ({
        method: 'PATCH',
        url: `/api/v1/clinic-schedules/${w.schedule.id}`,
        payload: { version: w.schedule.version, active: false },
      }),
    },
  },
  { name: 'open session', read: (w) => sessionUrl(w.open.id), attempts: sessionActions((w) => w.open) },
  { name: 'closed session', read: (w) => sessionUrl(w.closed.id), attempts: sessionActions((w) => w.closed) },
  {
    name: 'waiting patient',
    read: (w) => sessionUrl(w.open.id),
    pick: (body, w) => entryIn(w.waiting.id)(body),
    attempts: entryActions((w) => w.waiting),
  },
  {
    name: 'patient seen',
    read: (w) => sessionUrl(w.open.id),
    pick: (body, w) => entryIn(w.seen.id)(body),
    attempts: entryActions((w) => w.seen),
  },
];

let t: TestApp;
let w: PolicyWorld;
beforeAll(async () => {
  t = await testApp();
  w = await policyWorld(t);
}, 60_000);
afterAll(() => t.close());

const USERS: User[] = [...ROLES.map((role) => ({ name: role, role })), ...SCOPED];

describe('the clinic, user by user', () => {
  it.each(USERS.map((u) => [u.name, u] as const))('%s', async (_, u) => {
    const c = await signInAs(t, w, u);
    await expectMatrix(c, u, w, CHECKS);
    const tried = await expectOffers(c, u, w, KINDS);
    // those who read sessions try every action of every record; the others read none
    const reads = MEDICAL.includes(u.role) && u.centre !== 'B';
    expect(tried).toBe(reads ? 2 + 5 + 5 + 3 + 3 : 0);
  });
});

describe('what a clinician of centre B sees of centre A', () => {
  it('lists none of A’s sessions or schedules, and their own centre’s only', async () => {
    const c = await signInAs(t, w, SCOPED[0]!);
    const ids = (url: string) =>
      c.get(url).then((r) => json<{ items: { id: string }[] }>(r).items.map((i) => i.id));
    const sessions = json<{ items: { id: string; centreId: string }[] }>(
      await c.get('/api/v1/clinic-sessions'),
    );
    expect(sessions.items.map((s) => s.id)).toContain(w.sessionB.id);
    expect(sessions.items.filter((s) => s.centreId !== w.centreB)).toEqual([]);
    expect(await ids('/api/v1/clinic-schedules')).toEqual([]);
    const today = json<{ sessions: { id: string }[] }>(await c.get('/api/v1/clinic-sessions/today'));
    expect(today.sessions.map((s) => s.id)).toEqual([w.sessionB.id]);
    // and may do at B what it may not at A
    const b = json<ClinicSession>(await c.get(sessionUrl(w.sessionB.id)));
    expect(b.allowedActions.sort()).toEqual(['close', 'queue', 'read', 'update']);
  });
});
