import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../domain/access/roles';
import { buildCentre, buildOrganisation, buildPerson, buildTask } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Cases and tasks (DESIGN §5), every role, written out rather than derived from the policy code.
const READS: Role[] = ['manager', 'caseworker', 'protection_officer', 'return_officer'];
const WRITES: Role[] = ['caseworker', 'protection_officer'];
const SEES_PEOPLE: Role[] = [
  'admin',
  'manager',
  'caseworker',
  'protection_officer',
  'doctor',
  'nurse',
  'counsellor',
  'return_officer',
];

type Rec = { id: string; version: number; allowedActions: string[] };
let t: TestApp;
let centre: string;
let po: Client;
const ok = (res: Parameters<typeof json>[0]) => {
  if (res.statusCode >= 300) throw new Error(`${res.statusCode} ${res.body}`);
  return json<Rec>(res);
};
/** A person with an open case (a note opens it) and a task the protection officer set themselves. */
async function withCase() {
  const personId = ok(await po.post('/api/v1/persons', buildPerson(centre))).id;
  ok(await po.post('/api/v1/notes', { personId, category: 'protection', body: 'Arrived with bruises.' }));
  const found = json<{ items: Rec[] }>(await po.get(`/api/v1/cases?personId=${personId}`)).items[0]!;
  const task = ok(await po.post('/api/v1/tasks', buildTask(po.userId, { personId })));
  return { personId, caseRecord: found, task };
}

beforeAll(async () => {
  t = await testApp();
  centre = ok(await t.admin.post('/api/v1/centres', buildCentre())).id;
  po = await t.signIn({ role: 'protection_officer' });
});
afterAll(() => t.close());

describe.each(ROLES)('%s and cases and tasks', (role) => {
  it('may do exactly what DESIGN §5 allows, and is offered exactly that', async () => {
    const c = await t.signIn({ role });
    const reads = READS.includes(role);
    const writes = WRITES.includes(role);
    const { personId, caseRecord, task } = await withCase();
    const checks: [string, boolean, number][] = [
      ['list cases', reads, (await c.get('/api/v1/cases')).statusCode],
      ['read a case', reads, (await c.get(`/api/v1/cases/${caseRecord.id}`)).statusCode],
      [
        'hold a case',
        writes,
        (await c.patch(`/api/v1/cases/${caseRecord.id}`, { version: caseRecord.version, status: 'on_hold' }))
          .statusCode,
      ],
      ['list own tasks', true, (await c.get('/api/v1/tasks')).statusCode],
      ['set a task', writes, (await c.post('/api/v1/tasks', buildTask(c.userId, { personId }))).statusCode],
      [
        'change another’s task',
        writes,
        (await c.patch(`/api/v1/tasks/${task.id}`, { version: task.version, title: 'Call the embassy' }))
          .statusCode,
      ],
      [
        'list assignable users',
        writes,
        (await c.get(`/api/v1/tasks/assignable-users?personId=${personId}`)).statusCode,
      ],
    ];
    for (const [what, allowed, status] of checks) {
      const refused =
        status === 403 || (!SEES_PEOPLE.includes(role) && status === 404) || (!reads && status === 404);
      expect(allowed ? status < 300 : refused, `${role} ${what}: ${status}`).toBe(true);
    }
    if (reads) {
      const fresh = await withCase();
      const offered = ok(await c.get(`/api/v1/cases/${fresh.caseRecord.id}`)).allowedActions.sort();
      expect(offered).toEqual(writes ? ['assign', 'close', 'hand_over', 'hold', 'read', 'update'] : ['read']);
    }
  });
});

describe('a user of another centre and organisation', () => {
  it('sees none of the cases and tasks there and changes none', async () => {
    const other = ok(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const org = ok(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
    const c = await t.signIn({ role: 'caseworker', centreIds: [other], organisationId: org });
    const { personId, caseRecord, task } = await withCase();
    expect((await c.get(`/api/v1/cases/${caseRecord.id}`)).statusCode).toBe(404);
    expect(json<{ items: Rec[] }>(await c.get('/api/v1/cases')).items.map((i) => i.id)).not.toContain(
      caseRecord.id,
    );
    expect(
      (await c.patch(`/api/v1/cases/${caseRecord.id}`, { version: caseRecord.version, status: 'on_hold' }))
        .statusCode,
    ).toBe(404);
    expect((await c.post('/api/v1/tasks', buildTask(c.userId, { personId }))).statusCode).toBe(404);
    expect(
      (await c.patch(`/api/v1/tasks/${task.id}`, { version: task.version, title: 'x' })).statusCode,
    ).toBe(404);
  });
});
