import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../../domain/health/surveillance';
import { type Client, json, type TestApp, testApp } from '../../test/harness';
import { admit, type Clinic, consult, openSession, seedClinic } from './surveillance.fixtures';

// Alerts raised by evaluateAlerts (in the consultation's transaction, as the consultation service
// calls it) and moved on over the API. The clock is Monday 2026-11-02 (2026-W45).

let t: TestApp;
let doctor: Client;
let manager: Client;
beforeAll(async () => {
  t = await testApp();
  doctor = await t.signIn({ role: 'doctor' });
  manager = await t.signIn({ role: 'manager' });
});
afterAll(() => t.close());

type Page = { items: AlertView[]; nextCursor: string | null; total: number };
const alertsOf = async (c: Client, query: string) => {
  const res = await c.get(`/api/v1/alerts?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<Page>(res);
};
const ruleCodes = async (centreId: string) =>
  (await alertsOf(doctor, `centreId=${centreId}`)).items.map((a) => `${a.week} ${a.ruleCode}`).sort();
const transition = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/v1/alerts/${id}/transition`, body);
type Ev = {
  action: string;
  entityType: string;
  entityId: string;
  changedFields: string[];
  detail: Record<string, unknown>;
};
const auditOf = async (entityId: string) =>
  json<{ items: Ev[] }>(await t.admin.get(`/api/v1/audit?entityId=${entityId}`)).items;

let measles: Clinic;
let measlesAlert: AlertView;

describe('evaluateAlerts', () => {
  it('raises an alert when a suspected measles case is recorded, audited without naming anyone', async () => {
    measles = await seedClinic(t);
    const [p1, p2] = await admit(t, measles.centreId, 30);
    await consult(t, measles, { personId: p1!, on: '2026-11-02', codes: ['J06.9'], evaluate: true });
    expect(await ruleCodes(measles.centreId)).toEqual([]);
    await consult(t, measles, { personId: p1!, on: '2026-11-02', codes: ['B05.9'], evaluate: true });
    const [alert, ...more] = (await alertsOf(doctor, `centreId=${measles.centreId}`)).items;
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      week: '2026-W45',
      syndrome: 'measles',
      ruleCode: 'measles_case',
      kind: 'count',
      value: 1,
      threshold: 1,
      cases: 1,
      status: 'new',
      raisedAt: t.now().toISOString(),
      actedBy: null,
      allowedActions: ['read', 'verify', 'discard'],
    });
    const [created] = await auditOf(alert!.id);
    expect(created).toMatchObject({ action: 'create', entityType: 'alert' });
    expect(JSON.stringify(created?.detail)).not.toContain(p1!);

    // a second case: the same alert, its figures updated (and its version kept for the clinician)
    await consult(t, measles, { personId: p2!, on: '2026-11-03', codes: ['B05.9'], evaluate: true });
    const again = (await alertsOf(doctor, `centreId=${measles.centreId}`)).items;
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({
      id: alert!.id,
      cases: 2,
      value: 2,
      status: 'new',
      version: alert!.version,
    });
    expect(await auditOf(alert!.id)).toHaveLength(1);
    measlesAlert = again[0]!;
  });

  it('raises the cholera alert for two people aged 2+ with watery diarrhoea and severe dehydration', async () => {
    const c = await seedClinic(t);
    const people = await admit(t, c.centreId, 200);
    const awd = (i: number, ageYears: number, dehydration: 'none' | 'some' | 'severe') =>
      consult(t, c, {
        personId: people[i]!,
        on: '2026-11-02',
        codes: ['A09.0'],
        ageYears,
        dehydration,
        evaluate: true,
      });
    const cholera = async () =>
      (await alertsOf(doctor, `centreId=${c.centreId}`)).items.find((a) => a.ruleCode === 'cholera_alert');
    await awd(0, 30, 'severe');
    await awd(1, 1, 'severe'); // under two: not counted
    await awd(2, 40, 'some');
    expect(await cholera()).toBeUndefined();
    await awd(3, 5, 'severe');
    expect(await cholera()).toMatchObject({ syndrome: 'acute_watery_diarrhoea', cases: 2, threshold: 2 });
  });

  it('compares with the three previous weeks only once the centre has three weeks of history', async () => {
    const resp = { codes: ['J18.9'], evaluate: true };
    // D: first clinic in W42 (2 cases), none in W43, 1 in W44: a mean of 1
    const d = await seedClinic(t);
    const dp = await admit(t, d.centreId, 100);
    await consult(t, d, { ...resp, personId: dp[0]!, on: '2026-10-12' });
    await consult(t, d, { ...resp, personId: dp[1]!, on: '2026-10-13' });
    await consult(t, d, { ...resp, personId: dp[2]!, on: '2026-10-27' });
    // E: first clinic in W43, no cases before this week: two weeks of history only
    const e = await seedClinic(t);
    const ep = await admit(t, e.centreId, 100);
    await openSession(t, e, '2026-10-19');
    for (let i = 0; i < 4; i++) {
      await consult(t, d, { ...resp, personId: dp[10 + i]!, on: '2026-11-02' });
      await consult(t, e, { ...resp, personId: ep[10 + i]!, on: '2026-11-02' });
    }
    expect(await ruleCodes(d.centreId)).toEqual([]); // 4 cases: under the rule's 5
    await consult(t, d, { ...resp, personId: dp[20]!, on: '2026-11-02' });
    await consult(t, e, { ...resp, personId: ep[20]!, on: '2026-11-02' });
    const [doubling] = (await alertsOf(doctor, `centreId=${d.centreId}`)).items;
    expect(doubling).toMatchObject({
      week: '2026-W45',
      ruleCode: 'respiratory_doubling',
      cases: 5,
      value: 5,
    });
    expect(await ruleCodes(e.centreId)).toEqual([]);
  });

  it('re-evaluates the doubling of the weeks after a backdated consultation', async () => {
    const g = await seedClinic(t);
    const people = await admit(t, g.centreId, 100);
    await openSession(t, g, '2026-10-19');
    for (let i = 0; i < 5; i++)
      await consult(t, g, { personId: people[i]!, on: '2026-11-02', codes: ['J11.1'], evaluate: true });
    expect(await ruleCodes(g.centreId)).toEqual([]); // W42 is before the centre's first clinic
    // a consultation of W42 entered late: the centre's history now starts there
    await consult(t, g, { personId: people[9]!, on: '2026-10-14', codes: ['J11.1'], evaluate: true });
    expect(await ruleCodes(g.centreId)).toEqual(['2026-W45 respiratory_doubling']);
  });
});

describe('alert transitions', () => {
  it('new → verified by a clinician → responded by a manager, each recording who acted', async () => {
    const verified = await transition(doctor, measlesAlert.id, {
      status: 'verified',
      version: measlesAlert.version,
    });
    expect(verified.statusCode, verified.body).toBe(200);
    const v = json<AlertView>(verified);
    expect(v).toMatchObject({
      status: 'verified',
      actedBy: { id: doctor.userId },
      actedAt: t.now().toISOString(),
    });
    expect(v.version).toBe(measlesAlert.version + 1);

    const seenByManager = json<AlertView>(await manager.get(`/api/v1/alerts/${measlesAlert.id}`));
    expect(seenByManager.allowedActions).toEqual(['read', 'respond']);
    // verifying is clinical: a manager may not, nor move it twice
    expect(
      (await transition(manager, measlesAlert.id, { status: 'discarded', version: v.version })).statusCode,
    ).toBe(403);

    const note = 'Contacts vaccinated, isolation room opened';
    const responded = await transition(manager, measlesAlert.id, {
      status: 'responded',
      note,
      version: v.version,
    });
    expect(responded.statusCode, responded.body).toBe(200);
    expect(json<AlertView>(responded)).toMatchObject({
      status: 'responded',
      note,
      actedBy: { id: manager.userId },
      allowedActions: ['read'],
    });
    const events = await auditOf(measlesAlert.id);
    expect(events.map((e) => [e.action, e.detail?.to])).toEqual([
      ['transition', 'responded'],
      ['transition', 'verified'],
      ['create', undefined],
    ]);
    expect(events[0]?.changedFields).toContain('note');
    expect(JSON.stringify(events[0])).not.toContain(note);
  });

  it('refuses a move the status does not allow (422), a stale version (409), bad input (400)', async () => {
    const c = await seedClinic(t);
    const [p] = await admit(t, c.centreId, 10);
    await consult(t, c, { personId: p!, on: '2026-11-02', codes: ['A80.9'], evaluate: true });
    const [alert] = (await alertsOf(doctor, `centreId=${c.centreId}`)).items;
    const early = await transition(doctor, alert!.id, { status: 'responded', version: alert!.version });
    expect(early.statusCode).toBe(422);
    expect(json(early)).toMatchObject({ code: 'alert_transition_not_allowed', errors: [{ path: 'status' }] });
    // a manager's response to a new alert: the transition is refused first
    expect(
      (await transition(manager, alert!.id, { status: 'responded', version: alert!.version })).statusCode,
    ).toBe(422);
    const stale = await transition(doctor, alert!.id, { status: 'verified', version: alert!.version + 1 });
    expect(stale.statusCode).toBe(409);
    const bad = await transition(doctor, alert!.id, { status: 'closed', version: alert!.version });
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path)).toContain('status');
    // nothing moved
    expect(json<AlertView>(await doctor.get(`/api/v1/alerts/${alert!.id}`))).toMatchObject({
      status: 'new',
      version: alert!.version,
    });
    const discarded = await transition(doctor, alert!.id, {
      status: 'discarded',
      note: 'Old paralysis',
      version: alert!.version,
    });
    expect(json<AlertView>(discarded).status).toBe('discarded');
  });

  it('keeps alerts to the reader’s centres (404 elsewhere) and refuses roles without access (403)', async () => {
    const other = await seedClinic(t);
    const nurseElsewhere = await t.signIn({ role: 'nurse', centreIds: [other.centreId] });
    expect((await nurseElsewhere.get(`/api/v1/alerts/${measlesAlert.id}`)).statusCode).toBe(404);
    expect((await alertsOf(nurseElsewhere, '')).items).toEqual([]);
    const nurseThere = await t.signIn({ role: 'nurse', centreIds: [measles.centreId] });
    expect((await alertsOf(nurseThere, '')).items.map((a) => a.id)).toEqual([measlesAlert.id]);
    for (const role of ['caseworker', 'stock_officer', 'counsellor'] as const) {
      const c = await t.signIn({ role });
      expect((await c.get(`/api/v1/alerts/${measlesAlert.id}`)).statusCode).toBe(403);
      expect((await transition(c, measlesAlert.id, { status: 'discarded', version: 1 })).statusCode).toBe(
        403,
      );
    }
  });

  it('lists newest first, filtered, a page at a time', async () => {
    const all = await alertsOf(doctor, 'limit=200');
    const raised = all.items.map((a) => a.raisedAt);
    expect(raised).toEqual([...raised].sort().reverse());
    expect(all.total).toBe(all.items.length);
    const first = await alertsOf(doctor, 'limit=1');
    expect(first.items).toHaveLength(1);
    const second = await alertsOf(doctor, `limit=1&cursor=${first.nextCursor}`);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    expect((await alertsOf(doctor, 'status=responded')).items.map((a) => a.id)).toEqual([measlesAlert.id]);
    expect((await alertsOf(doctor, 'syndrome=acute_flaccid_paralysis&status=discarded')).total).toBe(1);
    expect((await doctor.get('/api/v1/alerts?status=open')).statusCode).toBe(400);
  });
});

describe('alert rules', () => {
  const put = (c: Client, rules: unknown[]) =>
    c.request({ method: 'PUT', url: '/api/v1/alert-rules', payload: { rules } });
  const rules = async (c: Client) =>
    json<{ rules: { code: string }[]; defaults: boolean }>(await c.get('/api/v1/alert-rules'));

  it('are the defaults until the mission sets its own; set all or nothing by a mission-wide clinician', async () => {
    const before = await rules(manager);
    expect(before.defaults).toBe(true);
    expect(before.rules.map((r) => r.code)).toContain('cholera_alert');

    const mine = [{ code: 'scabies_any', syndrome: 'scabies', kind: 'count', threshold: 1 }];
    const scoped = await t.signIn({ role: 'doctor', centreIds: [measles.centreId] });
    expect((await put(scoped, mine)).statusCode).toBe(403);
    expect((await put(manager, mine)).statusCode).toBe(403);
    const dup = await put(doctor, [...mine, { ...mine[0], threshold: 2 }]);
    expect(dup.statusCode).toBe(422);
    expect(json(dup)).toMatchObject({ errors: [{ path: 'rules.1.code' }] });
    const bad = await put(doctor, [
      ...mine,
      { code: 'x_rate', syndrome: 'scabies', kind: 'rate', threshold: 0 },
    ]);
    expect(bad.statusCode).toBe(400);
    expect(json<{ errors: { path: string }[] }>(bad).errors.map((e) => e.path)).toContain(
      'rules.1.threshold',
    );
    expect((await rules(doctor)).defaults).toBe(true);

    const saved = await put(doctor, mine);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(json(saved)).toMatchObject({ defaults: false, rules: [{ code: 'scabies_any', active: true }] });

    // the mission's rules apply: one scabies case raises, a measles case no longer does
    const c = await seedClinic(t);
    const [p, q] = await admit(t, c.centreId, 500);
    await consult(t, c, { personId: p!, on: '2026-11-02', codes: ['B86'], evaluate: true });
    await consult(t, c, { personId: q!, on: '2026-11-02', codes: ['B05.9'], evaluate: true });
    expect(await ruleCodes(c.centreId)).toEqual(['2026-W45 scabies_any']);

    expect((await put(doctor, [])).statusCode).toBe(200);
    expect((await rules(doctor)).defaults).toBe(true);
    const events = json<{ items: Ev[] }>(await t.admin.get('/api/v1/audit?entityType=alert_rules')).items;
    expect(events.map((e) => e.changedFields.includes('scabies_any'))).toEqual([true, true]);
  });
});
