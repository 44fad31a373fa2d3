import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCentre, buildOrganisation, buildPerson, buildTask } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// Security regressions: a task never shows a person to someone outside their scope, and a task
// given to someone who may see the person reaches them.

let t: TestApp;
let po: Client; // the mission's protection officer, mission-wide
let pcw: Client; // a partner's caseworker at centre A
let qcw: Client; // another partner's caseworker at centre B
let centreA: string;
let centreB: string;
beforeAll(async () => {
  t = await testApp();
  centreA = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  centreB = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  const org = async () =>
    json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation())).id;
  po = await t.signIn({ role: 'protection_officer' });
  pcw = await t.signIn({ role: 'caseworker', organisationId: await org(), centreIds: [centreA] });
  qcw = await t.signIn({ role: 'caseworker', organisationId: await org(), centreIds: [centreB] });
});
afterAll(() => t.close());

type Task = {
  id: string;
  version: number;
  personId: string | null;
  personName: string | null;
  personHidden: boolean;
  referralId: string | null;
  status: string;
};
const register = async (c: Client, centreId: string, o = {}) => {
  const res = await c.post('/api/v1/persons', buildPerson(centreId, o));
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
};
const transfer = async (personId: string, centreId: string) => {
  const res = await po.post(`/api/v1/persons/${personId}/episodes`, {
    type: 'transfer',
    centreId,
    date: '2026-10-20',
  });
  expect(res.statusCode, res.body).toBe(201);
};
const myTasks = async (c: Client) => json<{ items: Task[] }>(await c.get('/api/v1/tasks')).items;

describe('task assignees must be able to see the person', () => {
  it('refuses a task about a person the assignee may not see, on create and on reassignment', async () => {
    const personId = await register(po, centreA);
    const refused = await po.post('/api/v1/tasks', buildTask(qcw.userId, { personId }));
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toMatchObject({ errors: [{ path: 'assigneeUserId' }] });

    const ok = await po.post('/api/v1/tasks', buildTask(pcw.userId, { personId }));
    expect(ok.statusCode, ok.body).toBe(201);
    const task = json<Task>(ok);
    const moved = await po.patch(`/api/v1/tasks/${task.id}`, {
      version: task.version,
      assigneeUserId: qcw.userId,
    });
    expect(moved.statusCode).toBe(422);
    expect(json(moved)).toMatchObject({ errors: [{ path: 'assigneeUserId' }] });
    expect(await myTasks(qcw)).toEqual([]);
  });

  it('shows no name or number to an assignee who can no longer see the person', async () => {
    const nurse = await t.signIn({
      role: 'nurse',
      organisationId: json<{ id: string }>(await t.admin.post('/api/v1/organisations', buildOrganisation()))
        .id,
      centreIds: [centreA],
    });
    const personId = await register(po, centreA, { givenName: 'Secretname' });
    const created = await po.post(
      '/api/v1/tasks',
      buildTask(nurse.userId, { personId, title: 'Check on them' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    await transfer(personId, centreB); // out of the nurse's centre, and her organisation did not register them

    const [seen] = await myTasks(nurse);
    expect(seen).toMatchObject({
      title: 'Check on them',
      personId: null,
      personName: null,
      personHidden: true,
    });
    expect(JSON.stringify(seen)).not.toContain('Secretname');
    // the author still sees who it is about
    const theirs = json<{ items: Task[] }>(
      await po.get(`/api/v1/tasks?mine=false&personId=${personId}`),
    ).items;
    expect(theirs[0]).toMatchObject({ personId, personHidden: false });
    expect(theirs[0]?.personName).toContain('Secretname');
  });

  it('puts a task on the list of an assignee who may see the person, and lets them complete it', async () => {
    // registered by the partner at A, then moved to B: the partner still follows them, but the
    // task (set by the mission) is not a "protection record" of the partner's
    const personId = await register(pcw, centreA, { givenName: 'Followedperson' });
    await transfer(personId, centreB);
    const created = await po.post('/api/v1/tasks', buildTask(pcw.userId, { personId }));
    expect(created.statusCode, created.body).toBe(201);
    const id = json<Task>(created).id;

    const mine = await myTasks(pcw);
    const task = mine.find((x) => x.id === id);
    expect(task).toMatchObject({ personId, personHidden: false });
    expect(task?.personName).toContain('Followedperson');
    const done = await pcw.patch(`/api/v1/tasks/${id}`, { version: task?.version, status: 'done' });
    expect(done.statusCode, done.body).toBe(200);
    expect(json<Task>(done).status).toBe('done');
  });
});

describe('GET /tasks/assignable-users', () => {
  it('lists the active users who may see the person, for those who may set tasks', async () => {
    const personId = await register(po, centreA);
    const res = await po.get(`/api/v1/tasks/assignable-users?personId=${personId}`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = json<{ items: { id: string; username: string }[] }>(res).items.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([po.userId, pcw.userId, t.admin.userId]));
    expect(ids).not.toContain(qcw.userId);

    const doctor = await t.signIn({ role: 'doctor' });
    expect((await doctor.get(`/api/v1/tasks/assignable-users?personId=${personId}`)).statusCode).toBe(403);
    // nor does it answer about a person outside the caller's scope
    expect((await qcw.get(`/api/v1/tasks/assignable-users?personId=${personId}`)).statusCode).toBe(404);
    expect((await po.get('/api/v1/tasks/assignable-users')).statusCode).toBe(400);
  });
});

describe('case assignees too', () => {
  it('refuses to assign a case to someone who may not see the person', async () => {
    const personId = await register(po, centreA);
    const note = await po.post('/api/v1/notes', { personId, category: 'follow_up', body: 'Opened the case' });
    expect(note.statusCode, note.body).toBe(201);
    const [c] = json<{ items: { id: string; version: number }[] }>(
      await po.get(`/api/v1/cases?personId=${personId}`),
    ).items;
    const refused = await po.patch(`/api/v1/cases/${c!.id}`, {
      version: c!.version,
      assignedUserId: qcw.userId,
    });
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toMatchObject({ errors: [{ path: 'assignedUserId' }] });
    const ok = await po.patch(`/api/v1/cases/${c!.id}`, { version: c!.version, assignedUserId: pcw.userId });
    expect(ok.statusCode, ok.body).toBe(200);
  });
});
