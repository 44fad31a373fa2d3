import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let t: TestApp;
let s: CounsellingWorld;
let urgent: SessionOut;
let planned: SessionOut;
let theirs: SessionOut;
beforeAll(async () => {
  t = await testApp();
  s = await counsellingWorld(t);
  planned = await record(s.counsellorA, individual(s.a1, s.centreA, { nextSessionOn: '2026-11-05' }));
  urgent = await record(
    s.counsellorA,
    individual(s.a2, s.centreA, {
      heldOn: '2026-10-20',
      measure: K10_SELF_HARM,
      nextSessionOn: '2026-11-05',
    }),
  );
  theirs = await record(
    s.counsellor,
    individual(s.a3, s.centreA, { presentingProblems: ['self_harm_risk'] }),
  );
});
afterAll(() => t.close());

type Page = { items: FollowUpOut[]; total: number };
const list = async (c: typeof s.counsellor, q = '') => {
  const res = await c.get(`/api/v1/mhpss-follow-ups${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Page>(res);
};

describe('the follow-up list', () => {
  it('lists the reader’s own, open first, earliest due first, urgent first on a day', async () => {
    const mine = await list(s.counsellorA);
    expect(mine.items.map((f) => [f.sessionId, f.reason, f.dueOn])).toEqual([
      [urgent.id, 'self_harm_risk', '2026-10-20'],
      [planned.id, 'next_session', '2026-11-05'],
      [urgent.id, 'next_session', '2026-11-05'],
    ]);
    expect(mine.total).toBe(3);
    expect(mine.items[0]).toMatchObject({ urgent: true, overdue: true, status: 'open' });
    expect(mine.items[0]?.allowedActions).toContain('complete');
  });

  it('shows another counsellor’s with mine=false, without offering to complete them', async () => {
    const all = await list(s.counsellor, '?mine=false');
    const ofA = all.items.find((f) => f.sessionId === urgent.id && f.urgent);
    expect(ofA?.allowedActions).toEqual(['read']);
    expect((await list(s.counsellor)).items.map((f) => f.sessionId)).toEqual([theirs.id]);
  });

  it('filters by urgency and person', async () => {
    const urgentOnes = await list(s.counsellorA, '?urgent=true');
    expect(urgentOnes.items.map((f) => f.sessionId)).toEqual([urgent.id]);
    const ofA1 = await list(s.counsellorA, `?personId=${s.a1}`);
    expect(ofA1.items.map((f) => f.sessionId)).toEqual([planned.id]);
  });

  it('audits the list read with the ids shown', async () => {
    const shown = (await list(s.counsellorA, '?urgent=true')).items.map((f) => f.id);
    const events = json<{ items: { entityId: string | null; detail: { ids?: string[] } | null }[] }>(
      await t.admin.get('/api/v1/audit?entityType=mhpss_follow_up&action=read'),
    ).items;
    expect(events[0]?.detail?.ids).toEqual(shown);
  });

  it('refuses everyone but counsellors (403), and bad filters (400)', async () => {
    for (const c of [s.doctor, s.caseworker, t.admin])
      expect((await c.get('/api/v1/mhpss-follow-ups')).statusCode).toBe(403);
    const bad = await s.counsellorA.get('/api/v1/mhpss-follow-ups?mine=maybe');
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ errors: [{ path: 'mine' }] });
  });
});

describe('completing a follow-up', () => {
  let target: FollowUpOut;
  beforeAll(async () => {
    target = (await list(s.counsellorA, '?urgent=true')).items[0]!;
  });
  const complete = (c: typeof s.counsellor, body: unknown) =>
    c.post(`/api/v1/mhpss-follow-ups/${target.id}/complete`, body);

  it('lets only the assignee complete it (403 for another counsellor, 403 for a doctor)', async () => {
    expect((await complete(s.counsellor, { version: target.version })).statusCode).toBe(403);
    expect((await complete(s.doctor, { version: target.version })).statusCode).toBe(403);
  });

  it('refuses bad input (400) and a stale version (409)', async () => {
    const bad = await complete(s.counsellorA, {});
    expect(bad.statusCode).toBe(400);
    expect(json(bad)).toMatchObject({ errors: [{ path: 'version' }] });
    expect((await complete(s.counsellorA, { version: target.version + 1 })).statusCode).toBe(409);
  });

  it('marks it done, audited; a second time is refused (422)', async () => {
    const res = await complete(s.counsellorA, { version: target.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({
      status: 'done',
      version: target.version + 1,
      allowedActions: ['read'],
    });
    const closed = json<{ items: { entityId: string; changedFields: string[] }[] }>(
      await t.admin.get(`/api/v1/audit?entityType=mhpss_follow_up&action=close&entityId=${target.id}`),
    ).items;
    expect(closed).toEqual([expect.objectContaining({ changedFields: ['status', 'doneAt'] })]);
    const again = await complete(s.counsellorA, { version: target.version + 1 });
    expect(again.statusCode).toBe(422);
    expect(json(again)).toMatchObject({ code: 'follow_up_done' });
    const mine = await list(s.counsellorA);
    expect(mine.items.at(-1)).toMatchObject({ id: target.id, status: 'done' });
  });

  it('answers 404 for a follow-up out of the counsellor’s reach', async () => {
    const atB = await record(s.counsellor, individual(s.b1, s.centreB, { measure: K10_SELF_HARM }));
    const ofB = (await list(s.counsellor)).items.find((f) => f.sessionId === atB.id)!;
    const res = await s.counsellorA.post(`/api/v1/mhpss-follow-ups/${ofB.id}/complete`, {
      version: ofB.version,
    });
    expect(res.statusCode).toBe(404);
  });
});
