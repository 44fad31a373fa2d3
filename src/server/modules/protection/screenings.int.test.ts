import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, patch } from '../../../domain/protection/screening.fixtures';
import { rows } from '../../platform/tx';
import { buildCentre, buildPerson } from '../../test/factories';
import { type Client, json, type TestApp, testApp } from '../../test/harness';

let t: TestApp;
let cw: Client;
let po: Client;
let personId: string;
beforeAll(async () => {
  t = await testApp();
  const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
  cw = await t.signIn({ role: 'caseworker' });
  po = await t.signIn({ role: 'protection_officer' });
  personId = json<{ id: string }>(await cw.post('/api/v1/persons', buildPerson(centre))).id;
});
afterAll(() => t.close());

const trafficked = patch(BASE, { tr_forced_labour: 'yes', tr_documents_taken: 'yes', tr_confinement: 'yes' });
type S = {
  id: string;
  flags: string[];
  riskLevel: string;
  computedRisk: string;
  answers?: Record<string, unknown>;
  overrideReason: string | null;
};

describe('screening', () => {
  it('derives flags and a risk level from the answers, stores answers encrypted, opens a case', async () => {
    const res = await cw.post('/api/v1/screenings', {
      personId,
      screenedOn: '2026-11-01',
      interviewLanguage: 'ar',
      interpreter: true,
      answers: trafficked,
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = json<S>(res);
    expect(s.flags).toContain('trafficking_victim_suspected');
    expect(['high', 'critical']).toContain(s.riskLevel);
    const [raw] = await rows<{ answers: string; risk_level: string }>(
      t.database.db.execute(sql`select answers, risk_level from screenings where id = ${s.id}`),
    );
    expect(raw?.answers).not.toContain('tr_forced_labour');
    expect(raw?.risk_level).toBe(s.riskLevel);
    const cases = json<{ items: { personId: string; status: string }[] }>(
      await cw.get(`/api/v1/cases?personId=${personId}`),
    ).items;
    expect(cases).toEqual([expect.objectContaining({ personId, status: 'open' })]);
  });

  it('refuses invalid answers with field paths, and nothing is stored', async () => {
    const before = json<{ items: unknown[] }>(await cw.get(`/api/v1/screenings?personId=${personId}`)).items
      .length;
    const res = await cw.post('/api/v1/screenings', {
      personId,
      screenedOn: '2026-11-01',
      answers: { ...BASE, tr_forced_labour: 'perhaps', bogus: 1 },
    });
    expect(res.statusCode).toBe(400);
    const paths = json<{ errors: { path: string }[] }>(res).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['answers.tr_forced_labour', 'answers.bogus']));
    expect(
      json<{ items: unknown[] }>(await cw.get(`/api/v1/screenings?personId=${personId}`)).items.length,
    ).toBe(before);
  });

  it('refuses an answer to a question that does not apply to the person (pregnancy, for a man)', async () => {
    // personId is a man (the factory's default)
    const res = await cw.post('/api/v1/screenings', {
      personId,
      screenedOn: '2026-11-01',
      answers: { ...BASE, he_pregnant: 'yes', he_trimester: 'first' },
    });
    expect(res.statusCode).toBe(400);
    expect(json<{ errors: { path: string; message: string }[] }>(res).errors).toEqual(
      expect.arrayContaining([
        { path: 'answers.he_pregnant', message: 'Not asked: it does not apply to this person' },
        { path: 'answers.he_trimester', message: 'Not asked: it does not apply to this person' },
      ]),
    );
    // asked of a woman, and kept
    const centre = json<{ id: string }>(await t.admin.post('/api/v1/centres', buildCentre())).id;
    const woman = json<{ id: string }>(
      await cw.post('/api/v1/persons', buildPerson(centre, { sex: 'female' })),
    ).id;
    const ok = await po.post('/api/v1/screenings', {
      personId: woman,
      screenedOn: '2026-11-01',
      answers: { ...BASE, he_pregnant: 'yes', he_trimester: 'first' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(json<S>(ok)).toMatchObject({
      flags: ['pregnant'],
      answers: expect.objectContaining({ he_pregnant: 'yes' }),
    });
  });

  it('keeps history on re-screening; only a protection officer overrides, with a reason', async () => {
    const override = {
      riskLevel: 'critical',
      flagsAdded: ['international_protection_need'],
      reason: 'Disclosed fear of return after the interview ended',
    };
    expect(
      (await cw.post('/api/v1/screenings', { personId, screenedOn: '2026-11-02', answers: BASE, override }))
        .statusCode,
    ).toBe(403);
    const res = await po.post('/api/v1/screenings', {
      personId,
      screenedOn: '2026-11-02',
      answers: BASE,
      override,
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = json<S>(res);
    expect(s).toMatchObject({ riskLevel: 'critical', computedRisk: 'low', overrideReason: override.reason });
    expect(s.flags).toContain('international_protection_need');
    const all = json<{ items: S[] }>(await cw.get(`/api/v1/screenings?personId=${personId}`)).items;
    expect(all.length).toBeGreaterThanOrEqual(2);
    const short = await po.post('/api/v1/screenings', {
      personId,
      screenedOn: '2026-11-02',
      answers: BASE,
      override: { ...override, reason: 'no' },
    });
    expect(short.statusCode).toBe(400);
  });

  it('shows a doctor that flags exist, never the answers or notes', async () => {
    const doctor = await t.signIn({ role: 'doctor' });
    const summary = json<{ flags: string[]; riskLevel: string }>(
      await doctor.get(`/api/v1/persons/${personId}/protection`),
    );
    expect(summary.flags).toContain('international_protection_need');
    expect(summary.riskLevel).toBe('critical');
    expect((await doctor.get(`/api/v1/screenings?personId=${personId}`)).statusCode).toBe(403);
    const [first] = json<{ items: S[] }>(await cw.get(`/api/v1/screenings?personId=${personId}`)).items;
    expect((await doctor.get(`/api/v1/screenings/${first!.id}`)).statusCode).toBe(403);
    expect((await doctor.get(`/api/v1/notes?personId=${personId}`)).statusCode).toBe(403);
    const timeline = json<{ items: { category: string }[] }>(
      await doctor.get(`/api/v1/persons/${personId}/timeline`),
    ).items;
    expect(timeline.every((i) => i.category !== 'protection')).toBe(true);
    const viewer = await t.signIn({ role: 'viewer' });
    expect((await viewer.get(`/api/v1/persons/${personId}/protection`)).statusCode).toBe(403);
  });

  it('shows answers to protection readers on one screening, auditing the read; lists carry no answers', async () => {
    const [first] = json<{ items: S[] }>(await cw.get(`/api/v1/screenings?personId=${personId}`)).items;
    expect(first?.answers).toBeUndefined();
    const manager = await t.signIn({ role: 'manager' });
    const one = json<S>(await manager.get(`/api/v1/screenings/${first!.id}`));
    expect(one.answers).toBeDefined();
    const reads = json<{ items: { actorUsername: string }[] }>(
      await t.admin.get(`/api/v1/audit?entityId=${first!.id}&action=read`),
    ).items;
    expect(reads[0]?.actorUsername).toBe(manager.username);
    const timeline = json<{ items: { kind: string }[] }>(
      await cw.get(`/api/v1/persons/${personId}/timeline`),
    ).items;
    expect(timeline.filter((i) => i.kind === 'screening').length).toBeGreaterThanOrEqual(2);
  });

  it('serves the screening template as data in three languages', async () => {
    const tpl = json<{
      key: string;
      version: number;
      sections: { title: { ar: string } }[];
      rules: unknown[];
    }>(await cw.get('/api/v1/screening-templates/vulnerability'));
    expect(tpl.key).toBe('vulnerability');
    expect(tpl.rules.length).toBeGreaterThan(10);
    expect(tpl.sections[0]?.title.ar).toMatch(/[\u0600-\u06FF]/);
  });
});

describe('capabilities', () => {
  it('tell the web app who may screen, override, refer and see flags', async () => {
    const caps = async (c: Client) =>
      json<{ capabilities: string[] }>(await c.get('/api/v1/me')).capabilities;
    expect(await caps(po)).toEqual(
      expect.arrayContaining([
        'screenings:create',
        'screenings:override',
        'referrals:override_consent',
        'tasks:create',
      ]),
    );
    const mine = await caps(cw);
    expect(mine).toEqual(expect.arrayContaining(['screenings:create', 'referrals:create', 'tasks:read']));
    expect(mine).not.toContain('screenings:override');
    expect(mine).not.toContain('referrals:override_consent');
    const doctor = await caps(await t.signIn({ role: 'doctor' }));
    expect(doctor).toContain('protection:flags');
    expect(doctor).not.toContain('screenings:read');
  });
});
