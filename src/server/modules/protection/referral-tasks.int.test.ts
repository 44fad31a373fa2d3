import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/tx';
import {
  buildCentre,
  buildConsent,
  buildPerson,
  buildReferral,
  buildTask,
  createRecipient,
} from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

// A referral that ends (cancelled, declined, completed) leaves nothing to follow up: its open
// tasks close in the same transaction, each audited, and stop counting as overdue.

let t: TestApp;
let po: Client;
let cw: Client;
let unhcr: string;
let personId: string;
type Ref = { id: string; version: number };
type Task = { id: string; status: string; overdue: boolean; doneAt: string | null };

beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  unhcr = await createRecipient(t.admin, { kind: 'un_agency' });
  po = await t.signIn({ role: 'protection_officer' });
  cw = await t.signIn({ role: 'caseworker' });
  personId = json<{ id: string }>(await po.post('/api/v1/persons', buildPerson(centre))).id;
  await po.post('/api/v1/consents', buildConsent(personId, unhcr));
});
afterAll(() => t.close());

const refer = async () => json<Ref>(await po.post('/api/v1/referrals', buildReferral(personId, unhcr)));
const task = async (referralId: string, dueOn = '2026-10-30') => {
  const res = await po.post('/api/v1/tasks', buildTask(cw.userId, { referralId, dueOn }));
  expect(res.statusCode, res.body).toBe(201);
  return json<Task>(res);
};
const move = async (r: Ref, to: string) => {
  const res = await po.post(`/api/v1/referrals/${r.id}/transitions`, { to, version: r.version });
  expect(res.statusCode, res.body).toBe(200);
  return json<Ref>(res);
};
const openTasks = async () =>
  json<{ items: Task[] }>(await cw.get('/api/v1/tasks?mine=true&status=open')).items.map((x) => x.id);

describe('tasks of a referral', () => {
  it('close when the referral is cancelled, audited, and no longer count as overdue', async () => {
    const r = await refer();
    const late = await task(r.id);
    const other = await task((await refer()).id);
    expect(late.overdue).toBe(true);
    expect(await openTasks()).toEqual(expect.arrayContaining([late.id, other.id]));
    await move(r, 'cancelled');
    const closed = json<{ items: Task[] }>(await cw.get(`/api/v1/tasks?mine=true&referralId=${r.id}`));
    expect(closed.items).toEqual([expect.objectContaining({ id: late.id, status: 'done', overdue: false })]);
    expect(await openTasks()).not.toContain(late.id);
    expect(await openTasks()).toContain(other.id); // another referral's task stays open
    const events = await rows<{
      actor_id: string;
      changed_fields: string[];
      detail: { closedBecause: string };
    }>(
      t.database.db.execute(
        sql`select actor_id, changed_fields, detail from audit_events where entity_type = 'task' and entity_id = ${late.id} and action = 'update'`,
      ),
    );
    expect(events).toEqual([
      expect.objectContaining({
        actor_id: po.userId,
        changed_fields: ['status', 'doneAt'],
        detail: expect.objectContaining({ closedBecause: 'referral_cancelled' }),
      }),
    ]);
  });

  it('close when the referral is completed, not on the steps before', async () => {
    let r = await refer();
    const follow = await task(r.id, '2026-11-20');
    for (const to of ['sent', 'acknowledged', 'accepted']) {
      r = await move(r, to);
      expect(await openTasks()).toContain(follow.id);
    }
    await move(r, 'completed');
    expect(await openTasks()).not.toContain(follow.id);
  });

  it('a task already done is left as it was', async () => {
    const r = await refer();
    const done = await task(r.id);
    const patched = await cw.patch(`/api/v1/tasks/${done.id}`, { version: 1, status: 'done' });
    expect(patched.statusCode, patched.body).toBe(200);
    const before = json<Task & { version: number }>(patched);
    await move(r, 'cancelled');
    const [after] = json<{ items: (Task & { version: number })[] }>(
      await cw.get(`/api/v1/tasks?mine=true&referralId=${r.id}`),
    ).items;
    expect(after).toMatchObject({ status: 'done', version: before.version, doneAt: before.doneAt });
  });
});
