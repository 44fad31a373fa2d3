import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/tx';
import { buildCentre, buildPerson, createRecipient } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

let t: TestApp;
let cw: Client;
let po: Client;
let unhcr: string;
let personId: string;
beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  unhcr = await createRecipient(t.admin, { name: 'UNHCR Test', kind: 'un_agency' });
  cw = await t.signIn({ role: 'caseworker' });
  po = await t.signIn({ role: 'protection_officer' });
  personId = json<{ id: string }>(
    await cw.post(
      '/api/v1/persons',
      buildPerson(centre, {
        givenName: 'Mohammed',
        familyName: 'Abdelrahman',
        fullNameOriginal: 'محمد عبد الرحمن',
        nationality: 'SDN',
      }),
    ),
  ).id;
});
afterAll(() => t.close());

const referralBody = (o = {}) => ({
  personId,
  recipientOrganisationId: unhcr,
  service: 'international_protection',
  urgency: 'priority',
  reason: 'Fears persecution on return; registered asylum seeker in Sudan before.',
  ...o,
});
const consentBody = (o = {}) => ({
  personId,
  purpose: 'referral',
  recipientOrganisationId: unhcr,
  decision: 'given',
  method: 'verbal',
  language: 'ar',
  interpreter: true,
  givenOn: '2026-11-01',
  ...o,
});
type Ref = {
  id: string;
  status: string;
  version: number;
  overdue: boolean;
  events: { to: string }[];
  allowedActions: string[];
};
const move = (c: Client, r: Ref, to: string, extra = {}) =>
  c.post(`/api/v1/referrals/${r.id}/transitions`, { to, version: r.version, ...extra });

describe('consent before referral', () => {
  it('refuses a referral without consent with a 422 naming consent; a caseworker cannot override', async () => {
    const res = await cw.post('/api/v1/referrals', referralBody());
    expect(res.statusCode).toBe(422);
    expect(json(res)).toMatchObject({ code: 'consent_missing', errors: [{ path: 'consent' }] });
    expect(json<{ detail: string }>(res).detail).toMatch(/consent is missing/i);
    const tried = await cw.post(
      '/api/v1/referrals',
      referralBody({ consentOverrideReason: 'Urgent case, no time to ask' }),
    );
    expect(tried.statusCode).toBe(403);
  });

  it('refers with consent; after withdrawal, new referrals and sending are refused', async () => {
    const c = json<{ id: string; version: number; valid: boolean }>(
      await cw.post('/api/v1/consents', consentBody()),
    );
    expect(c.valid).toBe(true);
    const draft = json<Ref>(await cw.post('/api/v1/referrals', referralBody()));
    expect(draft.status).toBe('draft');
    const withdrawn = await cw.post(`/api/v1/consents/${c.id}/withdraw`, {
      version: c.version,
      withdrawnOn: '2026-11-02',
      reason: 'Changed their mind',
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(json<{ valid: boolean }>(withdrawn).valid).toBe(false);
    const again = await cw.post('/api/v1/referrals', referralBody());
    expect(again.statusCode).toBe(422);
    expect(json(again).code).toBe('consent_refused');
    const send = await move(cw, draft, 'sent');
    expect(send.statusCode).toBe(422);
    expect(json(send).code).toBe('consent_refused');
  });

  it('lets a protection officer override a missing decision with a reason, and audits it', async () => {
    // the person was never asked about this recipient (their withdrawal above was for UNHCR, and
    // an override cannot replace a refusal)
    const other = await createRecipient(t.admin);
    const reason = 'Child at imminent risk; guardian unreachable, best interests procedure';
    const refused = await po.post('/api/v1/referrals', referralBody({ consentOverrideReason: reason }));
    expect(json(refused).code).toBe('consent_refused');
    const res = await po.post(
      '/api/v1/referrals',
      referralBody({ recipientOrganisationId: other, consentOverrideReason: reason }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const r = json<Ref & { consentOverrideReason: string }>(res);
    expect(r.consentOverrideReason).toBe(reason);
    const audit = json<{ items: { action: string; detail: Record<string, unknown> }[] }>(
      await t.admin.get('/api/v1/audit?action=override'),
    );
    expect(audit.items.map((e) => e.detail.recipientOrganisationId)).toContain(other);
    // the reason may tell the person's story: encrypted on the referral, never in the audit trail
    expect(JSON.stringify(audit.items)).not.toContain('imminent risk');
    const [raw] = await rows<{ c: string | null; e: string | null }>(
      t.database.db.execute(
        sql`select consent_override_reason as c, consent_override_reason_enc as e from referrals where id = ${r.id}`,
      ),
    );
    expect(raw?.c).toBeNull();
    expect(raw?.e).toMatch(/^v1:/);
  });
});

describe('referral lifecycle', () => {
  it('goes draft → sent → acknowledged → accepted → completed, timing each step; refuses skips', async () => {
    await cw.post('/api/v1/consents', consentBody({ givenOn: '2026-11-02' }));
    let r = json<Ref>(await cw.post('/api/v1/referrals', referralBody()));
    expect((await move(cw, r, 'accepted')).statusCode).toBe(409);
    for (const to of ['sent', 'acknowledged', 'accepted', 'completed']) {
      const res = await move(cw, r, to);
      expect(res.statusCode, res.body).toBe(200);
      r = json<Ref>(res);
      expect(r.status).toBe(to);
    }
    expect(r.events.map((e) => e.to)).toEqual(['draft', 'sent', 'acknowledged', 'accepted', 'completed']);
    expect(r.allowedActions.filter((a) => a.startsWith('to:'))).toEqual([]);
    // nothing follows "completed": the move is refused as it is not offered
    expect((await move(cw, r, 'cancelled')).statusCode).toBe(403);
  });

  it('lists a sent referral as overdue once the mission’s days pass without acknowledgement', async () => {
    const r = json<Ref>(await cw.post('/api/v1/referrals', referralBody({ urgency: 'routine' })));
    const sent = json<Ref>(await move(cw, r, 'sent'));
    const overdue = () =>
      cw
        .get('/api/v1/referrals?overdue=true&limit=200')
        .then((res) => json<{ items: Ref[] }>(res).items.map((x) => x.id));
    expect(await overdue()).not.toContain(r.id);
    t.advance(8 * 86_400_000);
    // eight days on, every session has ended: sign in again
    await t.refreshAdmin();
    cw = await t.signIn({ role: 'caseworker' });
    po = await t.signIn({ role: 'protection_officer' });
    expect(await overdue()).toContain(r.id);
    expect(json<Ref>(await cw.get(`/api/v1/referrals/${r.id}`)).overdue).toBe(true);
    await move(cw, sent, 'acknowledged');
    expect(await overdue()).not.toContain(r.id);
  });
});

describe('notes', () => {
  it('keeps note bodies unreadable in the database and audits every read', async () => {
    const secret = 'Told us about the warehouse in Bani Walid where they were held for ransom.';
    const n = json<{ id: string; body: string }>(
      await po.post('/api/v1/notes', { personId, category: 'protection', body: secret }),
    );
    expect(n.body).toBe(secret);
    const [raw] = await rows<{ body: string }>(
      t.database.db.execute(sql`select body from notes where id = ${n.id}`),
    );
    expect(raw?.body).toBeDefined();
    expect(raw?.body).not.toContain('warehouse');
    expect(raw?.body).toMatch(/^v1:/);
    const before = json<{ items: unknown[] }>(await t.admin.get(`/api/v1/audit?entityId=${n.id}&action=read`))
      .items.length;
    expect(json<{ body: string }>(await cw.get(`/api/v1/notes/${n.id}`)).body).toBe(secret);
    expect(
      json<{ items: { body: string }[] }>(await cw.get(`/api/v1/notes?personId=${personId}`)).items[0]?.body,
    ).toBe(secret);
    const after = json<{ items: { actorUsername: string }[] }>(
      await t.admin.get(`/api/v1/audit?entityId=${n.id}&action=read`),
    ).items;
    expect(after.length).toBe(before + 2);
    expect(after[0]?.actorUsername).toBe(cw.username);
  });

  it('keeps notes and referrals from roles that see flags only, and from the viewer', async () => {
    for (const role of ['doctor', 'nurse', 'counsellor', 'viewer', 'stock_officer'] as const) {
      const c = await t.signIn({ role });
      expect((await c.get(`/api/v1/notes?personId=${personId}`)).statusCode, role).toBe(
        role === 'viewer' || role === 'stock_officer' ? 403 : 403,
      );
      const list = await c.get('/api/v1/referrals');
      // doctors and nurses list the medical referrals only (health/medical-referrals.int.test.ts)
      if (role === 'doctor' || role === 'nurse') {
        expect(list.statusCode, role).toBe(200);
        expect(
          json<{ items: { service: string }[] }>(list).items.filter((r) => r.service !== 'medical'),
        ).toEqual([]);
      } else expect(list.statusCode, role).toBe(403);
      expect(
        (await c.post('/api/v1/notes', { personId, category: 'protection', body: 'x' })).statusCode,
        role,
      ).toBe(403);
    }
  });
});

describe('tasks', () => {
  it('puts a follow-up on the assignee’s list, overdue once its date passes', async () => {
    const me = json<{ id: string }>(await cw.get('/api/v1/me'));
    const due = t.now().toISOString().slice(0, 10);
    const created = await po.post('/api/v1/tasks', {
      title: 'Check UNHCR answer',
      dueOn: due,
      assigneeUserId: me.id,
      personId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const mine = () =>
      cw
        .get('/api/v1/tasks?status=open')
        .then((r) => json<{ items: { id: string; overdue: boolean; version: number }[] }>(r).items);
    const task = (await mine()).find((x) => x.id === json<{ id: string }>(created).id)!;
    expect(task.overdue).toBe(false);
    t.advance(40 * 60_000);
    t.advance(2 * 86_400_000 - 40 * 60_000);
    const doctor = await t.signIn({ role: 'doctor' });
    expect(json<{ items: unknown[] }>(await doctor.get('/api/v1/tasks')).items).toEqual([]);
    po = await t.signIn({ role: 'protection_officer' });
    // the caseworker signs in again two days later and finds it overdue
    const again = await t.login(cw.username, 'correct horse battery');
    expect(again.statusCode).toBe(204);
    const cookie = String(again.headers['set-cookie']).split(';')[0] as string;
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/tasks?status=open', headers: { cookie } });
    expect(
      json<{ items: { id: string; overdue: boolean }[] }>(list).items.find((x) => x.id === task.id)?.overdue,
    ).toBe(true);
    expect(
      (await po.patch(`/api/v1/tasks/${task.id}`, { version: task.version, status: 'done' })).statusCode,
    ).toBe(200);
  });
});

describe('overdue setting', () => {
  it('is the mission’s to configure', async () => {
    await t.refreshAdmin(); // earlier tests moved the clock on by days
    const m = json<{ version: number; referralOverdueDays: number }>(await t.admin.get('/api/v1/mission'));
    expect(m.referralOverdueDays).toBe(7);
    const res = await t.admin.patch('/api/v1/mission', { version: m.version, referralOverdueDays: 3 });
    expect(json<{ referralOverdueDays: number }>(res).referralOverdueDays).toBe(3);
    expect(
      (await t.admin.patch('/api/v1/mission', { version: m.version + 1, referralOverdueDays: 0 })).statusCode,
    ).toBe(400);
  });
});
