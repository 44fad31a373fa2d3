import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counsellingSessions, mhpssFollowUps } from '../../db/schema/index';
import { inSystem } from '../../platform/tx';
import { json, type TestApp, testApp } from '../../test/harness';
import {
  type CounsellingWorld,
  counsellingWorld,
  followUpsOf,
  group,
  individual,
  K10_CALM,
  K10_SELF_HARM,
  record,
  type SessionOut,
} from './counselling.fixtures';

let t: TestApp;
let s: CounsellingWorld;
beforeAll(async () => {
  t = await testApp();
  s = await counsellingWorld(t);
});
afterAll(() => t.close());

const NOTE = 'Spoke about the night of the raid; sleeps four hours.';

type AuditItem = { entityId: string | null; changedFields: string[]; detail: Record<string, unknown> | null };
const auditOf = async (entityType: string, action: string) =>
  json<{ items: AuditItem[] }>(
    await t.admin.get(`/api/v1/audit?entityType=${entityType}&action=${action}&limit=200`),
  ).items;

const rawSession = (id: string) =>
  inSystem(t.database, async (tx) => {
    const [row] = await tx.select().from(counsellingSessions).where(eq(counsellingSessions.id, id));
    return row;
  });
const rawFollowUps = (sessionId: string) =>
  inSystem(t.database, (tx) =>
    tx.select().from(mhpssFollowUps).where(eq(mhpssFollowUps.sessionId, sessionId)),
  );
const count = (table: typeof counsellingSessions | typeof mhpssFollowUps) =>
  inSystem(t.database, async (tx) => {
    const [r] = await tx.select({ n: sql<number>`count(*)::int` }).from(table);
    return Number(r?.n);
  });

describe('recording a session with thoughts of self-harm', () => {
  let made: SessionOut;
  beforeAll(async () => {
    made = await record(s.counsellorA, individual(s.a1, s.centreA, { measure: K10_SELF_HARM, notes: NOTE }));
  });

  it('scores the K10 on the server and marks the session urgent', () => {
    expect(made).toMatchObject({ score: 32, band: 'very_high', urgent: true, notes: NOTE });
    expect(made.measure).toEqual(K10_SELF_HARM);
    expect(made.allowedActions).toEqual(expect.arrayContaining(['read', 'update']));
  });

  it('creates the urgent follow-up for the counsellor in the same request, due that day', async () => {
    const mine = json<{ items: { sessionId: string; urgent: boolean; dueOn: string; reason: string }[] }>(
      await s.counsellorA.get('/api/v1/mhpss-follow-ups'),
    ).items.filter((f) => f.sessionId === made.id);
    expect(mine).toEqual([
      expect.objectContaining({ urgent: true, dueOn: '2026-10-30', reason: 'self_harm_risk' }),
    ]);
    const rows = await rawFollowUps(made.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ assigneeUserId: s.counsellorA.userId, personId: s.a1, status: 'open' });
  });

  it('keeps answers and notes unreadable in raw rows, score and band in clear', async () => {
    const row = await rawSession(made.id);
    expect(row).toMatchObject({
      score: 32,
      band: 'very_high',
      instrument: 'k10',
      selfHarm: 'yes',
      urgent: true,
    });
    expect(row?.notes).toBeTruthy();
    expect(row?.notes).not.toContain('raid');
    expect(row?.answers).toBeTruthy();
    expect(row?.answers).not.toContain('3,4,3');
    expect(() => JSON.parse(row?.answers ?? '')).toThrow();
  });

  it('audits the create with field names only, and the follow-up', async () => {
    const created = (await auditOf('counselling_session', 'create')).find((e) => e.entityId === made.id);
    expect(created?.changedFields).toEqual(expect.arrayContaining(['measure', 'notes', 'personIds']));
    expect(JSON.stringify(created)).not.toContain('raid');
    expect(JSON.stringify(created)).not.toContain('very_high');
    expect(created?.detail).toEqual({ personIds: [s.a1] }); // nothing that tells of self-harm
    const fu = (await auditOf('mhpss_follow_up', 'create')).filter((e) => e.detail?.sessionId === made.id);
    expect(fu).toHaveLength(1);
  });

  it('writes nothing with Sanad-Dry-Run: neither the session nor its follow-up', async () => {
    const [sessions, followUps] = [await count(counsellingSessions), await count(mhpssFollowUps)];
    const res = await s.counsellorA.post(
      '/api/v1/counselling-sessions',
      individual(s.a2, s.centreA, { measure: K10_SELF_HARM }),
      { 'sanad-dry-run': 'true' },
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['sanad-dry-run']).toBe('rolled-back');
    const id = json<SessionOut>(res).id;
    expect((await s.counsellorA.get(`/api/v1/counselling-sessions/${id}`)).statusCode).toBe(404);
    expect(await count(counsellingSessions)).toBe(sessions);
    expect(await count(mhpssFollowUps)).toBe(followUps);
  });

  it('writes no session when the follow-up cannot be written', async () => {
    await inSystem(t.database, async (tx) => {
      await tx.execute(sql`create function test_refuse_follow_up() returns trigger language plpgsql as
        $$ begin raise exception 'refused by the test' using errcode = '23514'; end $$`);
      await tx.execute(sql`create trigger test_refuse_follow_up before insert on mhpss_follow_ups
        for each row execute function test_refuse_follow_up()`);
    });
    try {
      const before = await count(counsellingSessions);
      const res = await s.counsellorA.post(
        '/api/v1/counselling-sessions',
        individual(s.a3, s.centreA, { measure: K10_SELF_HARM }),
      );
      expect(res.statusCode).toBe(422);
      expect(await count(counsellingSessions)).toBe(before);
      // a session that needs no follow-up is still written (the trigger alone refused)
      expect(
        (await s.counsellorA.post('/api/v1/counselling-sessions', individual(s.a3, s.centreA))).statusCode,
      ).toBe(201);
    } finally {
      await inSystem(t.database, async (tx) => {
        await tx.execute(sql`drop trigger test_refuse_follow_up on mhpss_follow_ups`);
        await tx.execute(sql`drop function test_refuse_follow_up()`);
      });
    }
  });
});

describe('who reads what', () => {
  let made: SessionOut;
  beforeAll(async () => {
    made = await record(s.counsellorA, group([s.a1, s.a2], s.centreA, { notes: NOTE }));
  });

  it('refuses doctors and administrators the session and the list (403)', async () => {
    for (const c of [s.doctor, t.admin, s.caseworker]) {
      expect((await c.get(`/api/v1/counselling-sessions/${made.id}`)).statusCode).toBe(403);
      expect((await c.get('/api/v1/counselling-sessions')).statusCode).toBe(403);
    }
  });

  it('gives identity readers stubs only on the person: no problems, measure, notes or other people', async () => {
    for (const c of [s.doctor, t.admin, s.caseworker]) {
      const res = await c.get(`/api/v1/persons/${s.a1}/counselling`);
      expect(res.statusCode, res.body).toBe(200);
      const body = json<{ sessions: unknown[]; stubs: Record<string, unknown>[] }>(res);
      expect(body.sessions).toEqual([]);
      const stub = body.stubs.find((x) => x.id === made.id);
      expect(stub).toMatchObject({ kind: 'group', heldOn: '2026-10-29', centreId: s.centreA });
      expect(Object.keys(stub ?? {}).sort()).toEqual(['centreId', 'counsellor', 'heldOn', 'id', 'kind']);
      expect(res.body).not.toContain('raid');
      expect(res.body).not.toContain('detention_stress');
      expect(res.body).not.toContain(s.a2);
    }
  });

  it('refuses the person’s counselling to a role that reads no one (403)', async () => {
    expect((await s.stockOfficer.get(`/api/v1/persons/${s.a1}/counselling`)).statusCode).toBe(403);
  });

  it('gives counsellors the full sessions on the person, each read audited', async () => {
    const body = json<{ sessions: SessionOut[]; stubs: unknown[] }>(
      await s.counsellorA.get(`/api/v1/persons/${s.a1}/counselling`),
    );
    const full = body.sessions.find((x) => x.id === made.id);
    expect(full?.notes).toBe(NOTE);
    expect(full?.people.map((p) => p.id).sort()).toEqual([s.a1, s.a2].sort());
    const reads = (await auditOf('counselling_session', 'read')).filter((e) => e.entityId === made.id);
    expect(reads.length).toBeGreaterThan(0);
  });

  it('audits one session read', async () => {
    const before = (await auditOf('counselling_session', 'read')).filter(
      (e) => e.entityId === made.id,
    ).length;
    const res = await s.counsellor.get(`/api/v1/counselling-sessions/${made.id}`);
    expect(res.statusCode).toBe(200);
    expect(json<SessionOut>(res).notes).toBe(NOTE);
    const after = (await auditOf('counselling_session', 'read')).filter((e) => e.entityId === made.id).length;
    expect(after).toBe(before + 1);
  });

  it('lists without notes or answers, filtered, and audits the ids listed', async () => {
    const res = await s.counsellorA.get(
      `/api/v1/counselling-sessions?personId=${s.a2}&centreId=${s.centreA}&from=2026-10-01&to=2026-10-31`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const page = json<{ items: Record<string, unknown>[]; total: number }>(res);
    expect(page.items.map((i) => i.id)).toContain(made.id);
    expect(page.items.every((i) => !('notes' in i) && !('measure' in i))).toBe(true);
    const none = json<{ items: unknown[] }>(
      await s.counsellorA.get(`/api/v1/counselling-sessions?personId=${s.a2}&to=2026-10-01`),
    );
    expect(none.items).toEqual([]);
    const listed = (await auditOf('counselling_session', 'read')).find(
      (e) => e.entityId === null && ((e.detail?.ids as string[] | undefined) ?? []).includes(made.id),
    );
    expect(listed?.detail).toMatchObject({ count: page.items.length });
  });

  it('hides the sessions of people out of a counsellor’s reach (404) and out of the list', async () => {
    const atB = await record(s.counsellor, individual(s.b1, s.centreB, { notes: NOTE }));
    expect((await s.counsellorA.get(`/api/v1/counselling-sessions/${atB.id}`)).statusCode).toBe(404);
    const list = json<{ items: { id: string }[] }>(
      await s.counsellorA.get('/api/v1/counselling-sessions?limit=200'),
    );
    expect(list.items.map((i) => i.id)).not.toContain(atB.id);
  });

  it('shows identity readers a session on the timeline, as a stub', async () => {
    const items = json<{ items: { kind: string; category: string; detail: Record<string, unknown> }[] }>(
      await s.caseworker.get(`/api/v1/persons/${s.a2}/timeline`),
    ).items.filter((i) => i.kind === 'counselling_session');
    expect(items).toContainEqual(
      expect.objectContaining({ category: 'mhpss', detail: { sessionId: made.id, kind: 'group' } }),
    );
  });

  it('offers the counselling capabilities in /me to counsellors only', async () => {
    const caps = async (c: typeof s.counsellor) =>
      json<{ capabilities: string[] }>(await c.get('/api/v1/me')).capabilities;
    expect(await caps(s.counsellorA)).toEqual(
      expect.arrayContaining(['counselling:read', 'counselling:create', 'follow_ups:read']),
    );
    for (const c of [s.doctor, t.admin, s.caseworker])
      expect(
        (await caps(c)).filter((x) => x.startsWith('counselling:') || x.startsWith('follow_ups:')),
      ).toEqual([]);
  });
});

describe('who may record', () => {
  it('refuses a group with someone out of the counsellor’s sight (404) and writes nothing', async () => {
    const before = await count(counsellingSessions);
    const res = await s.counsellorA.post('/api/v1/counselling-sessions', group([s.a1, s.b1], s.centreA));
    expect(res.statusCode).toBe(404);
    expect(await count(counsellingSessions)).toBe(before);
  });

  it('needs ONE assignment writing counselling that holds everyone: seeing a person is not enough (403)', async () => {
    const both = await t.signIn({
      roles: [
        { role: 'counsellor', centreIds: [s.centreA] },
        { role: 'caseworker', centreIds: [s.centreB] },
      ],
    });
    const res = await both.post('/api/v1/counselling-sessions', group([s.a1, s.b1], s.centreA));
    expect(res.statusCode, res.body).toBe(403);
    const atB = await both.post('/api/v1/counselling-sessions', individual(s.b1, s.centreB));
    expect(atB.statusCode).toBe(403);
    expect((await both.post('/api/v1/counselling-sessions', individual(s.a1, s.centreA))).statusCode).toBe(
      201,
    );
  });

  it('refuses doctors and caseworkers (403)', async () => {
    for (const c of [s.doctor, s.caseworker, t.admin])
      expect((await c.post('/api/v1/counselling-sessions', individual(s.a1, s.centreA))).statusCode).toBe(
        403,
      );
  });

  it('refuses bad input with field paths (400)', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [individual(s.a1, s.centreA, { personIds: [s.a1, s.a2] }), 'personIds'],
      [
        individual(s.a1, s.centreA, { measure: { ...K10_CALM, answers: [1, 2, 3, 4, 5, 1] } }),
        'measure.answers',
      ],
      [group([s.a1, s.a2], s.centreA, { measure: K10_CALM }), 'measure'],
      [individual(s.a1, s.centreA, { nextSessionOn: '2026-10-01' }), 'nextSessionOn'],
      [individual(s.a1, s.centreA, { interventions: [] }), 'interventions'],
      [individual(s.a1, s.centreA, { durationMinutes: 1 }), 'durationMinutes'],
    ];
    for (const [body, path] of cases) {
      const res = await s.counsellorA.post('/api/v1/counselling-sessions', body);
      expect(res.statusCode, path).toBe(400);
      expect(json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path)).toContain(path);
    }
  });

  it('refuses an unknown centre on its field (422)', async () => {
    const res = await s.counsellor.post(
      '/api/v1/counselling-sessions',
      individual(s.a1, '01900000-0000-7000-8000-000000000000'),
    );
    expect(res.statusCode).toBe(422);
    expect(json(res)).toMatchObject({ errors: [{ path: 'centreId' }] });
  });
});

describe('changing a session', () => {
  it('creates the urgent follow-up when a new answer shows thoughts of self-harm, once', async () => {
    const calm = await record(s.counsellorA, individual(s.a2, s.centreA, { measure: K10_CALM }));
    expect(calm).toMatchObject({ score: 12, band: 'low', urgent: false });
    expect(await followUpsOf(s.counsellorA, calm.id)).toEqual([]);
    const res = await s.counsellorA.patch(`/api/v1/counselling-sessions/${calm.id}`, {
      version: calm.version,
      measure: K10_SELF_HARM,
    });
    expect(res.statusCode, res.body).toBe(200);
    const changed = json<SessionOut>(res);
    expect(changed).toMatchObject({ score: 32, urgent: true, version: calm.version + 1 });
    const again = await s.counsellorA.patch(`/api/v1/counselling-sessions/${calm.id}`, {
      version: changed.version,
      durationMinutes: 60,
    });
    expect(again.statusCode).toBe(200);
    const fus = await followUpsOf(s.counsellorA, calm.id);
    expect(fus).toEqual([
      expect.objectContaining({ urgent: true, reason: 'self_harm_risk', dueOn: '2026-10-30' }),
    ]);
    const updates = (await auditOf('counselling_session', 'update')).filter((e) => e.entityId === calm.id);
    expect(updates.map((e) => [...e.changedFields].sort())).toEqual([['durationMinutes'], ['measure']]);
  });

  it('refuses a stale version (409)', async () => {
    const made = await record(s.counsellorA, individual(s.a3, s.centreA));
    const res = await s.counsellorA.patch(`/api/v1/counselling-sessions/${made.id}`, {
      version: made.version + 1,
      durationMinutes: 30,
    });
    expect(res.statusCode).toBe(409);
  });

  it('checks the rules on the changed session as a whole (422 with paths)', async () => {
    const made = await record(s.counsellorA, individual(s.a3, s.centreA, { measure: K10_CALM }));
    const res = await s.counsellorA.patch(`/api/v1/counselling-sessions/${made.id}`, {
      version: made.version,
      kind: 'group',
    });
    expect(res.statusCode).toBe(422);
    const paths = json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['personIds', 'measure']));
    const late = await s.counsellorA.patch(`/api/v1/counselling-sessions/${made.id}`, {
      version: made.version,
      heldOn: '2026-10-31',
      nextSessionOn: '2026-10-30',
    });
    expect(late.statusCode).toBe(400);
  });

  it('moves the next-session follow-up with the planned day, and drops it when none is planned', async () => {
    const made = await record(s.counsellorA, individual(s.a1, s.centreA, { nextSessionOn: '2026-11-09' }));
    expect(await followUpsOf(s.counsellorA, made.id)).toEqual([
      expect.objectContaining({ urgent: false, reason: 'next_session', dueOn: '2026-11-09' }),
    ]);
    const moved = json<SessionOut>(
      await s.counsellorA.patch(`/api/v1/counselling-sessions/${made.id}`, {
        version: made.version,
        nextSessionOn: '2026-11-16',
      }),
    );
    expect((await followUpsOf(s.counsellorA, made.id)).map((f) => f.dueOn)).toEqual(['2026-11-16']);
    await s.counsellorA.patch(`/api/v1/counselling-sessions/${made.id}`, {
      version: moved.version,
      nextSessionOn: null,
    });
    expect(await followUpsOf(s.counsellorA, made.id)).toEqual([]);
  });

  it('refuses others: doctors (403), counsellors who do not reach the session (404)', async () => {
    const atB = await record(s.counsellor, individual(s.b1, s.centreB));
    expect((await s.doctor.patch(`/api/v1/counselling-sessions/${atB.id}`, { version: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (
        await s.counsellorA.patch(`/api/v1/counselling-sessions/${atB.id}`, {
          version: 1,
          durationMinutes: 20,
        })
      ).statusCode,
    ).toBe(404);
  });
});
